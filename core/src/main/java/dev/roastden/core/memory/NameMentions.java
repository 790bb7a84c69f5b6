package dev.roastden.core.memory;

import java.util.regex.Pattern;

/**
 * Whether a text names a member without an @: by their display name or nickname as a whole word, ignoring case
 * ("Riley puts pineapple on every pizza" names Riley; "Rileys" and "Kiley" do not), or by their mention. Names of
 * one character are too common to count.
 */
public final class NameMentions {
    private NameMentions() {}

    /** Whether {@code text} names {@code name} as a whole word. */
    public static boolean names(String text, String name) {
        String trimmed = name.trim();
        if (trimmed.codePointCount(0, trimmed.length()) < 2) {
            return false;
        }
        Pattern word = Pattern.compile(
                "(?<![\\p{L}\\p{N}_])" + Pattern.quote(trimmed) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(text).find();
    }

    /** Whether {@code text} mentions {@code userId} ({@code <@id>} or {@code <@!id>}). */
    public static boolean mentions(String text, String userId) {
        return text.contains("<@" + userId + ">") || text.contains("<@!" + userId + ">");
    }
}
