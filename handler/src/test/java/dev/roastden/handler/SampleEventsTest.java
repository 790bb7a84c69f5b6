package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every committed sample event in {@code events/apigw}, signed with the test-only key, gets its intended answer. */
class SampleEventsTest {
    private final RecordingQueue queue = new RecordingQueue();
    private final InteractionsHandler handler;

    SampleEventsTest() throws IOException {
        String publicKey = resource("test-only-key/ed25519-public.hex").trim();
        handler = new InteractionsHandler(new InteractionEndpoint(
                SignatureVerifier.fromHex(publicKey),
                new InteractionRouter(queue, PersonaCatalog.fromClasspath()),
                RequestLog.silent()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ping,200,1,0",
        "roast,200,5,1",
        "roast-base64,200,5,1",
        "ask,200,5,1",
        "remember,200,5,1",
        "forget-memory,200,5,1",
        "forget-persona,200,5,1",
        "forget-me,200,5,1",
        "autocomplete-persona,200,8,0",
        "unknown-command,200,4,0",
        "bad-signature,401,-1,0"
    })
    void sampleGetsItsAnswer(String sample, int status, int type, int jobs) throws IOException {
        ApiResponse response = ApiResponse.parse(TestSigner.invoke(handler, resource("apigw/" + sample + ".json")));
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.type()).isEqualTo(type);
        assertThat(queue.jobs).hasSize(jobs);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SampleEventsTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
