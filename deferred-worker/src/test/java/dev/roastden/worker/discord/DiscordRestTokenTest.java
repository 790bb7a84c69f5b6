package dev.roastden.worker.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.json.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interaction token never reaches a {@link Delivery#detail} (what the worker logs), whatever the application
 * id looks like, and an id or token that cannot be real is not sent and not retried.
 */
class DiscordRestTokenTest {
    private static final String TOKEN = "aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu";

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile int status = 500;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"message\":\"nope\",\"code\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DiscordRest rest() {
        return new DiscordRest(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "DiscordBot (test, 1)",
                Clock.systemUTC(),
                wait -> {},
                Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 400, 404, 429})
    void theTokenIsNeverInTheDetailWhateverDiscordAnswers(int answer) {
        status = answer;
        Delivery delivery = rest().editOriginal("1200000000000000003", TOKEN, body(), soon());
        assertThat(delivery.detail()).doesNotContain(TOKEN).contains("{token}");
        assertThat(paths).isNotEmpty().allMatch(p -> p.contains(TOKEN));
    }

    @Test
    void routesHideTheTokenByTheShapeOfThePathWhateverTheApplicationIdLooksLike() {
        assertThat(DiscordRest.route("PATCH", "/webhooks/s269093/true/messages/@original"))
                .isEqualTo("PATCH /webhooks/s269093/{token}/messages/@original");
        assertThat(DiscordRest.route("GET", "/webhooks//" + TOKEN + "/messages/@original"))
                .doesNotContain(TOKEN);
        assertThat(DiscordRest.route("PATCH", "/webhooks/1200000000000000003/" + TOKEN))
                .isEqualTo("PATCH /webhooks/1200000000000000003/{token}");
        assertThat(DiscordRest.route("GET", "/channels/1/messages?after=2&limit=3"))
                .isEqualTo("GET /channels/1/messages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s269093", "", "12", "1200000000000000003/../x"})
    void anApplicationIdThatIsNotASnowflakeIsDroppedWithoutACall(String applicationId) {
        Delivery delivery = rest().editOriginal(applicationId, TOKEN, body(), soon());
        assertThat(delivery.status()).isEqualTo(Delivery.Status.GONE);
        assertThat(delivery.detail()).doesNotContain(TOKEN);
        assertThat(paths).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a/b", "ünicode", "%2F", "x?y=1"})
    void aTokenThatCannotBeOneIsDroppedWithoutACallAndNotRepeated(String token) {
        Delivery edit = rest().editOriginal("1200000000000000003", token, body(), soon());
        Delivery get = rest().getOriginal("1200000000000000003", token, soon());
        Delivery followUp = rest().followUp("1200000000000000003", token, body(), soon());
        assertThat(edit.status()).isEqualTo(Delivery.Status.GONE);
        assertThat(get.status()).isEqualTo(Delivery.Status.GONE);
        assertThat(followUp.status()).isEqualTo(Delivery.Status.GONE);
        assertThat(edit.detail() + get.detail() + followUp.detail()).doesNotContain(token);
        assertThat(paths).isEmpty();
    }

    @Test
    void aChannelOrMessageIdThatIsNotASnowflakeIsDroppedWithoutACall() {
        assertThat(rest().createMessage("x y", body(), "bot", soon()).status()).isEqualTo(Delivery.Status.GONE);
        assertThat(rest().messagesAfter("1200000000000000002", "1&limit=100", 5, "bot", soon())
                        .status())
                .isEqualTo(Delivery.Status.GONE);
        assertThat(rest().typing("9".repeat(100_000), "bot").status()).isEqualTo(Delivery.Status.GONE);
        assertThat(paths).isEmpty();
    }

    private static ObjectNode body() {
        return Json.mapper().createObjectNode().put("content", "hi");
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(60);
    }
}
