package dev.roastden.core.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The versioned {@code custom_id} of a button, select menu or modal: {@code rd1:{kind}:{arg}:{arg}…}, at most 100
 * characters. It is user input: a client can send any text here, so every claim it makes (who may press it, which
 * persona or version it is about) is re-checked against the store before anything is done. Arguments are ids,
 * numbers and slugs, so they never contain the separator.
 *
 * @param kind what the control does, one of the constants below
 * @param args the ids it carries
 */
public record CustomId(String kind, List<String> args) {
    public static final String PREFIX = "rd1";
    public static final int MAX_LENGTH = 100;

    /** Modal of {@code /persona create}: args = member id or {@link #NONE} (a fictional persona). */
    public static final String PERSONA_CREATE = "pc";
    /**
     * Modal of {@code /persona edit}: args = persona id, version it was opened at, its Higher Self or {@link #NONE}
     * (so the handler can defer publicly when a manager's edit will ask the member again).
     */
    public static final String PERSONA_EDIT = "pe";
    /** Accept button on a consent request: args = persona id, member id, version. */
    public static final String PERSONA_ACCEPT = "pa";
    /** Decline button on a consent request: args = persona id, member id, version. */
    public static final String PERSONA_DECLINE = "pd";
    /** Withdraw button once accepted: args = persona id, member id. */
    public static final String PERSONA_WITHDRAW = "pw";
    /** Page buttons of {@code /memories}: args = page number, persona id or "-", about user id or "-". */
    public static final String MEMORIES_PAGE = "mp";

    /**
     * Persona picker of "Roast this message" / "Roast them" (a select menu; the persona is its value): args = the
     * pick id (the snowflake of the interaction that opened the picker; the pick item under it holds the rest).
     */
    public static final String ROAST_PICK = "rp";

    /**
     * 🔁 Another one, under a persona's roast or answer: args = persona id, the id of the saved turn it came from
     * (the worker finds the turn in this server's store; the press itself is a new public reply).
     */
    public static final String ANOTHER_ONE = "ao";

    /**
     * 🎯 Roast back, under a roast: args = persona id, the saved turn's id, the member it was aimed at (the only one
     * who may press it; the handler answers anyone else in-line, the worker checks the turn says so).
     */
    public static final String ROAST_BACK = "rb";

    /** Stands for an absent argument. */
    public static final String NONE = "-";

    private static final Pattern ARG = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern KIND = Pattern.compile("[a-z]{1,4}");

    public CustomId {
        args = List.copyOf(args);
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A custom_id kind is 1-4 lower-case letters");
        }
        for (String arg : args) {
            if (!ARG.matcher(arg).matches()) {
                throw new IllegalArgumentException("A custom_id argument is 1-40 of [A-Za-z0-9_.-]");
            }
        }
        if (format(kind, args).length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A custom_id is at most " + MAX_LENGTH + " characters");
        }
    }

    public static CustomId of(String kind, String... args) {
        return new CustomId(kind, Arrays.asList(args));
    }

    /** The wire form. */
    public String format() {
        return format(kind, args);
    }

    /** Argument {@code index}, empty when it is missing or {@link #NONE}. */
    public Optional<String> arg(int index) {
        if (index < 0 || index >= args.size() || args.get(index).equals(NONE)) {
            return Optional.empty();
        }
        return Optional.of(args.get(index));
    }

    /** Reads a custom_id; empty for anything that is not a well-formed version-1 id. */
    public static Optional<CustomId> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>(Arrays.asList(parts).subList(2, parts.length));
        try {
            return Optional.of(new CustomId(parts[1], args));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String format(String kind, List<String> args) {
        StringBuilder out = new StringBuilder(PREFIX).append(':').append(kind);
        for (String arg : args) {
            out.append(':').append(arg);
        }
        return out.toString();
    }
}
