package dev.roastden.core.mention;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the text of a mention: removing the bot's own mention, finding the persona it addresses and the person it
 * is aimed at.
 */
public final class MentionText {
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");
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

    /**
     * The users the text mentions as {@code <@id>} or {@code <@!id>}, each once, in order of first appearance. Role
     * ({@code <@&id>}) and channel mentions are not users and are left out.
     */
    public static List<String> mentionedUserIds(String content) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = USER_MENTION.matcher(content);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return new ArrayList<>(ids);
    }

    /**
     * Whom a mention is aimed at: the first user mentioned in the text who is neither the bot nor the author; when
     * there is none, the author of the message it replies to, unless that is the bot or the author; otherwise
     * nobody in particular, and the persona answers the author.
     *
     * @param content the message text
     * @param botUserId the bot's user id
     * @param authorId who wrote the message
     * @param repliedToAuthorId the author of the message it replies to, when it is a reply
     */
    public static Optional<String> targetId(
            String content, String botUserId, String authorId, Optional<String> repliedToAuthorId) {
        for (String id : mentionedUserIds(content)) {
            if (!id.equals(botUserId) && !id.equals(authorId)) {
                return Optional.of(id);
            }
        }
        return repliedToAuthorId.filter(id -> !id.equals(botUserId) && !id.equals(authorId));
    }
}
