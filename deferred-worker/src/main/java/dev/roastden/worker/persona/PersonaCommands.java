package dev.roastden.worker.persona;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import java.util.Locale;
import java.util.Optional;

/** What the persona commands say and check alike. */
final class PersonaCommands {
    static final String NOT_HERE = "Server personas live in a server: run this in one.";

    private PersonaCommands() {}

    /**
     * A persona as a command finds it in a server: the server's own (with what is stored), else a bundled default.
     *
     * @param stored the server's persona, empty for a bundled one
     */
    record Target(Persona persona, PersonaStatus status, Optional<ServerPersona> stored) {
        boolean bundled() {
            return stored.isEmpty();
        }
    }

    /** The persona {@code id} in this server: its own in any status, else an unhidden bundled one. */
    static Optional<Target> find(PersonaTools tools, String guildId, String rawId) {
        String id = rawId.strip().toLowerCase(Locale.ROOT);
        Optional<ServerPersona> own = tools.store().find(guildId, id);
        if (own.isPresent()) {
            return Optional.of(new Target(own.get().persona(), own.get().status(), own));
        }
        if (tools.store().roster(guildId).hiddenDefaults().contains(id)) {
            return Optional.empty();
        }
        return tools.bundled().find(id).map(p -> new Target(p, PersonaStatus.ACTIVE, Optional.empty()));
    }

    /** Why no persona of {@code member} can be made here, if one cannot: a bot, or someone who opted out. */
    static Optional<String> cannotBeOf(PersonaTools tools, String guildId, String member, DeferredJob job) {
        DiscordUser resolved = job.resolvedUsers().get(member);
        if (resolved != null && resolved.bot()) {
            return Optional.of("bots can't have personas; pick a person.");
        }
        if (tools.consent().hasOptedOut(guildId, member)) {
            return Optional.of(
                    "that member has opted out of Roast Den in this server, so no persona of them can be" + " made.");
        }
        return Optional.empty();
    }

    /** Whether {@code user} may change {@code persona}: its Higher Self or a manager. */
    static boolean mayChange(Persona persona, DiscordUser user) {
        return persona.isHigherSelf(user.id()) || user.canManageServer();
    }

    /** The refusal for someone who may not change {@code persona}. */
    static String onlyOwnerOrManager(Persona persona, String verb) {
        return persona.higherSelf()
                .map(h -> "Only <@" + h + "> (whose persona it is) or members with Manage Server can " + verb + " **"
                        + persona.name() + "**.")
                .orElse("Only members with Manage Server can " + verb + " **" + persona.name()
                        + "**, a fictional persona.");
    }

    static String noSuchPersona(String id) {
        return "There's no persona `" + id.strip() + "` in this server. `/persona list` shows who is here.";
    }
}
