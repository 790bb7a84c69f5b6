package dev.roastden.worker.alerts;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text that leaves the worker (alerts): the values it knows (the job's interaction token,
 * the bot token) and anything shaped like a credential — Discord bot and interaction tokens, webhook URLs with their
 * token, bearer and bot authorization values, AWS access key ids, and any long unbroken token-like run. Better to
 * blank an innocent id than to post a secret into a channel.
 */
public final class Redaction {
    static final String MARK = "[redacted]";

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?i)(bot|bearer)\\s+[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("/webhooks/\\d+/[A-Za-z0-9._-]+"),
            Pattern.compile("[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}"),
            Pattern.compile("aW50ZXJhY3Rpb24[A-Za-z0-9_-]*"),
            Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b"),
            Pattern.compile("[A-Za-z0-9+/_=-]{40,}"));

    private Redaction() {}

    /** {@code text} without {@code known} secrets and without anything shaped like one. */
    public static String redact(String text, Collection<String> known) {
        String out = text;
        for (String secret : known) {
            if (secret != null && secret.length() >= 6) {
                out = out.replace(secret, MARK);
            }
        }
        for (Pattern shape : SHAPES) {
            out = shape.matcher(out).replaceAll(MARK);
        }
        return out;
    }
}
