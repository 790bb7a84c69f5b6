package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractionsHandlerTest {
    private final TestSigner signer = new TestSigner();
    private final RecordingQueue queue = new RecordingQueue();
    private final InteractionsHandler handler = new InteractionsHandler(new InteractionEndpoint(
            SignatureVerifier.fromHex(signer.publicKeyHex()),
            new InteractionRouter(queue, PersonaCatalog.fromClasspath()),
            RequestLog.silent()));

    @Test
    void answersPingWithPongAsJson() throws IOException {
        ApiResponse response = call(signer.event(body("ping")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.body().toString()).isEqualTo("{\"type\":1}");
        assertThat(queue.jobs).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"roast,0", "ask,0", "remember,64", "forget-memory,64", "forget-persona,64", "forget-me,64"})
    void defersEachCommandAndQueuesItsJob(String sample, int flags) throws IOException {
        ApiResponse response = call(signer.event(body(sample)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.type()).isEqualTo(5);
        assertThat(response.flags()).isEqualTo(flags);
        assertThat(queue.jobs).hasSize(1);
        DeferredJob job = queue.jobs.get(0);
        assertThat(job.command()).isEqualTo(sample.replaceAll("-.*", ""));
        assertThat(job.kind()).isEqualTo(DeferredJob.Kind.COMMAND);
        assertThat(job.guildId()).contains("1200000000000000001");
    }

    @Test
    void answersPersonaAutocompleteInLine() throws IOException {
        ApiResponse response = call(signer.event(body("autocomplete-persona")));
        assertThat(response.type()).isEqualTo(8);
        assertThat(response.body()
                        .path("data")
                        .path("choices")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("ford");
        assertThat(response.body()
                        .path("data")
                        .path("choices")
                        .get(0)
                        .path("name")
                        .asText())
                .startsWith("Captain Ford");
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void answersAutocompleteOfOtherOptionsWithNoChoices() throws IOException {
        String body = body("autocomplete-persona")
                .replace("\"name\": \"persona\",\n        \"type\": 3,\n        \"value\": \"fo\"", "\"name\": \"x\"");
        ApiResponse response = call(signer.event(body.replace("\"focused\": true", "\"focused\": false")));
        assertThat(response.type()).isEqualTo(8);
        assertThat(response.body().path("data").path("choices")).isEmpty();
    }

    @Test
    void explainsAnUnknownCommandPrivately() throws IOException {
        ApiResponse response = call(signer.event(body("unknown-command")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.type()).isEqualTo(4);
        assertThat(response.flags()).isEqualTo(64);
        assertThat(response.content()).contains("/karaoke").contains("/roast");
        assertThat(response.body().path("data").path("allowed_mentions").path("parse"))
                .isEmpty();
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void saysSoPrivatelyWhenTheQueueIsDown() throws IOException {
        queue.down = true;
        ApiResponse response = call(signer.event(body("roast")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.type()).isEqualTo(4);
        assertThat(response.flags()).isEqualTo(64);
        assertThat(response.content()).isEqualTo(InteractionRouter.QUEUE_FAILED);
    }

    @Test
    void explainsThatCommandsOnlyWorkInServersExceptTheUserInstallableOnes() throws IOException {
        String dm = body("roast").replace("\"guild_id\": \"1200000000000000001\",", "");
        assertThat(dm).doesNotContain("guild_id");
        ApiResponse response = call(signer.event(dm));
        assertThat(response.type()).isEqualTo(4);
        assertThat(response.content()).isEqualTo(InteractionRouter.GUILD_ONLY);
        assertThat(queue.jobs).isEmpty();

        String askInDm = body("ask").replace("\"guild_id\": \"1200000000000000001\",", "");
        assertThat(call(signer.event(askInDm)).type()).isEqualTo(5);
        assertThat(queue.jobs).singleElement().satisfies(job -> assertThat(job.guildId())
                .isEmpty());
    }

    @Test
    void rejectsABadSignatureWith401AndDoesNothing() throws IOException {
        String event = signer.event(body("roast")).replace("their sourdough phase", "their sourdough phase!");
        ApiResponse response = call(event);
        assertThat(response.status()).isEqualTo(401);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void rejectsATamperedTimestamp() throws IOException {
        String event = signer.event(body("roast")).replace(TestSigner.TIMESTAMP, "1732233601");
        assertThat(call(event).status()).isEqualTo(401);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void rejectsMissingSignatureHeaders() throws IOException {
        String event = signer.event(body("ping")).replace("x-signature-ed25519", "x-something-else");
        assertThat(call(event).status()).isEqualTo(401);
    }

    @Test
    void readsHeaderNamesWhateverTheirCase() throws IOException {
        String event = signer.event(body("roast"))
                .replace("x-signature-ed25519", "X-Signature-Ed25519")
                .replace("x-signature-timestamp", "X-SIGNATURE-TIMESTAMP");
        assertThat(call(event).type()).isEqualTo(5);
        assertThat(queue.jobs).hasSize(1);
    }

    @Test
    void verifiesBase64EncodedBodiesAfterDecoding() throws IOException {
        ApiResponse response = call(signer.event(body("roast"), true));
        assertThat(response.type()).isEqualTo(5);
        assertThat(queue.jobs.get(0).option("topic")).contains("their sourdough phase");
    }

    @Test
    void answersMalformedJsonWith400() {
        ApiResponse response = call(signer.event("{\"type\":2,"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("error").asText()).isNotBlank();
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void answersAnEventThatIsNotAnHttpApiEventWith400() {
        ApiResponse response = ApiResponse.parse(TestSigner.invoke(handler, "[]"));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void answersAnEmptySignedBodyWith400() {
        assertThat(call(signer.event("")).status()).isEqualTo(400);
    }

    @Test
    void keepsUnicodeIntactFromRequestToJob() throws IOException {
        String body = body("ask")
                .replace("What should we name the group chat?", "Caf\u00e9 \uD83D\uDD25 or https:\\/\\/x.example?");
        ApiResponse response = call(signer.event(body));
        assertThat(response.type()).isEqualTo(5);
        assertThat(queue.jobs.get(0).option("question")).contains("Caf\u00e9 \uD83D\uDD25 or https://x.example?");
    }

    @Test
    void answersComponentsPrivatelyWithoutQueueing() {
        String click = "{\"type\":3,\"id\":\"1310000000000000010\",\"application_id\":\"1200000000000000003\","
                + "\"token\":\"t\",\"guild_id\":\"1200000000000000001\",\"member\":{\"user\":"
                + "{\"id\":\"100000000000000005\",\"username\":\"a\"},\"permissions\":\"0\"},"
                + "\"data\":{\"custom_id\":\"again\",\"component_type\":2}}";
        ApiResponse response = call(signer.event(click));
        assertThat(response.type()).isEqualTo(4);
        assertThat(response.flags()).isEqualTo(64);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void configurationNamesWhatIsMissing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HandlerConfig.fromEnvironment(Map.of()))
                .hasMessageContaining("DISCORD_PUBLIC_KEY");
    }

    private ApiResponse call(String event) {
        return ApiResponse.parse(TestSigner.invoke(handler, event));
    }

    static String body(String sample) throws IOException {
        try (InputStream in = InteractionsHandlerTest.class
                .getClassLoader()
                .getResourceAsStream("interactions/" + sample + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
