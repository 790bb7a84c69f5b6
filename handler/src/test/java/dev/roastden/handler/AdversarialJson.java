package dev.roastden.handler;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded generator of hostile interaction bodies: real samples with one to three mutations (numbers no integer
 * field can hold, fractions as types, repeated names, nesting far past the reader's limit, UTF-16 and UTF-32,
 * stray bytes, truncation, giant or foreign-script ids), and random documents made of interaction-like names and
 * awkward values. The same seed gives the same bodies, so a failure names the seed that reproduces it.
 */
final class AdversarialJson {
    /** A body and whether a correct endpoint must refuse it with 400 whatever else it holds. */
    record Case(String description, byte[] body, boolean mustBe400) {}

    private static final List<String> NASTY_NUMBERS = List.of(
            "1e999",
            "-1e999",
            "1.9",
            "1e308",
            "-0",
            "0.0",
            "2.0",
            "1E2",
            "99999999999999999999999999",
            "-2147483649",
            "2147483648",
            "4.9e-324",
            "1e-999",
            "0.5");
    private static final List<String> NASTY_VALUES =
            List.of("null", "true", "[]", "{}", "\"2\"", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "[[[[1]]]]", "\"٣\"");
    private static final List<String> NAMES = List.of(
            "type",
            "id",
            "application_id",
            "token",
            "guild_id",
            "channel_id",
            "data",
            "name",
            "options",
            "value",
            "member",
            "user",
            "resolved",
            "users",
            "custom_id",
            "component_type",
            "components",
            "focused",
            "message");
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"(type|component_type)\"\\s*:\\s*(\\d+)");
    private static final Pattern ANY_VALUE = Pattern.compile(":\\s*(\"[^\"]*\"|-?\\d+)");
    private static final Pattern ID_VALUE = Pattern.compile("\"(\\d{17,20})\"");

    private final Random random;
    private final List<String> samples;

    AdversarialJson(long seed, List<String> samples) {
        this.random = new Random(seed);
        this.samples = List.copyOf(samples);
    }

    Case next() {
        if (random.nextInt(8) == 0) {
            String doc = randomValue(0);
            return new Case("random document", doc.getBytes(StandardCharsets.UTF_8), false);
        }
        String text = samples.get(random.nextInt(samples.size()));
        List<String> applied = new ArrayList<>();
        boolean mustBe400 = false;
        byte[] bytes = null;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && bytes == null; i++) {
            int kind = random.nextInt(9);
            switch (kind) {
                case 0 -> {
                    Matcher m = pick(NUMBER_FIELD, text);
                    if (m != null) {
                        String number = pickOf(List.of("1e999", "-1e999", "1.9", "2.5", "1e300", "99999999999"));
                        text = text.substring(0, m.start(2)) + number + text.substring(m.end(2));
                        applied.add(m.group(1) + "=" + number);
                        // Infinity is refused wherever it is; a fraction only where the field is read.
                        mustBe400 |= number.contains("e999");
                    }
                }
                case 1 -> {
                    Matcher m = pick(ANY_VALUE, text);
                    if (m != null) {
                        String value = random.nextBoolean() ? pickOf(NASTY_NUMBERS) : pickOf(NASTY_VALUES);
                        text = text.substring(0, m.start(1)) + value + text.substring(m.end(1));
                        applied.add("value=" + value);
                        mustBe400 |= value.contains("e999");
                    }
                }
                case 2 -> {
                    if (text.indexOf('{') < 0) {
                        text = "{}";
                    }
                    int brace = nthBrace(text);
                    String name = pickOf(NAMES);
                    text = text.substring(0, brace + 1) + "\"" + name + "\":1,\"" + name + "\":2,"
                            + text.substring(brace + 1);
                    applied.add("repeated " + name);
                    mustBe400 = true;
                }
                case 3 -> {
                    Matcher m = pick(ANY_VALUE, text);
                    if (m != null) {
                        int depth = pickOf(List.of(65, 300, 5_000, 100_000));
                        String deep = random.nextBoolean()
                                ? "[".repeat(depth) + "1" + "]".repeat(depth)
                                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                        text = text.substring(0, m.start(1)) + deep + text.substring(m.end(1));
                        applied.add("nested " + depth);
                        mustBe400 = true;
                    }
                }
                case 4 -> {
                    Matcher m = pick(ID_VALUE, text);
                    if (m != null) {
                        String id = pickOf(List.of(
                                "9".repeat(100_000), "42", "١٣١٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠", "1310000000000000001 ", "-1", ""));
                        text = text.substring(0, m.start(1)) + id + text.substring(m.end(1));
                        applied.add("id of " + id.length());
                    }
                }
                case 5 -> {
                    Charset charset = Charset.forName(
                            pickOf(List.of("UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "UTF-32")));
                    bytes = text.getBytes(charset);
                    applied.add("encoded " + charset);
                    mustBe400 = true;
                }
                case 6 -> {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    byte[] stray = pickOf(List.of(
                            new byte[] {0},
                            new byte[] {(byte) 0xFF},
                            new byte[] {(byte) 0xC3},
                            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                            new byte[] {(byte) 0xEF, (byte) 0xBB}));
                    int at = random.nextInt(utf8.length + 1);
                    bytes = new byte[utf8.length + stray.length];
                    System.arraycopy(utf8, 0, bytes, 0, at);
                    System.arraycopy(stray, 0, bytes, at, stray.length);
                    System.arraycopy(utf8, at, bytes, at + stray.length, utf8.length - at);
                    applied.add("stray bytes at " + at);
                    // A stray byte between tokens may land in whitespace only for the BOM fragment; the rest are
                    // never valid, but inside a string some are still valid JSON text, so no verdict is forced.
                }
                case 7 -> {
                    int cut = 1 + random.nextInt(Math.max(1, text.length() - 1));
                    text = text.substring(0, cut);
                    applied.add("cut at " + cut);
                }
                default -> {
                    text = "{\"type\":" + pickOf(List.of("1e999", "1.9", "1", "2")) + ","
                            + (text.length() > 1 ? text.substring(1) : "}");
                    applied.add("type prefixed");
                    // Either a repeated "type", an impossible one, or a document that was already broken.
                    mustBe400 = true;
                }
            }
        }
        byte[] body = bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
        return new Case(String.join(", ", applied), body, mustBe400);
    }

    private String randomValue(int depth) {
        int kind = depth > 6 ? random.nextInt(3) : random.nextInt(6);
        return switch (kind) {
            case 0 -> pickOf(NASTY_NUMBERS);
            case 1 -> pickOf(NASTY_VALUES);
            case 2 -> "\"" + pickOf(List.of("1310000000000000001", "ask", "roast", "t", "")) + "\"";
            case 3 -> {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.append(i == 0 ? "" : ",").append(randomValue(depth + 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    object.append(i == 0 ? "" : ",")
                            .append('"')
                            .append(pickOf(NAMES))
                            .append("\":")
                            .append(randomValue(depth + 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private Matcher pick(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[] {m.start()});
        }
        if (found.isEmpty()) {
            return null;
        }
        Matcher chosen = pattern.matcher(text);
        chosen.find(found.get(random.nextInt(found.size()))[0]);
        return chosen;
    }

    private int nthBrace(String text) {
        List<Integer> braces = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                braces.add(i);
            }
        }
        return braces.get(random.nextInt(braces.size()));
    }

    private <T> T pickOf(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
