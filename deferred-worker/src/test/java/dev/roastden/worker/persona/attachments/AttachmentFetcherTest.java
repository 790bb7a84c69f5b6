package dev.roastden.worker.persona.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.interaction.Attachment;
import dev.roastden.worker.persona.card.CardFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a small in-process HTTP server registered as an extra origin, as the local system's emulated CDN is. */
class AttachmentFetcherTest {
    private static final byte[] PNG = CardFixtures.bytes("v2.card.png");

    private HttpServer server;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private AttachmentFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        fetcher = new AttachmentFetcher(List.of(URI.create(base)), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/card.png" -> send(exchange, 200, PNG, false);
            case "/card.json" ->
                send(exchange, 200, "\uFEFF  {\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), false);
            case "/notes.txt" -> send(exchange, 200, "hello".getBytes(StandardCharsets.UTF_8), false);
            case "/big" -> send(exchange, 200, new byte[AttachmentFetcher.MAX_BYTES + 1], false);
            case "/big-chunked" -> send(exchange, 200, json(3 * 1024 * 1024), true);
            case "/exactly-2mb" -> send(exchange, 200, json(AttachmentFetcher.MAX_BYTES), true);
            case "/missing" -> send(exchange, 404, new byte[0], false);
            case "/broken" -> send(exchange, 503, new byte[0], false);
            case "/to-elsewhere" -> redirect(exchange, "https://evil.example/card.png");
            case "/to-card" -> redirect(exchange, "/card.png");
            case "/loop" -> redirect(exchange, "/loop");
            case "/hang" -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> send(exchange, 404, new byte[0], false);
        }
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';
        return body;
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        exchange.sendResponseHeaders(status, chunked ? 0 : (body.length == 0 ? -1 : body.length));
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException clientWentAway) {
            // The fetcher stops reading past 2 MB.
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Attachment attachment(String url, long size) {
        return new Attachment("1100000000000000001", "card.png", url, size, Optional.of("image/png"));
    }

    private String refusal(Fetched fetched) {
        assertThat(fetched).isInstanceOf(Fetched.Refused.class);
        return ((Fetched.Refused) fetched).reason();
    }

    @Test
    void fetchesFromATrustedOrigin() {
        Fetched fetched = fetcher.fetch(attachment(base + "/card.png", PNG.length));
        assertThat(fetched).isInstanceOf(Fetched.File.class);
        assertThat(((Fetched.File) fetched).bytes()).isEqualTo(PNG);
        assertThat(fetcher.fetch(attachment(base + "/card.json", 20))).isInstanceOf(Fetched.File.class);
        assertThat(fetcher.fetch(attachment(base + "/exactly-2mb", 10))).isInstanceOf(Fetched.File.class);
    }

    @Test
    void refusesOtherHostsWithoutAsking() {
        assertThat(refusal(fetcher.fetch(attachment("https://evil.example/card.png", 10))))
                .contains("only taken from Discord's CDN")
                .contains("evil.example");
        assertThat(refusal(fetcher.fetch(attachment("http://cdn.discordapp.com/attachments/1/2/card.png", 10))))
                .contains("only https");
        assertThat(refusal(fetcher.fetch(attachment("https://cdn.discordapp.com.evil.example/x.png", 10))))
                .contains("cdn.discordapp.com.evil.example");
        assertThat(refusal(fetcher.fetch(attachment("https://user@cdn.discordapp.com/x.png", 10))))
                .contains("only taken from Discord's CDN");
        // The trusted origin on another port is another origin.
        int port = server.getAddress().getPort();
        assertThat(refusal(fetcher.fetch(attachment("http://127.0.0.1:" + (port == 65535 ? 1 : port + 1) + "/x", 1))))
                .contains("127.0.0.1");
        assertThat(refusal(fetcher.fetch(attachment("not a url", 1)))).contains("not a valid URL");
        assertThat(requests).hasValue(0);
    }

    @Test
    void refusesBySizeReportedThenSentThenRead() {
        assertThat(refusal(fetcher.fetch(attachment(base + "/card.png", 3 * 1024 * 1024))))
                .isEqualTo("the file is 3.0 MB; the limit is 2 MB.");
        assertThat(requests).as("refused by the reported size, not fetched").hasValue(0);

        assertThat(refusal(fetcher.fetch(attachment(base + "/big", 10)))).isEqualTo("the file is larger than 2 MB.");
        assertThat(refusal(fetcher.fetch(attachment(base + "/big-chunked", 10))))
                .isEqualTo("the file is larger than 2 MB.");
    }

    @Test
    void refusesWhatIsNeitherPngNorJson() {
        assertThat(refusal(fetcher.fetch(attachment(base + "/notes.txt", 5)))).contains("neither a PNG nor a JSON");
    }

    @Test
    void followsRedirectsOnlyToTrustedOrigins() {
        assertThat(fetcher.fetch(attachment(base + "/to-card", 10))).isInstanceOf(Fetched.File.class);
        int before = requests.get();
        assertThat(refusal(fetcher.fetch(attachment(base + "/to-elsewhere", 10))))
                .contains("evil.example");
        assertThat(requests.get() - before).as("only the redirecting request").isEqualTo(1);
        assertThat(refusal(fetcher.fetch(attachment(base + "/loop", 10)))).contains("redirected too many times");
    }

    @Test
    void reportsHttpErrorsAndTimeouts() {
        Fetched missing = fetcher.fetch(attachment(base + "/missing", 10));
        assertThat(refusal(missing)).contains("404").contains("attach it again");
        assertThat(((Fetched.Refused) missing).retryable()).isFalse();
        Fetched broken = fetcher.fetch(attachment(base + "/broken", 10));
        assertThat(refusal(broken)).contains("503");
        assertThat(((Fetched.Refused) broken).retryable()).isTrue();

        AttachmentFetcher impatient = new AttachmentFetcher(List.of(URI.create(base)), Duration.ofMillis(300));
        Fetched hung = impatient.fetch(attachment(base + "/hang", 10));
        assertThat(refusal(hung)).contains("took too long");
        assertThat(((Fetched.Refused) hung).retryable()).isTrue();
    }
}
