package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever arrives, the endpoint answers below 500 and never queues work without a valid signature. */
class HandlerPropertiesTest {
    private final TestSigner signer = new TestSigner();

    @Property(tries = 400)
    void unsignedRequestsNeverQueueAndNeverFail(@ForAll("requests") RandomRequest request) throws Exception {
        RecordingQueue queue = new RecordingQueue();
        InteractionsHandler handler = handler(queue);
        ApiResponse response = ApiResponse.parse(TestSigner.invoke(handler, request.event()));
        assertThat(response.status()).isLessThan(500);
        if (!request.validlySigned()) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(queue.jobs).isEmpty();
        }
    }

    @Property(tries = 200)
    void signedGarbageIsA400OrAnAnswerButNeverAFailure(@ForAll("bodies") String body) {
        RecordingQueue queue = new RecordingQueue();
        ApiResponse response = ApiResponse.parse(TestSigner.invoke(handler(queue), signer.event(body)));
        assertThat(response.status()).isIn(200, 400);
    }

    @Property(tries = 200)
    void aSignedControlIsAnsweredAndOnlyADeferralQueuesAJob(@ForAll("controls") String body) {
        RecordingQueue queue = new RecordingQueue();
        ApiResponse response = ApiResponse.parse(TestSigner.invoke(handler(queue), signer.event(body)));
        assertThat(response.status()).isEqualTo(200);
        // Deferred (5 for a form, 6 for a button) exactly when a job was queued; anything else is a private message.
        assertThat(response.type()).isIn(4, 5, 6);
        assertThat(queue.jobs).hasSize(response.type() == 4 ? 0 : 1);
        if (response.type() == 4) {
            assertThat(response.flags()).isEqualTo(64);
        }
    }

    @Provide
    Arbitrary<String> controls() {
        return componentish();
    }

    private InteractionsHandler handler(RecordingQueue queue) {
        return new InteractionsHandler(new InteractionEndpoint(
                SignatureVerifier.fromHex(signer.publicKeyHex()),
                new InteractionRouter(queue, PersonaCatalog.fromClasspath()),
                RequestLog.silent()));
    }

    record RandomRequest(String event, boolean validlySigned) {}

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> commandish = Arbitraries.of("roast", "ask", "remember", "forget", "x", "")
                .map(name -> "{\"type\":2,\"id\":\"1310000000000000001\",\"application_id\":\"1200000000000000003\","
                        + "\"token\":\"t\",\"guild_id\":\"1200000000000000001\","
                        + "\"member\":{\"user\":{\"id\":\"100000000000000005\"}},\"data\":{\"name\":\"" + name
                        + "\"}}");
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789typedaname").ofMaxLength(80),
                Arbitraries.of("{\"type\":1}", "{\"type\":4,\"id\":\"1\"}", "null", "{}", "[]"),
                commandish,
                componentish());
    }

    /** Buttons (type 3) and modal submits (type 5) with custom_ids that are Roast Den's, almost, or anything. */
    private static Arbitrary<String> componentish() {
        Arbitrary<String> customIds = Arbitraries.oneOf(
                Arbitraries.of(
                        "rd1:pc:-",
                        "rd1:pc:1310000000000000004",
                        "rd1:pe:sam:3:1310000000000000004",
                        "rd1:pe:sam:3:-",
                        "rd1:pa:sam:1310000000000000004:1",
                        "rd1:pd:sam:1310000000000000005:1",
                        "rd1:pw:sam:1310000000000000004",
                        "rd1:mp:2:-:-",
                        "rd1:pa",
                        "rd1::",
                        "rd2:pc:-"),
                Arbitraries.strings()
                        .withChars("rd1:pcaewm-0123456789\\\"")
                        .ofMinLength(1)
                        .ofMaxLength(120));
        Arbitrary<Integer> types = Arbitraries.of(3, 5);
        Arbitrary<Boolean> inGuild = Arbitraries.of(true, false);
        return Combinators.combine(types, customIds, inGuild).as((type, customId, guild) -> {
            String escaped = customId.replace("\\", "\\\\").replace("\"", "\\\"");
            String data = type == 3
                    ? "{\"custom_id\":\"" + escaped + "\",\"component_type\":2}"
                    : "{\"custom_id\":\"" + escaped + "\",\"components\":[{\"type\":1,\"components\":"
                            + "[{\"type\":4,\"custom_id\":\"name\",\"value\":\"Sam\"}]}]}";
            return "{\"type\":" + type
                    + ",\"id\":\"1310000000000000001\",\"application_id\":\"1310000000000000002\",\"token\":\"t\","
                    + (guild ? "\"guild_id\":\"1310000000000000009\"," : "")
                    + "\"member\":{\"permissions\":\"32\",\"user\":{\"id\":\"1310000000000000004\"}},"
                    + "\"message\":{\"id\":\"1310000000000000007\"},"
                    + "\"data\":" + data + "}";
        });
    }

    @Provide
    Arbitrary<RandomRequest> requests() {
        Arbitrary<String> bodies = bodies();
        Arbitrary<String> headerNames = Arbitraries.of(
                "x-signature-ed25519",
                "X-Signature-Ed25519",
                "x-signature-timestamp",
                "X-SIGNATURE-TIMESTAMP",
                "content-type",
                "x-anything");
        Arbitrary<String> headerValues = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(140),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(128),
                Arbitraries.strings().numeric().ofMaxLength(12));
        Arbitrary<Map<String, String>> headers =
                Arbitraries.maps(headerNames, headerValues).ofMaxSize(4);
        Arbitrary<Boolean> base64 = Arbitraries.of(true, false);
        return Combinators.combine(bodies, headers, base64).as((body, extra, encoded) -> {
            Map<String, String> all = new LinkedHashMap<>(extra);
            String timestamp = all.getOrDefault("x-signature-timestamp", "1732233600");
            String signature = all.get("x-signature-ed25519");
            boolean valid = signature != null
                    && SignatureVerifier.fromHex(signer.publicKeyHex())
                            .verify(
                                    java.util.Optional.of(signature),
                                    java.util.Optional.of(timestamp),
                                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", "2.0");
            event.put("headers", all);
            event.put(
                    "body",
                    encoded
                            ? java.util.Base64.getEncoder()
                                    .encodeToString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            : body);
            event.put("isBase64Encoded", encoded);
            try {
                return new RandomRequest(Json.mapper().writeValueAsString(event), valid);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
