package dev.roastden.worker.commands;

import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.Persona;
import java.util.List;
import java.util.regex.Pattern;

/** Small text rules every command family shares: the memory scope, cleaning user text, tidying model text. */
public final class Texts {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");
    private static final Pattern MASS_PING = Pattern.compile("@(everyone|here)");

    private Texts() {}

    /** The memory scope: the server, or the DM channel outside servers. */
    public static String scope(DeferredJob job) {
        return job.guildId()
                .orElseGet(() -> "DM" + job.channelId().orElse(job.user().id()));
    }

    /** User text without control characters, trimmed and cut to the command's limit. */
    public static String clean(String text, int max) {
        String cleaned = CONTROL.matcher(text).replaceAll(" ").strip();
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }

    /** The model's text without a leading "Name:" and with mass pings defused. */
    public static String tidy(String text, Persona persona) {
        String out = text.strip();
        for (String prefix :
                List.of(persona.name() + ":", "**" + persona.name() + "**:", "**" + persona.name() + ":**")) {
            if (out.startsWith(prefix)) {
                out = out.substring(prefix.length()).strip();
            }
        }
        return MASS_PING.matcher(out).replaceAll("@\u200b$1");
    }

    /** The user with this id as the job resolved them; "them" when the job did not carry their name. */
    public static DiscordUser resolved(DeferredJob job, String userId) {
        return job.resolvedUsers().getOrDefault(userId, new DiscordUser(userId, "them", false, "0"));
    }
}
