package dev.roastden.emulators.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's {@code ApplyGuardrail} endpoint, spoken to over plain HTTP in Bedrock's wire format. */
class ApplyGuardrailEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/bedrock/aws4_request";

    private final HttpClient http = HttpClient.newHttpClient();
    private BedrockEmulator bedrock;

    @BeforeEach
    void start() {
        bedrock = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        bedrock.close();
    }

    @Test
    void textTheGuardrailAcceptsComesBackWithActionNoneAndNoOutputs() throws Exception {
        HttpResponse<String> response = apply("gr-1", "3", body("INPUT", "Ford likes kites"), SIGNED);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("action").asText()).isEqualTo("NONE");
        assertThat(json.path("outputs").isArray()).isTrue();
        assertThat(json.path("outputs")).isEmpty();
        assertThat(json.path("assessments").isArray()).isTrue();
        assertThat(json.path("usage").path("topicPolicyUnits").asInt()).isEqualTo(1);
        assertThat(bedrock.guardrailCalls()).singleElement().satisfies(call -> {
            assertThat(call.guardrailId()).isEqualTo("gr-1");
            assertThat(call.version()).isEqualTo("3");
            assertThat(call.source()).isEqualTo("INPUT");
            assertThat(call.texts()).containsExactly("Ford likes kites");
        });
        assertThat(bedrock.calls()).isEmpty();
    }

    @Test
    void textMatchingThePredicateIsBlockedWithTheBlockedMessageAndAnAssessment() throws Exception {
        bedrock.guardrailIntervenesWhen(text -> text.contains("forbidden"));

        HttpResponse<String> blocked = apply("gr-1", "DRAFT", body("INPUT", "a forbidden fact"), SIGNED);
        HttpResponse<String> fine = apply("gr-1", "DRAFT", body("INPUT", "a harmless fact"), SIGNED);

        JsonNode json = JSON.readTree(blocked.body());
        assertThat(json.path("action").asText()).isEqualTo("GUARDRAIL_INTERVENED");
        assertThat(json.path("outputs").get(0).path("text").asText())
                .isEqualTo(BedrockEmulator.GUARDRAIL_BLOCKED_MESSAGE);
        JsonNode topic = json.path("assessments")
                .get(0)
                .path("topicPolicy")
                .path("topics")
                .get(0);
        assertThat(topic.path("action").asText()).isEqualTo("BLOCKED");
        assertThat(topic.path("detected").asBoolean()).isTrue();
        assertThat(JSON.readTree(fine.body()).path("action").asText()).isEqualTo("NONE");
    }

    @Test
    void scriptedFailuresComeFirstWithBedrocksErrorTypeThenEvaluationResumes() throws Exception {
        bedrock.enqueueGuardrail(Outcome.throttled(), Outcome.serverError());

        HttpResponse<String> first = apply("gr-1", "1", body("INPUT", "x"), SIGNED);
        HttpResponse<String> second = apply("gr-1", "1", body("INPUT", "x"), SIGNED);
        HttpResponse<String> third = apply("gr-1", "1", body("INPUT", "x"), SIGNED);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("x-amzn-ErrorType")).contains("ThrottlingException");
        assertThat(second.statusCode()).isEqualTo(500);
        assertThat(second.headers().firstValue("x-amzn-ErrorType")).contains("InternalServerException");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(bedrock.guardrailCalls()).hasSize(3);
    }

    @Test
    void unsignedOrMalformedRequestsAreRejected() throws Exception {
        assertThat(apply("gr-1", "1", body("INPUT", "x"), "").statusCode()).isEqualTo(403);
        assertThat(apply("gr-1", "1", body("SIDEWAYS", "x"), SIGNED).statusCode())
                .isEqualTo(400);
        assertThat(apply("gr-1", "1", "{\"source\":\"INPUT\",\"content\":[]}", SIGNED)
                        .statusCode())
                .isEqualTo(400);
    }

    private static String body(String source, String text) throws Exception {
        var root = JSON.createObjectNode();
        root.put("source", source);
        root.putArray("content").addObject().putObject("text").put("text", text);
        return JSON.writeValueAsString(root);
    }

    private HttpResponse<String> apply(String id, String version, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        bedrock.endpoint().resolve("/guardrail/" + id + "/version/" + version + "/apply"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            request.header("authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
