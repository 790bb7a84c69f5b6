package dev.roastden.core.json;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One JSON value, read by {@link StreamingJson}. Discord's JSON is loosely typed (ids are strings, option values
 * may be numbers or booleans, flags may come as text), so the accessors read scalars leniently: a number or a
 * boolean has a text, and a string may stand for a number or a boolean.
 */
public sealed interface JsonValue
        permits JsonValue.JsonObject,
                JsonValue.JsonArray,
                JsonValue.JsonString,
                JsonValue.JsonNumber,
                JsonValue.JsonBool,
                JsonValue.JsonNull {

    /** The text of a string, number or boolean; empty for null and containers. */
    default Optional<String> scalarText() {
        return Optional.empty();
    }

    /** The text of a scalar, {@code "null"} for null, the empty string for a container. */
    default String asText() {
        return scalarText().orElse("");
    }

    /** The value as an int (numbers truncated, numeric text parsed, booleans 1 or 0), else {@code fallback}. */
    default int asInt(int fallback) {
        return fallback;
    }

    /** The value as a boolean (text "true"/"false", integers non-zero), else {@code fallback}. */
    default boolean asBoolean(boolean fallback) {
        return fallback;
    }

    /** The number, truncated, when this is a number within the int range; empty otherwise. */
    default OptionalInt intValue() {
        return OptionalInt.empty();
    }

    /** An object; its fields keep the order of the document ({@link StreamingJson} refuses a repeated name). */
    record JsonObject(Map<String, JsonValue> fields) implements JsonValue {
        public JsonObject {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The field's value, when present (a JSON null is present). */
        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        /** The text of the field when it is a string, number or boolean; empty otherwise. */
        public Optional<String> text(String name) {
            return get(name).flatMap(JsonValue::scalarText);
        }

        /** Like {@link #text} but treats blank text as absent. */
        public Optional<String> nonBlank(String name) {
            return text(name).filter(s -> !s.isBlank());
        }

        /** The elements of the field when it is an array; empty otherwise. */
        public List<JsonValue> array(String name) {
            return get(name)
                    .filter(JsonArray.class::isInstance)
                    .map(v -> ((JsonArray) v).elements())
                    .orElse(List.of());
        }

        /** The field when it is an object. */
        public Optional<JsonObject> object(String name) {
            return get(name).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
        }

        /** {@link JsonValue#asInt} of the field, {@code fallback} when absent. */
        public int integer(String name, int fallback) {
            return get(name).map(v -> v.asInt(fallback)).orElse(fallback);
        }

        /** {@link JsonValue#asBoolean} of the field, {@code fallback} when absent. */
        public boolean bool(String name, boolean fallback) {
            return get(name).map(v -> v.asBoolean(fallback)).orElse(fallback);
        }
    }

    /** An array. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    /** A string. */
    record JsonString(String value) implements JsonValue {
        @Override
        public Optional<String> scalarText() {
            return Optional.of(value);
        }

        @Override
        public int asInt(int fallback) {
            String trimmed = value.trim();
            try {
                return Integer.parseInt(trimmed);
            } catch (NumberFormatException notAnInt) {
                try {
                    return (int) Double.parseDouble(trimmed);
                } catch (NumberFormatException notANumber) {
                    return fallback;
                }
            }
        }

        @Override
        public boolean asBoolean(boolean fallback) {
            String trimmed = value.trim();
            if (trimmed.equals("true")) {
                return true;
            }
            return trimmed.equals("false") ? false : fallback;
        }
    }

    /**
     * A number, kept as text so that integers of any size (snowflakes sent as numbers) lose nothing. Integers keep
     * their digits; numbers with a fraction or exponent are a {@code double}'s {@link Double#toString}.
     */
    record JsonNumber(String text) implements JsonValue {
        /** Whether the number is written as digits alone (an optional minus sign, no fraction or exponent). */
        public boolean integral() {
            int start = text.startsWith("-") ? 1 : 0;
            if (text.length() == start) {
                return false;
            }
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        private double asDouble() {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                return Double.NaN;
            }
        }

        @Override
        public Optional<String> scalarText() {
            return Optional.of(text);
        }

        @Override
        public int asInt(int fallback) {
            if (integral()) {
                return new BigInteger(text).intValue();
            }
            double value = asDouble();
            return Double.isFinite(value) ? (int) value : fallback;
        }

        @Override
        public boolean asBoolean(boolean fallback) {
            return integral() ? new BigInteger(text).signum() != 0 : fallback;
        }

        @Override
        public OptionalInt intValue() {
            if (integral()) {
                BigInteger value = new BigInteger(text);
                return value.bitLength() < Integer.SIZE ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
            }
            double value = asDouble();
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                    ? OptionalInt.of((int) value)
                    : OptionalInt.empty();
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBool(boolean value) implements JsonValue {
        @Override
        public Optional<String> scalarText() {
            return Optional.of(Boolean.toString(value));
        }

        @Override
        public int asInt(int fallback) {
            return value ? 1 : 0;
        }

        @Override
        public boolean asBoolean(boolean fallback) {
            return value;
        }
    }

    /** {@code null}. */
    record JsonNull() implements JsonValue {
        /** The one instance the reader uses. */
        public static final JsonNull INSTANCE = new JsonNull();

        @Override
        public String asText() {
            return "null";
        }
    }
}
