package dev.roastden.worker.persona.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a persona JSON against {@code persona.schema.json} (shipped by the personalities module) and says what is
 * wrong the way a person can act on: the field, its JSON path, and the rule in plain words ("must be one line
 * without spaces at either end", not "does not match ^\S(.*\S)?$"). The schema is compiled once; thread-safe.
 */
public final class PersonaValidator {
    private static final String SCHEMA = "/personalities/persona.schema.json";

    private final JsonSchema schema;

    public PersonaValidator() {
        try (InputStream in = PersonaValidator.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCHEMA + " on the class path");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One broken rule.
     *
     * @param field the top-level persona field it is in ({@code traits}), or "persona" for the whole object
     * @param path where exactly, as a JSON path ({@code $.traits[2]})
     * @param rule what the value must be, in plain words
     */
    public record Problem(String field, String path, String rule) {
        /** "the field traits (at $.traits[2]) must be at most 80 characters". */
        public String describe() {
            return "the field `" + field + "` (at " + path + ") " + rule;
        }
    }

    /** Every broken rule, in path order; empty when the persona is valid. */
    public List<Problem> problems(JsonNode persona) {
        return schema.validate(persona).stream()
                .map(PersonaValidator::problem)
                .distinct()
                .sorted(Comparator.comparing(Problem::path).thenComparing(Problem::rule))
                .toList();
    }

    /** The first broken rule, if any. */
    public Optional<Problem> firstProblem(JsonNode persona) {
        return problems(persona).stream().findFirst();
    }

    private static Problem problem(ValidationMessage m) {
        String path = jsonPath(m.getInstanceLocation());
        String type = m.getType();
        String where = m.getSchemaLocation().toString();
        if (type.equals("required") || type.equals("additionalProperties")) {
            String property = Optional.ofNullable(m.getProperty()).orElse("?");
            String full = path.equals("$") ? "$." + property : path + "." + property;
            return new Problem(
                    fieldOf(full), full, type.equals("required") ? "is missing" : "is not a persona field (remove it)");
        }
        return new Problem(fieldOf(path), path, rule(type, where, m));
    }

    private static String rule(String type, String where, ValidationMessage m) {
        return switch (type) {
            case "pattern" -> {
                if (where.contains("/$defs/keyword")) {
                    yield "must be lower-case letters and digits, words joined by single spaces, hyphens or apostrophes";
                }
                if (where.contains("/properties/id")) {
                    yield "must be lower-case letters and digits joined by single hyphens";
                }
                if (where.contains("/$defs/line")) {
                    yield "must be one line of text without spaces at either end";
                }
                if (where.contains("/properties/higher_self")) {
                    yield "must be a Discord user id (17 to 20 digits)";
                }
                if (where.contains("/properties/avatar_url")) {
                    yield "must be an https:// address";
                }
                yield "must not be blank";
            }
            case "not" ->
                where.contains("/properties/name/not")
                        ? "must not contain 'discord' or 'clyde' (Discord refuses such names)"
                        : "must not contain line breaks or spaces where none are allowed";
            case "type" -> "must be " + article(m.getArguments()) + " (it is " + m.getArguments()[0] + ")";
            case "uniqueItems" -> "lists the same item twice";
            default -> plain(m);
        };
    }

    private static String article(Object[] args) {
        String wanted = args.length > 1 ? String.valueOf(args[1]) : "something else";
        return switch (wanted) {
            case "array" -> "a list";
            case "object" -> "an object";
            case "string" -> "text";
            default -> "a " + wanted;
        };
    }

    /** networknt's own message without its location prefix ("must be at most 80 characters long"). */
    private static String plain(ValidationMessage m) {
        String message = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The location as {@code $.a.b[2]}, whatever path style the validator was configured with. */
    private static String jsonPath(JsonNodePath location) {
        StringBuilder out = new StringBuilder("$");
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(element);
            }
        }
        return out.toString();
    }

    private static String fieldOf(String path) {
        if (!path.startsWith("$.")) {
            return "persona";
        }
        String rest = path.substring(2);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '.' || rest.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return rest.substring(0, end);
    }
}
