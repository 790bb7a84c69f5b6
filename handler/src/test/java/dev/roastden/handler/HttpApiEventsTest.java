package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API Gateway (payload format 2.0) events in and out, exactly. */
class HttpApiEventsTest {
    /** As UTF-8 bytes, with characters outside the Basic Multilingual Plane escaped. */
    @Test
    void writesTheResponseEvent() {
        assertThat(new String(
                        HttpApiEvents.write(
                                HttpResponse.ok("{\"type\":4,\"data\":{\"content\":\"é🔥 a/b \\\"q\\\"\"}}")),
                        StandardCharsets.UTF_8))
                .isEqualTo("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},"
                        + "\"body\":\"{\\\"type\\\":4,\\\"data\\\":{\\\"content\\\":\\\"é\\uD83D\\uDD25 a/b \\\\\\\"q\\\\\\\"\\\"}}\","
                        + "\"isBase64Encoded\":false}");
        assertThat(new String(
                        HttpApiEvents.write(HttpResponse.error(401, "invalid request signature")),
                        StandardCharsets.UTF_8))
                .isEqualTo("{\"statusCode\":401,\"headers\":{\"content-type\":\"application/json\"},"
                        + "\"body\":\"{\\\"error\\\":\\\"invalid request signature\\\"}\",\"isBase64Encoded\":false}");
    }

    @Test
    void readsHeadersAndThePlainOrBase64Body() throws Exception {
        HttpRequest plain = HttpApiEvents.read(new ByteArrayInputStream(
                        SampleEventsTest.resource("apigw/roast.json").getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
        HttpRequest base64 = HttpApiEvents.read(new ByteArrayInputStream(
                        SampleEventsTest.resource("apigw/roast-base64.json").getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
        assertThat(plain.header("X-Signature-Timestamp")).contains("1732233600");
        assertThat(plain.header("content-type")).contains("application/json");
        assertThat(base64.headers()).isEqualTo(plain.headers());
        assertThat(new String(base64.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8))
                .contains("\"name\": \"roast\"");
    }

    @Test
    void keepsScalarHeadersAsTextAndUnescapesTheBody() throws Exception {
        String event = "{\"headers\":{\"a\":\"x\",\"n\":5,\"b\":true,\"o\":{\"x\":1},\"l\":[1]},"
                + "\"body\":\"{\\\"k\\\":\\\"\\\\u00e9\\\\/\\\"}\",\"extra\":[{}]}";
        HttpRequest request = HttpApiEvents.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
        assertThat(request.headers()).containsOnlyKeys("a", "n", "b");
        assertThat(request.header("n")).contains("5");
        assertThat(request.header("b")).contains("true");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"\\u00e9\\/\"}");
    }

    @Test
    void anEventWithoutBodyHasAnEmptyBody() throws Exception {
        HttpRequest request = HttpApiEvents.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
        assertThat(request.headers()).isEmpty();
        assertThat(request.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "\"text\"", "{\"body\":\"%%%\",\"isBase64Encoded\":true}", "{\"a\":"})
    void isEmptyForWhatIsNotAnHttpApiEvent(String event) throws Exception {
        assertThat(HttpApiEvents.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }
}
