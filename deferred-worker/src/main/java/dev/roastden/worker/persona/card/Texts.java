package dev.roastden.worker.persona.card;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text rules shared by the card codecs and the persona form: one-line text, cuts that end on a sentence or a
 * word (never mid-word), slugs and memory keywords in the shapes {@code persona.schema.json} demands, and the
 * character-card macros ({@code {{char}}}, {@code {{user}}}) replaced by words.
 */
public final class Texts {
    /** The schema's id pattern, 2–32 characters. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public static final int MAX_SLUG = 32;
    public static final int MAX_KEYWORD = 40;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=[\"'”’)\\]]*(\\s|$))");
    private static final Pattern CHAR_MACRO = Pattern.compile("\\{\\{char}}|<BOT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_MACRO = Pattern.compile("\\{\\{user}}|<USER>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MACRO = Pattern.compile("\\{\\{original}}", Pattern.CASE_INSENSITIVE);
    private static final Pattern START = Pattern.compile("<START>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private Texts() {}

    /** {@code text} on one line: runs of whitespace (line breaks too) become one space, ends trimmed. */
    public static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Card macros replaced: {@code {{char}}} by the name, {@code {{user}}} by "you", {@code <START>} removed. */
    public static String unmacro(String text, String name) {
        String out = CHAR_MACRO.matcher(text).replaceAll(Matcher.quoteReplacement(name));
        out = USER_MACRO.matcher(out).replaceAll("you");
        out = ORIGINAL_MACRO.matcher(out).replaceAll("");
        return START.matcher(out).replaceAll("").strip();
    }

    /**
     * {@code text} cut to at most {@code max} characters: at the last sentence end that fits (when that keeps at least
     * a third of it), else at the last word that fits, with an ellipsis.
     */
    public static String cutSentence(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        Matcher m = SENTENCE_END.matcher(stripped);
        int best = -1;
        while (m.find() && m.end() <= max) {
            best = m.end();
        }
        if (best >= max / 3) {
            return stripped.substring(0, best).strip();
        }
        return cutWords(stripped, max);
    }

    /** {@code text} cut to at most {@code max} characters at a word boundary, ending with an ellipsis when cut. */
    public static String cutWords(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        int space = stripped.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end).strip() + "…";
    }

    /** The first sentence of {@code text}, on one line, at most {@code max} characters. */
    public static String firstSentence(String text, int max) {
        String line = oneLine(text);
        Matcher m = SENTENCE_END.matcher(line);
        String sentence = m.find() ? line.substring(0, m.end()) : line;
        return cutWords(sentence, max);
    }

    /** ASCII lower-case letters and digits only, accents dropped, every other run turned into {@code separator}. */
    private static String fold(String text, String keep) {
        String ascii = DIACRITICS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            out.append(word || keep.indexOf(c) >= 0 ? c : ' ');
        }
        return out.toString();
    }

    /** The slug of a name ({@code "Captain Ford!"} → {@code "captain-ford"}); empty when nothing is left of it. */
    public static Optional<String> slug(String name) {
        String joined = String.join("-", oneLine(fold(name, "")).split(" "));
        if (joined.length() > MAX_SLUG) {
            joined = joined.substring(0, MAX_SLUG);
            int hyphen = joined.lastIndexOf('-');
            if (hyphen >= 2) {
                joined = joined.substring(0, hyphen);
            }
        }
        joined = joined.replaceAll("^-+|-+$", "");
        return joined.length() >= 2 && SLUG.matcher(joined).matches() ? Optional.of(joined) : Optional.empty();
    }

    /** {@code base} with {@code -n} appended, the base shortened so the whole stays a valid id. */
    public static String numbered(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX_SLUG ? base.substring(0, MAX_SLUG - suffix.length()) : base;
        return head.replaceAll("-+$", "") + suffix;
    }

    /**
     * A lorebook key as a schema keyword: lower-case ASCII words joined by single spaces, hyphens or apostrophes, at
     * most 40 characters; empty when less than two characters remain.
     */
    public static Optional<String> keyword(String key) {
        String folded = fold(key.replace('’', '\''), "'-");
        StringBuilder out = new StringBuilder();
        char pending = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == ' ' || c == '\'' || c == '-') {
                // Of a run of separators keep a hyphen or apostrophe if there is one, else a space.
                if (out.length() > 0 && (pending == 0 || (pending == ' ' && c != ' '))) {
                    pending = c;
                }
                continue;
            }
            if (pending != 0) {
                out.append(pending);
                pending = 0;
            }
            out.append(c);
        }
        String word = out.toString();
        if (word.length() > MAX_KEYWORD) {
            word = word.substring(0, MAX_KEYWORD);
            int cut = Math.max(word.lastIndexOf(' '), Math.max(word.lastIndexOf('-'), word.lastIndexOf('\'')));
            word = cut >= 2 ? word.substring(0, cut) : word;
        }
        return word.length() >= 2 ? Optional.of(word) : Optional.empty();
    }
}
