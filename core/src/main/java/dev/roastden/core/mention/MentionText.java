package dev.roastden.core.mention;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading the text of a mention: removing the bot's own mention and finding the persona it addresses. */
public final class MentionText {
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    private static final String LEADING_PUNCTUATION = ",:;.!?-—– \t\r\n";

    private MentionText() {}

    /**
     * The text without the bot's own mention tokens ({@code <@id>}, {@code <@!id>} and, when given, its integration
     * role {@code <@&role>}), trimmed. Other mentions stay as Discord wrote them, so they can still be resolved.
     */
    public static String withoutSelfMention(String content, String botUserId, Optional<String> selfRoleId) {
        String text = content.replace("<@" + botUserId + ">", " ").replace("<@!" + botUserId + ">", " ");
        if (selfRoleId.isPresent()) {
            text = text.replace("<@&" + selfRoleId.get() + ">", " ");
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /**
     * The persona the text addresses: its id or name, ignoring case, as the first words of the text (after the bot's
     * mention is removed), followed by the end of the text or anything that is not a letter or digit. "ford, roast
     * Sam" and "Captain Ford: roast Sam" name {@code ford}; "roast ford" names nobody, since there ford is the target.
     * The longest matching name wins.
     */
    public static Optional<Persona> addressedPersona(String textWithoutSelfMention, PersonaCatalog catalog) {
        String text = stripLeading(textWithoutSelfMention).toLowerCase(Locale.ROOT);
        Persona best = null;
        int bestLength = 0;
        for (Persona persona : catalog.all()) {
            for (String candidate : new String[] {persona.id(), persona.name()}) {
                String lower = candidate.toLowerCase(Locale.ROOT);
                if (lower.length() > bestLength && startsWithWord(text, lower)) {
                    best = persona;
                    bestLength = lower.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean startsWithWord(String text, String word) {
        if (word.isEmpty() || !text.startsWith(word)) {
            return false;
        }
        return text.length() == word.length() || !Character.isLetterOrDigit(text.charAt(word.length()));
    }

    private static String stripLeading(String text) {
        int start = 0;
        while (start < text.length() && LEADING_PUNCTUATION.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start);
    }
}
