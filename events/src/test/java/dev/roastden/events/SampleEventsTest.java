package dev.roastden.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed API Gateway events in {@code apigw/} carry exactly the bodies in {@code interactions/}, signed with
 * the test-only key: editing a body without re-signing fails here.
 */
class SampleEventsTest {
    static final Path EVENTS = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static List<String> interactionNames() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS.resolve("interactions"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyEventHasItsBodyAndEveryBodyItsEvent() throws IOException {
        List<String> events;
        try (Stream<Path> files = Files.list(EVENTS.resolve("apigw"))) {
            events = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> expected = Stream.concat(
                        interactionNames().stream().map(name -> name + ".json"),
                        Stream.of("bad-signature.json", "roast-base64.json"))
                .sorted()
                .toList();
        assertThat(interactionNames()).contains("ping", "roast");
        assertThat(events).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interactionNames")
    void theEventCarriesTheInteractionByteForByteAndItsSignatureVerifies(String name) throws Exception {
        JsonNode event = event(name);
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(body(event)).isEqualTo(Files.readAllBytes(EVENTS.resolve("interactions/" + name + ".json")));
        assertThat(verifies(event)).isTrue();
    }

    @Test
    void theBase64EventCarriesTheRoastBodyEncoded() throws Exception {
        JsonNode event = event("roast-base64");
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asText()).doesNotContain("\"type\"");
        assertThat(body(event)).isEqualTo(Files.readAllBytes(EVENTS.resolve("interactions/roast.json")));
        assertThat(verifies(event)).isTrue();
    }

    @Test
    void theBadSignatureEventIsTheRoastSignatureOverAnEditedBody() throws Exception {
        JsonNode bad = event("bad-signature");
        JsonNode roast = event("roast");
        assertThat(header(bad, SignEvent.SIGNATURE_HEADER)).isEqualTo(header(roast, SignEvent.SIGNATURE_HEADER));
        assertThat(body(bad)).isNotEqualTo(body(roast));
        assertThat(verifies(bad)).isFalse();
    }

    @Test
    void theCommittedPublicKeyBelongsToTheCommittedPrivateKey() throws Exception {
        byte[] seed = SignEvent.seed(EVENTS.resolve(SignEvent.TEST_ONLY_KEY));
        byte[] message = "1732233600{}".getBytes(UTF_8);
        String signature = SignEvent.sign(seed, "1732233600", "{}".getBytes(UTF_8));
        assertThat(verify(HexFormat.of().parseHex(signature), message)).isTrue();
    }

    private static JsonNode event(String name) throws IOException {
        return JSON.readTree(EVENTS.resolve("apigw/" + name + ".json").toFile());
    }

    private static byte[] body(JsonNode event) {
        String body = event.path("body").asText();
        return event.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body) : body.getBytes(UTF_8);
    }

    private static String header(JsonNode event, String name) {
        return event.path("headers").path(name).asText();
    }

    /** Verifies the event the way Discord's receivers must: Ed25519 over the timestamp and the delivered body. */
    private static boolean verifies(JsonNode event) throws IOException, GeneralSecurityException {
        byte[] timestamp = header(event, SignEvent.TIMESTAMP_HEADER).getBytes(UTF_8);
        assertThat(new String(timestamp, UTF_8)).isEqualTo(SignEvent.SAMPLE_TIMESTAMP);
        byte[] body = body(event);
        byte[] message = new byte[timestamp.length + body.length];
        System.arraycopy(timestamp, 0, message, 0, timestamp.length);
        System.arraycopy(body, 0, message, timestamp.length, body.length);
        return verify(HexFormat.of().parseHex(header(event, SignEvent.SIGNATURE_HEADER)), message);
    }

    static boolean verify(byte[] signature, byte[] message) throws IOException, GeneralSecurityException {
        byte[] raw = HexFormat.of()
                .parseHex(Files.readString(EVENTS.resolve("test-only-key/ed25519-public.hex"), UTF_8)
                        .trim());
        byte[] x509 = new byte[X509_ED25519_PREFIX.length + raw.length];
        System.arraycopy(X509_ED25519_PREFIX, 0, x509, 0, X509_ED25519_PREFIX.length);
        System.arraycopy(raw, 0, x509, X509_ED25519_PREFIX.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
