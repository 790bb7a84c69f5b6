package dev.roastden.worker.support;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.Snowflake;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds jobs as the handler would enqueue them, with snowflake ids at the clock's time. */
public final class Jobs {
    public static final String APP = "1200000000000000003";
    public static final String GUILD = "1200000000000000001";
    public static final String CHANNEL = "1200000000000000002";
    /** The bot's own user, which is not the application. */
    public static final String BOT_USER = "1200000000000000009";

    /** Users from the real persona files: each is a persona's Higher Self. */
    public static final DiscordUser FORD_HIGHER_SELF = user("100000000000000001", "Skipper");

    public static final DiscordUser JUNIPER_HIGHER_SELF = user("100000000000000002", "June");
    public static final DiscordUser SAMMY = user("100000000000000005", "Sammy");
    public static final DiscordUser RILES = user("100000000000000006", "Riles");
    public static final DiscordUser ADMIN = new DiscordUser("100000000000000007", "Admin", false, "32");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Clock clock;

    public Jobs(Clock clock) {
        this.clock = clock;
    }

    public static DiscordUser user(String id, String name) {
        return new DiscordUser(id, name, false, "0");
    }

    public DeferredJob roast(DiscordUser by, DiscordUser target, String persona, String topic) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("target", target.id());
        options.put("persona", persona);
        if (topic != null) {
            options.put("topic", topic);
        }
        return command("roast", Optional.empty(), options, by, Map.of(target.id(), target));
    }

    public DeferredJob ask(DiscordUser by, String persona, String question) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("question", question);
        if (persona != null) {
            options.put("persona", persona);
        }
        return command("ask", Optional.empty(), options, by, Map.of());
    }

    public DeferredJob remember(DiscordUser by, String persona, String fact) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("fact", fact);
        if (persona != null) {
            options.put("persona", persona);
        }
        return command("remember", Optional.empty(), options, by, Map.of());
    }

    public DeferredJob forgetMemory(DiscordUser by, String id) {
        return command("forget", Optional.of("memory"), Map.of("id", id), by, Map.of());
    }

    public DeferredJob forgetPersona(DiscordUser by, String persona) {
        return command("forget", Optional.of("persona"), Map.of("persona", persona), by, Map.of());
    }

    public DeferredJob forgetMe(DiscordUser by) {
        return command("forget", Optional.of("me"), Map.of(), by, Map.of());
    }

    public DeferredJob mention(DiscordUser by, String persona, String content) {
        return mention(by, persona, content, Optional.empty());
    }

    /** A mention aimed at {@code target}, as the mention decisions enqueue it. */
    public DeferredJob mention(DiscordUser by, String persona, String content, Optional<DiscordUser> target) {
        Instant now = clock.instant();
        String id = Snowflake.at(now, SEQUENCE.incrementAndGet());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("persona", persona);
        options.put("bot_user", BOT_USER);
        target.ifPresent(t -> options.put("target", t.id()));
        return new DeferredJob(
                DeferredJob.Kind.MENTION,
                id,
                APP,
                Optional.empty(),
                "mention",
                Optional.empty(),
                options,
                by,
                target.map(t -> Map.of(t.id(), t)).orElse(Map.of()),
                Optional.of(GUILD),
                Optional.of(CHANNEL),
                "en-US",
                now,
                Optional.of(new DeferredJob.Mention(content, Optional.empty())));
    }

    public DeferredJob optout(DiscordUser by, boolean deleteData) {
        return command("optout", Optional.empty(), Map.of("delete_data", Boolean.toString(deleteData)), by, Map.of());
    }

    public DeferredJob optin(DiscordUser by) {
        return command("optin", Optional.empty(), Map.of(), by, Map.of());
    }

    /** {@code /memories} with an optional persona and an optional member it is about. */
    public DeferredJob memories(DiscordUser by, String persona, DiscordUser about) {
        Map<String, String> options = new LinkedHashMap<>();
        if (persona != null) {
            options.put("persona", persona);
        }
        if (about != null) {
            options.put("about", about.id());
        }
        return command("memories", Optional.empty(), options, by, about == null ? Map.of() : Map.of(about.id(), about));
    }

    /** A button press carrying {@code customId} (user input: any text), on message {@code messageId}. */
    public DeferredJob component(DiscordUser by, String customId) {
        Instant now = clock.instant();
        String id = Snowflake.at(now, SEQUENCE.incrementAndGet());
        return new DeferredJob(
                DeferredJob.Kind.COMPONENT,
                id,
                APP,
                Optional.of("tok-" + id),
                DeferredJob.COMPONENT_COMMAND,
                Optional.empty(),
                Map.of(DeferredJob.CUSTOM_ID, customId, DeferredJob.MESSAGE_ID, "1200000000000000777"),
                by,
                Map.of(),
                Optional.of(GUILD),
                Optional.of(CHANNEL),
                "en-US",
                Snowflake.instant(id).orElseThrow(),
                Optional.empty());
    }

    /** A command job created {@code ageMillis} before now. */
    public DeferredJob command(
            String command,
            Optional<String> subcommand,
            Map<String, String> options,
            DiscordUser by,
            Map<String, DiscordUser> resolved) {
        Instant now = clock.instant();
        int seq = SEQUENCE.incrementAndGet();
        String id = Snowflake.at(now, seq);
        return new DeferredJob(
                DeferredJob.Kind.COMMAND,
                id,
                APP,
                Optional.of("tok-" + id),
                command,
                subcommand,
                options,
                by,
                resolved,
                Optional.of(GUILD),
                Optional.of(CHANNEL),
                "en-US",
                Snowflake.instant(id).orElseThrow(),
                Optional.empty());
    }
}
