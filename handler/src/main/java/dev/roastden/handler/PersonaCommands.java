package dev.roastden.handler;

import dev.roastden.core.command.CommandCatalog;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.interaction.InteractionContext;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaForm;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.response.InteractionResponse.ChannelMessage;
import dev.roastden.handler.InteractionRouter.Routed;
import dev.roastden.handler.PersonaReads.StoredPersona;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /persona create} and {@code /persona edit}, the two commands answered in-line with the persona form (a
 * modal cannot follow a deferral). Create needs no state: who may create what is told by the options and the
 * invoker's permissions. Edit reads the stored persona once ({@link PersonaReads}, bounded) to prefill the form and
 * to know its Higher Self; when that read fails the member is told to try again, never given an error. The worker
 * checks everything again when the form comes back.
 */
final class PersonaCommands {
    static final String FICTIONAL_NEEDS_MANAGER = "Only members with Manage Server can create a fictional persona."
            + " To make an AI version of a member, run /persona create again with the member option:"
            + " they are asked to accept first.";
    static final String NO_BOT_PERSONAS = "Bots can't have personas. Pick a human member, or leave member out"
            + " for a fictional persona (that needs Manage Server).";
    static final String EDIT_UNAVAILABLE = "Couldn't load that persona, try again in a moment.";
    static final String NO_SUCH_PERSONA =
            "This server has no persona with that id. Pick one from the list as you type, or see /persona list.";

    /** A persona id as the form's custom_id can carry it. */
    private static final Pattern PERSONA_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

    private final PersonaCatalog bundled;
    private final PersonaReads reads;

    PersonaCommands(PersonaCatalog bundled, PersonaReads reads) {
        this.bundled = bundled;
        this.reads = reads;
    }

    Routed create(Interaction.ApplicationCommand command) {
        InteractionContext context = command.context();
        String name = command.options().get("name").map(String::strip).orElse("");
        Optional<String> member =
                command.options().get(CommandCatalog.MEMBER_OPTION).filter(id -> !id.isBlank());
        if (member.isEmpty()) {
            if (!context.invoker().canManageServer()) {
                return Routed.privately(FICTIONAL_NEEDS_MANAGER, "create-refused");
            }
        } else {
            if (!SNOWFLAKE.matcher(member.get()).matches()) {
                return Routed.privately(NO_BOT_PERSONAS, "create-refused");
            }
            DiscordUser resolved = context.resolvedUsers().get(member.get());
            if (resolved != null && resolved.bot()) {
                return Routed.privately(NO_BOT_PERSONAS, "create-refused");
            }
        }
        return new Routed(PersonaForm.create(name, member), "modal");
    }

    Routed edit(Interaction.ApplicationCommand command) {
        InteractionContext context = command.context();
        String id = command.options()
                .get(CommandCatalog.PERSONA_OPTION)
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!PERSONA_ID.matcher(id).matches()) {
            return Routed.privately(NO_SUCH_PERSONA, "no-such-persona");
        }
        Optional<StoredPersona> stored;
        try {
            // The router sends only guild interactions here.
            stored = reads.persona(context.guildId().orElseThrow(), id);
        } catch (PersonaReads.Unavailable e) {
            return new Routed(
                    ChannelMessage.privately(EDIT_UNAVAILABLE), "edit-unavailable", Optional.of(e.getMessage()));
        }
        Optional<StoredPersona> target =
                stored.or(() -> bundled.find(id).map(p -> new StoredPersona(p, 0, PersonaStatus.ACTIVE)));
        if (target.isEmpty()) {
            return Routed.privately(NO_SUCH_PERSONA, "no-such-persona");
        }
        Persona persona = target.get().persona();
        DiscordUser invoker = context.invoker();
        if (!persona.isHigherSelf(invoker.id()) && !invoker.canManageServer()) {
            return Routed.privately(refusal(persona), "edit-refused");
        }
        try {
            return new Routed(PersonaForm.edit(persona, target.get().version()), "modal");
        } catch (IllegalArgumentException notAnId) {
            // A stored id or Higher Self the form's custom_id cannot carry: the worker never writes one.
            return Routed.privately(EDIT_UNAVAILABLE, "edit-unavailable");
        }
    }

    private static String refusal(Persona persona) {
        return persona.higherSelf()
                .map(member -> "Only <@" + member + "> (whose persona it is) or members with Manage Server can edit "
                        + persona.name() + ".")
                .orElse("Only members with Manage Server can edit " + persona.name() + ", a fictional persona.");
    }
}
