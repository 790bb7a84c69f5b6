package dev.roastden.worker.persona;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.component.CustomId;
import dev.roastden.core.interaction.Attachment;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import dev.roastden.core.persona.PersonaForm;
import dev.roastden.worker.commands.Attempt;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.time.TimeBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Jobs of the persona family as the handler enqueues them: form submits, button presses, /persona subcommands. */
final class PersonaJobs {
    static final Attempt FIRST = new Attempt(false, false, TimeBudget.of(Duration.ofSeconds(30)));
    /** An attempt after one that may have done part of the work. */
    static final Attempt REPEATED = new Attempt(false, true, TimeBudget.of(Duration.ofSeconds(30)));

    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

    private final Harness h;

    PersonaJobs(Harness h) {
        this.h = h;
    }

    /** The five fields of the persona form. */
    static Map<String, String> form(String name, String summary, String traits, String speech, String roast) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(PersonaForm.NAME, name);
        fields.put(PersonaForm.SUMMARY, summary);
        fields.put(PersonaForm.TRAITS, traits);
        fields.put(PersonaForm.SPEECH, speech);
        fields.put(PersonaForm.ROAST_STYLE, roast);
        return fields;
    }

    static Map<String, String> sampleForm(String name) {
        return form(
                name,
                name + " never misses a sunrise. Everyone else does.",
                "early riser\nsmug about it, relentless",
                "Talks in weather reports\n\"Rise and shine, sleepyhead.\"",
                "Gentle mockery of anyone who sleeps past seven.");
    }

    DeferredJob submit(DiscordUser by, CustomId form, Map<String, String> fields) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DeferredJob.CUSTOM_ID, form.format());
        fields.forEach((k, v) -> options.put(DeferredJob.FIELD_PREFIX + k, v));
        return job(
                DeferredJob.Kind.COMPONENT,
                DeferredJob.COMPONENT_COMMAND,
                Optional.empty(),
                options,
                by,
                Map.of(),
                Map.of());
    }

    DeferredJob create(DiscordUser by, Optional<DiscordUser> member, Map<String, String> fields) {
        return submit(
                by,
                CustomId.of(CustomId.PERSONA_CREATE, member.map(DiscordUser::id).orElse(CustomId.NONE)),
                fields);
    }

    /** A button press; {@code customId} is any text, as a client may send. */
    DeferredJob press(DiscordUser by, String customId) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DeferredJob.CUSTOM_ID, customId);
        options.put(DeferredJob.MESSAGE_ID, "1200000000000000777");
        return job(
                DeferredJob.Kind.COMPONENT,
                DeferredJob.COMPONENT_COMMAND,
                Optional.empty(),
                options,
                by,
                Map.of(),
                Map.of());
    }

    DeferredJob persona(String sub, DiscordUser by, Map<String, String> options, Map<String, DiscordUser> resolved) {
        return job(DeferredJob.Kind.COMMAND, CommandCatalog.PERSONA, Optional.of(sub), options, by, resolved, Map.of());
    }

    DeferredJob importing(DiscordUser by, Attachment file, Optional<DiscordUser> member) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(CommandCatalog.FILE_OPTION, file.id());
        member.ifPresent(m -> options.put(CommandCatalog.MEMBER_OPTION, m.id()));
        return job(
                DeferredJob.Kind.COMMAND,
                CommandCatalog.PERSONA,
                Optional.of(CommandCatalog.PERSONA_IMPORT),
                options,
                by,
                member.map(m -> Map.of(m.id(), m)).orElse(Map.of()),
                Map.of(file.id(), file));
    }

    private DeferredJob job(
            DeferredJob.Kind kind,
            String command,
            Optional<String> sub,
            Map<String, String> options,
            DiscordUser by,
            Map<String, DiscordUser> resolved,
            Map<String, Attachment> attachments) {
        Instant now = h.clock.instant();
        String id = Snowflake.at(now, SEQUENCE.incrementAndGet());
        return new DeferredJob(
                kind,
                id,
                Jobs.APP,
                Optional.of("tok-" + id),
                command,
                sub,
                options,
                by,
                resolved,
                Optional.of(Jobs.GUILD),
                Optional.of(Jobs.CHANNEL),
                "en-US",
                Snowflake.instant(id).orElseThrow(),
                Optional.empty(),
                attachments);
    }
}
