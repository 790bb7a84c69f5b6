package dev.roastden.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs Discord interaction bodies into API Gateway HTTP API (payload 2.0) events, the way Discord signs requests
 * to an Interactions Endpoint URL: Ed25519 over the timestamp followed by the exact body bytes.
 *
 * <p>JDK only, so it also runs as a single source file:
 *
 * <pre>
 *   java events/src/main/java/dev/roastden/events/SignEvent.java events/interactions/roast.json &gt; my-event.json
 *   java events/src/main/java/dev/roastden/events/SignEvent.java --all events      (regenerates events/apigw/)
 *   java events/src/main/java/dev/roastden/events/SignEvent.java --new-key          (prints a fresh key pair)
 *   java events/src/main/java/dev/roastden/events/SignEvent.java --refresh events/apigw/roast.json | curl ...
 *   java events/src/main/java/dev/roastden/events/SignEvent.java --refresh events/sqs/deferred-job.json
 * </pre>
 *
 * <p>{@code --refresh} makes a sample usable now: the committed samples carry interaction ids from 2024, and the
 * worker drops a job whose interaction (dated by its snowflake id) is older than a token's 15 minutes. It gives an
 * interaction body or API Gateway event a new interaction id and the current timestamp and signs it again; in an
 * SQS event it gives each job a new interaction id and creation time.
 *
 * <p>The input is either a raw interaction body or an existing event, whose {@code body} is re-signed. Options:
 * {@code --key FILE} (hex private key seed; default: the committed test-only key), {@code --timestamp SECONDS},
 * {@code --base64} (deliver the body base64-encoded, as API Gateway does for some content types).
 */
public final class SignEvent {
    /** The committed key, for local development and tests only: it has no power anywhere else. */
    public static final String TEST_ONLY_KEY = "test-only-key/ed25519-private.hex";

    /** The signature header Discord sends. */
    public static final String SIGNATURE_HEADER = "x-signature-ed25519";
    /** The timestamp header Discord sends. */
    public static final String TIMESTAMP_HEADER = "x-signature-timestamp";
    /** The fixed timestamp of the committed sample events. */
    public static final String SAMPLE_TIMESTAMP = "1732233600";

    private static final byte[] PKCS8_ED25519_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private SignEvent() {}

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("usage: SignEvent [--key FILE] [--timestamp SECONDS] [--base64] BODY_OR_EVENT.json");
            System.out.println("       SignEvent --all EVENTS_DIR      re-sign every sample into EVENTS_DIR/apigw");
            System.out.println("       SignEvent --new-key             print a new private seed and public key (hex)");
            System.out.println(
                    "       SignEvent --refresh [--key FILE] EVENT.json   a new interaction id, timestamp and"
                            + " signature (API Gateway events and bodies), or new job ids and times (SQS events)");
            return;
        }
        if (args[0].equals("--new-key")) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] x509 = pair.getPublic().getEncoded();
            System.out.println("private seed: " + hex(tail(pkcs8, 32)));
            System.out.println("public key:   " + hex(tail(x509, 32)));
            return;
        }
        if (args[0].equals("--all")) {
            regenerateSamples(Path.of(args.length > 1 ? args[1] : "events"));
            return;
        }
        Path keyFile = null;
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        boolean base64 = false;
        boolean refresh = false;
        Path input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> keyFile = Path.of(args[++i]);
                case "--timestamp" -> timestamp = args[++i];
                case "--base64" -> base64 = true;
                case "--refresh" -> refresh = true;
                default -> input = Path.of(args[i]);
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("Name the body or event file to sign");
        }
        if (keyFile == null) {
            keyFile = input.toAbsolutePath().getParent().resolveSibling(TEST_ONLY_KEY);
        }
        String text = Files.readString(input, StandardCharsets.UTF_8);
        long nowMillis = System.currentTimeMillis();
        if (refresh && isSqsEvent(text)) {
            System.out.print(refreshSqs(text, nowMillis));
            return;
        }
        String body = bodyOf(text);
        if (refresh) {
            body = withTopLevelString(body, "id", snowflake(nowMillis));
            base64 = base64 || text.contains("\"isBase64Encoded\": true");
        }
        System.out.print(event(body, timestamp, seed(keyFile), base64));
    }

    /** Re-signs {@code dir/interactions/*.json} into {@code dir/apigw/}, plus a bad-signature and a base64 sample. */
    static void regenerateSamples(Path dir) throws IOException, GeneralSecurityException {
        byte[] seed = seed(dir.resolve(TEST_ONLY_KEY));
        Path out = Files.createDirectories(dir.resolve("apigw"));
        List<Path> bodies = new ArrayList<>();
        try (var files = Files.list(dir.resolve("interactions"))) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(bodies::add);
        }
        for (Path bodyFile : bodies) {
            String body = Files.readString(bodyFile, StandardCharsets.UTF_8);
            Files.writeString(out.resolve(bodyFile.getFileName()), event(body, SAMPLE_TIMESTAMP, seed, false));
        }
        String roast = Files.readString(dir.resolve("interactions/roast.json"), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("roast-base64.json"), event(roast, SAMPLE_TIMESTAMP, seed, true));
        // Signed for one body, delivered with another: what a forged or tampered request looks like.
        String signed = event(roast, SAMPLE_TIMESTAMP, seed, false);
        String tampered = signed.replace("their sourdough phase", "their sourdough phase!!");
        if (tampered.equals(signed)) {
            throw new IllegalStateException("The roast sample no longer contains the text the tampering edits");
        }
        Files.writeString(out.resolve("bad-signature.json"), tampered);
    }

    /** A Discord snowflake for {@code epochMillis} (the low 22 bits random, so two runs differ). */
    static String snowflake(long epochMillis) {
        long random = new java.security.SecureRandom().nextInt(1 << 22);
        return Long.toUnsignedString(((epochMillis - 1_420_070_400_000L) << 22) | random);
    }

    static boolean isSqsEvent(String text) {
        return text.contains("\"Records\"") && text.contains("\"aws:sqs\"");
    }

    /**
     * The SQS event with each message's job given a new interaction id and creation time ({@code created_at}),
     * and its {@code md5OfBody} recomputed.
     */
    static String refreshSqs(String event, long nowMillis) throws GeneralSecurityException {
        StringBuilder out = new StringBuilder();
        int from = 0;
        String key = "\"body\": ";
        int at;
        while ((at = event.indexOf(key, from)) >= 0) {
            int start = at + key.length();
            int end = stringEnd(event, start);
            String job = unquote(event.substring(start, end));
            job = withTopLevelString(job, "interaction_id", snowflake(nowMillis));
            job = withTopLevelString(
                    job, "created_at", java.time.Instant.ofEpochMilli(nowMillis).toString());
            out.append(event, from, start).append(quote(job));
            from = end;
            String md5 =
                    hex(java.security.MessageDigest.getInstance("MD5").digest(job.getBytes(StandardCharsets.UTF_8)));
            int md5At = event.indexOf("\"md5OfBody\": \"", from);
            if (md5At >= 0) {
                int valueStart = md5At + "\"md5OfBody\": \"".length();
                out.append(event, from, valueStart).append(md5);
                from = event.indexOf('"', valueStart);
            }
        }
        return out.append(event.substring(from)).toString();
    }

    /** The index just after the JSON string literal that starts at {@code start}. */
    private static int stringEnd(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("A string in the event is not terminated");
    }

    private static String unquote(String literal) {
        return bodyOf("{\"version\": \"2.0\", \"body\": " + literal + "}");
    }

    /**
     * {@code json} with the string value of the top-level field {@code name} replaced by {@code value}; the rest of
     * the text, spacing included, is left as it is.
     *
     * @throws IllegalArgumentException when the object has no such string field
     */
    static String withTopLevelString(String json, String name, String value) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = stringEnd(json, i);
                if (depth == 1 && json.substring(i, end).equals("\"" + name + "\"")) {
                    int colon = json.indexOf(':', end);
                    int valueStart = json.indexOf('"', colon);
                    if (colon < 0
                            || valueStart < 0
                            || !json.substring(end, colon).isBlank()
                            || !json.substring(colon + 1, valueStart).isBlank()) {
                        throw new IllegalArgumentException("The field " + name + " is not a string");
                    }
                    int valueEnd = stringEnd(json, valueStart);
                    return json.substring(0, valueStart) + quote(value) + json.substring(valueEnd);
                }
                i = end - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        throw new IllegalArgumentException("The JSON has no top-level field " + name);
    }

    /** An API Gateway HTTP API event carrying {@code body}, signed with the key {@code seed}. */
    public static String event(String body, String timestamp, byte[] seed, boolean base64)
            throws GeneralSecurityException {
        String signature = sign(seed, timestamp, body.getBytes(StandardCharsets.UTF_8));
        String deliveredBody =
                base64 ? java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body;
        return "{\n"
                + "  \"version\": \"2.0\",\n"
                + "  \"routeKey\": \"POST /interactions\",\n"
                + "  \"rawPath\": \"/interactions\",\n"
                + "  \"rawQueryString\": \"\",\n"
                + "  \"headers\": {\n"
                + "    \"content-type\": \"application/json\",\n"
                + "    \"user-agent\": \"Discord-Interactions/1.0 (+https://discord.com)\",\n"
                + "    \"" + SIGNATURE_HEADER + "\": \"" + signature + "\",\n"
                + "    \"" + TIMESTAMP_HEADER + "\": \"" + timestamp + "\"\n"
                + "  },\n"
                + "  \"requestContext\": {\n"
                + "    \"accountId\": \"123456789012\",\n"
                + "    \"apiId\": \"local\",\n"
                + "    \"domainName\": \"local.execute-api.us-east-1.amazonaws.com\",\n"
                + "    \"http\": {\"method\": \"POST\", \"path\": \"/interactions\", \"protocol\": \"HTTP/1.1\","
                + " \"sourceIp\": \"127.0.0.1\", \"userAgent\": \"Discord-Interactions/1.0 (+https://discord.com)\"},\n"
                + "    \"requestId\": \"local-request\",\n"
                + "    \"routeKey\": \"POST /interactions\",\n"
                + "    \"stage\": \"$default\",\n"
                + "    \"time\": \"22/Nov/2026:00:00:00 +0000\",\n"
                + "    \"timeEpoch\": 1795305600000\n"
                + "  },\n"
                + "  \"body\": " + quote(deliveredBody) + ",\n"
                + "  \"isBase64Encoded\": " + base64 + "\n"
                + "}\n";
    }

    /** The hex Ed25519 signature of {@code timestamp + body}. */
    public static String sign(byte[] seed, String timestamp, byte[] body) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_ED25519_PREFIX, seed)));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
        signer.update(body);
        return hex(signer.sign());
    }

    /** Reads a hex private key seed file (32 bytes; blank lines and {@code #} comments ignored). */
    public static byte[] seed(Path file) throws IOException {
        return seed(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a hex private key seed (32 bytes; blank lines and {@code #} comments ignored). */
    public static byte[] seed(String text) {
        StringBuilder hex = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                hex.append(trimmed);
            }
        }
        byte[] seed = HexFormat.of().parseHex(hex.toString());
        if (seed.length != 32) {
            throw new IllegalArgumentException("An Ed25519 seed is 32 bytes of hex");
        }
        return seed;
    }

    /** The body of an event file, or the text itself when it is a raw interaction body. */
    static String bodyOf(String text) {
        int version = text.indexOf("\"version\": \"2.0\"");
        int bodyKey = text.indexOf("\"body\":");
        if (version < 0 || bodyKey < 0) {
            return text;
        }
        int start = text.indexOf('"', bodyKey + "\"body\":".length());
        StringBuilder out = new StringBuilder();
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char next = text.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("The event's body string is not terminated");
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] tail(byte[] bytes, int length) {
        return java.util.Arrays.copyOfRange(bytes, bytes.length - length, bytes.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
