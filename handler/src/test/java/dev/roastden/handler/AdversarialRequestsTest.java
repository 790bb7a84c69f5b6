package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validly signed hostile bodies, on the Lambda path (an API Gateway event through {@link InteractionsHandler}) and
 * on the plain HTTP path ({@link InteractionEndpoint#handle}, what the local server calls): whatever the body, the
 * endpoint answers (nothing escapes), never with a 5xx, a refusal always says why, and only a well-formed command
 * queues work. A property over {@value #TRIES} bodies from a seeded {@link AdversarialJson}; set
 * {@code -Dadversarial.seed=N} to replay another run.
 */
class AdversarialRequestsTest {
    private static final int TRIES = 2_500;
    private static final List<String> SAMPLES = List.of(
            "ping",
            "roast",
            "ask",
            "remember",
            "forget-me",
            "forget-memory",
            "forget-persona",
            "autocomplete-persona",
            "unknown-command");

    private final TestSigner signer = new TestSigner();
    private final RecordingQueue queue = new RecordingQueue();
    private final InteractionEndpoint endpoint = new InteractionEndpoint(
            SignatureVerifier.fromHex(signer.publicKeyHex()),
            new InteractionRouter(queue, PersonaCatalog.fromClasspath()),
            RequestLog.silent());
    private final InteractionsHandler lambda = new InteractionsHandler(endpoint);

    @Test
    void everySignedBodyGetsAnAnswerBelow500WithAReason() throws Exception {
        long seed = Long.getLong("adversarial.seed", 14L);
        List<String> samples = new ArrayList<>();
        for (String sample : SAMPLES) {
            samples.add(InteractionsHandlerTest.body(sample));
        }
        AdversarialJson generator = new AdversarialJson(seed, samples);
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            AdversarialJson.Case input = generator.next();
            String where = "seed " + seed + " case " + i + " (" + input.description() + ")";
            int jobsBefore = queue.jobs.size();

            Answer viaLambda = lambda(input.body(), where);
            Answer viaHttp = http(input.body(), where);
            assertThat(viaHttp).as(where).isEqualTo(viaLambda);
            boolean oversized = input.body().length > InteractionEndpoint.MAX_BODY_BYTES;
            assertThat(viaLambda.status()).as(where).isEqualTo(oversized ? 413 : viaLambda.status());
            assertThat(viaLambda.status()).as(where).isIn(200, 400, 413);
            if (input.mustBe400() && !oversized) {
                assertThat(viaLambda.status()).as(where).isEqualTo(400);
            }
            if (viaLambda.status() != 200) {
                refused++;
                assertThat(viaLambda.body().path("error").asText()).as(where).startsWith("The ");
                assertThat(queue.jobs).as(where).hasSize(jobsBefore);
            } else {
                assertThat(viaLambda.body().path("type").isInt()).as(where).isTrue();
                int queued = viaLambda.body().path("type").asInt() == 5 ? 2 : 0;
                assertThat(queue.jobs).as(where).hasSize(jobsBefore + queued);
            }
        }
        // The generator is hostile: most of what it makes must be refused, and some must get through.
        assertThat(refused).isBetween(TRIES / 2, TRIES - 1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":1e999,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
                "{\"type\":1.9,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
                "{\"type\":1,\"type\":1,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
            })
    void theIssuesExamplesAre400s(String body) {
        assertThat(lambda(body.getBytes(StandardCharsets.UTF_8), body).status()).isEqualTo(400);
        assertThat(http(body.getBytes(StandardCharsets.UTF_8), body).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"type\": 3", "\"type\": 1,\n    \"options\""})
    void anInfiniteOptionOrCommandTypeIsA400(String field) throws Exception {
        String roast = InteractionsHandlerTest.body("ask");
        assertThat(roast).contains(field);
        String body = roast.replaceFirst(java.util.regex.Pattern.quote(field), field.replaceFirst("\\d", "1e999"));
        assertThat(lambda(body.getBytes(StandardCharsets.UTF_8), body).status()).isEqualTo(400);
        assertThat(queue.jobs).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void aBodyInAnotherEncodingIsA400(String charset) throws Exception {
        byte[] body = InteractionsHandlerTest.body("roast").getBytes(java.nio.charset.Charset.forName(charset));
        Answer answer = lambda(body, charset);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).contains("JSON");
        assertThat(http(body, charset).status()).isEqualTo(400);
    }

    @Test
    void deepNestingIsA400() throws Exception {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        String body = InteractionsHandlerTest.body("roast").replace("\"version\": 1", "\"version\": " + deep);
        assertThat(lambda(body.getBytes(StandardCharsets.UTF_8), "deep").status())
                .isEqualTo(400);
    }

    @Test
    void aHugeIdIsA400BeforeAnythingIsQueued() throws Exception {
        String body = InteractionsHandlerTest.body("roast")
                .replace("\"guild_id\": \"1200000000000000001\"", "\"guild_id\": \"" + "7".repeat(100_000) + "\"");
        Answer answer = lambda(body.getBytes(StandardCharsets.UTF_8), "huge id");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).contains("guild_id").contains("17–20 digits");
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void aBodyOverAMegabyteIs413AndHeadersOver32KilobytesAre431() throws Exception {
        byte[] big = new byte[InteractionEndpoint.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(http(big, "big").status()).isEqualTo(413);
        assertThat(lambda(big, "big").status()).isEqualTo(413);
        byte[] ping = InteractionsHandlerTest.body("ping").getBytes(StandardCharsets.UTF_8);
        HttpResponse headers = endpoint.handle(new HttpRequest(
                Map.of(
                        "x-signature-ed25519", signer.signature(TestSigner.TIMESTAMP, ping),
                        "x-signature-timestamp", TestSigner.TIMESTAMP,
                        "x-padding", "p".repeat(InteractionEndpoint.MAX_HEADER_BYTES)),
                ping));
        assertThat(headers.statusCode()).isEqualTo(431);
        assertThat(http(ping, "ping").status()).isEqualTo(200);
    }

    @Test
    void aTextLongerThanTheCatalogAllowsIsRefusedPrivatelyAndNotQueued() throws Exception {
        String body = InteractionsHandlerTest.body("roast").replace("their sourdough phase", "x".repeat(201));
        Answer answer = lambda(body.getBytes(StandardCharsets.UTF_8), "long topic");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("type").asInt()).isEqualTo(4);
        assertThat(answer.body().path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(answer.body().path("data").path("content").asText())
                .contains("topic")
                .contains("200")
                .contains("201");
        assertThat(queue.jobs).isEmpty();
        String exact = InteractionsHandlerTest.body("roast").replace("their sourdough phase", "x".repeat(200));
        assertThat(lambda(exact.getBytes(StandardCharsets.UTF_8), "200")
                        .body()
                        .path("type")
                        .asInt())
                .isEqualTo(5);
    }

    record Answer(int status, JsonNode body) {}

    private Answer lambda(byte[] body, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            lambda.handleRequest(
                    new ByteArrayInputStream(signer.event(body).getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (Exception | StackOverflowError e) {
            fail(where + ": the Lambda path threw " + e);
        }
        ApiResponse response = ApiResponse.parse(out.toString(StandardCharsets.UTF_8));
        return new Answer(response.status(), response.body());
    }

    private Answer http(byte[] body, String where) {
        HttpResponse response;
        try {
            response = endpoint.handle(new HttpRequest(
                    Map.of(
                            "X-Signature-Ed25519",
                            signer.signature(TestSigner.TIMESTAMP, body),
                            "X-Signature-Timestamp",
                            TestSigner.TIMESTAMP),
                    body));
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(where + ": the endpoint threw " + e, e);
        }
        try {
            return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(where + ": the answer is not JSON: " + response.body(), e);
        }
    }
}
