package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roastden.events.SignEvent;
import dev.roastden.handler.RequestLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local system over raw HTTP, as a tester's scripts meet it: hostile signed bodies get a 400, oversized bodies
 * a 413 and oversized headers a 431 (never a reset), the playground API refuses other sites and other host names,
 * nothing listens beyond 127.0.0.1, and a port in use is named with its variable before anything starts.
 */
class LocalHardeningTest {
    private static LocalSystem system;

    @BeforeAll
    static void start() throws IOException {
        system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":1e999,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
                "{\"type\":1.9,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
                "{\"type\":1,\"type\":1,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}",
                "{\"type\":1,\"id\":\"42\",\"application_id\":\"1200000000000000003\"}",
            })
    void aSignedHostileBodyGetsA400WithAReason(String body) throws Exception {
        Reply reply = signedPost(body.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"error\":\"The ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void aSignedBodyInAnotherEncodingGetsA400(String charset) throws Exception {
        byte[] body = "{\"type\":1,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}"
                .getBytes(java.nio.charset.Charset.forName(charset));
        assertThat(signedPost(body).status()).isEqualTo(400);
    }

    @Test
    void aSignatureInArabicIndicDigitsGetsA401() throws Exception {
        byte[] body = "{\"type\":1,\"id\":\"1310000000000000000\",\"application_id\":\"1200000000000000003\"}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = SignEvent.sign(LocalSystem.testOnlySeed(), SampleSignatures.TIMESTAMP, body);
        StringBuilder arabic = new StringBuilder();
        for (char c : signature.toCharArray()) {
            arabic.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
        }
        String headers =
                "X-Signature-Ed25519: " + arabic + "\r\nX-Signature-Timestamp: " + SampleSignatures.TIMESTAMP + "\r\n";
        assertThat(raw("POST", "/interactions", local(), headers, body).status())
                .isEqualTo(401);
        assertThat(signedPost(body).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverAMegabyteGetsA413NotAReset() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        Reply reply = raw("POST", "/interactions", local(), "", body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("error");
    }

    @Test
    void headersOverTheLimitGetA431NotAReset() throws Exception {
        Reply reply = raw("POST", "/interactions", local(), "X-Padding: " + "p".repeat(100_000) + "\r\n", new byte[0]);
        assertThat(reply.status()).isEqualTo(431);
    }

    @Test
    void aPlaygroundPostFromAnotherSiteGets403() throws Exception {
        byte[] request = "{\"member\":\"100000000000000005\",\"command\":\"roast\"}".getBytes(StandardCharsets.UTF_8);
        for (String origin : new String[] {"http://evil.example", "null", "http://127.0.0.1:1"}) {
            Reply reply = raw("POST", "/playground/api/command", local(), "Origin: " + origin + "\r\n", request);
            assertThat(reply.status()).as(origin).isEqualTo(403);
        }
        Reply crossSite = raw("POST", "/playground/api/command", local(), "Sec-Fetch-Site: cross-site\r\n", request);
        assertThat(crossSite.status()).isEqualTo(403);
        // The context-menu command and the persona pick sign interactions too.
        for (String path : new String[] {"/playground/api/context", "/playground/api/pick"}) {
            assertThat(raw("POST", path, local(), "Origin: http://evil.example\r\n", request)
                            .status())
                    .as(path)
                    .isEqualTo(403);
        }
        Reply sameSite = raw(
                "POST",
                "/playground/api/autocomplete",
                local(),
                "Origin: http://127.0.0.1:" + system.port() + "\r\nSec-Fetch-Site: same-origin\r\n",
                "{\"member\":\"100000000000000005\",\"command\":\"roast\",\"focused\":\"persona\",\"options\":{}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(sameSite.status()).isEqualTo(200);
    }

    @Test
    void aPlaygroundRequestForAnotherHostNameGets403() throws Exception {
        for (String host : new String[] {"evil.example", "evil.example:" + system.port(), "127.0.0.1:1"}) {
            assertThat(raw("GET", "/playground/api/setup", host, "", null).status())
                    .as(host)
                    .isEqualTo(403);
            assertThat(raw("POST", "/playground/api/channel", host, "", "{}".getBytes(StandardCharsets.UTF_8))
                            .status())
                    .as(host)
                    .isEqualTo(403);
        }
        assertThat(raw("GET", "/playground/api/setup", local(), "", null).status())
                .isEqualTo(200);
        assertThat(raw("GET", "/playground/api/setup", "localhost:" + system.port(), "", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPlaygroundMessageLongerThanDiscordAllowsIsRefused() throws Exception {
        String content = "x".repeat(Playground.MAX_MESSAGE_LENGTH + 1);
        byte[] request = ("{\"member\":\"100000000000000005\",\"content\":\"" + content + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Reply reply = raw("POST", "/playground/api/channel", local(), "", request);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains(Integer.toString(Playground.MAX_MESSAGE_LENGTH));
    }

    @Test
    void nothingListensBeyondLoopback() throws Exception {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
        assertThat(system.ports()).hasSize(4);
        for (int port : system.ports()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), port), 2000))
                        .as("port " + port + " on " + outside.get())
                        .isInstanceOf(ConnectException.class);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
        }
    }

    @Test
    void aPortInUseIsNamedWithItsVariableBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LocalConfig sqsTaken = new LocalConfig(
                    0, port, 0, Optional.empty(), ModelChoice.offline("tests"), Optional.empty(), List.of());
            assertThatThrownBy(() -> LocalSystem.start(sqsTaken, RequestLog.silent()))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining(Integer.toString(port))
                    .hasMessageContaining("ROASTDEN_SQS_PORT");
            LocalConfig httpTaken = new LocalConfig(
                    port, 0, 0, Optional.empty(), ModelChoice.offline("tests"), Optional.empty(), List.of());
            assertThatThrownBy(() -> LocalSystem.start(httpTaken, RequestLog.silent()))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("ROASTDEN_PORT");
        }
    }

    record Reply(int status, String body) {}

    private static String local() {
        return "127.0.0.1:" + system.port();
    }

    private static Reply signedPost(byte[] body) throws Exception {
        String signature = SignEvent.sign(LocalSystem.testOnlySeed(), SampleSignatures.TIMESTAMP, body);
        return raw(
                "POST",
                "/interactions",
                local(),
                "X-Signature-Ed25519: " + signature + "\r\nX-Signature-Timestamp: " + SampleSignatures.TIMESTAMP
                        + "\r\n",
                body);
    }

    /** One HTTP/1.1 exchange over a plain socket, so that a reset shows as an exception and Host is ours to set. */
    private static Reply raw(String method, String path, String host, String headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), system.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Reply(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
        }
    }
}
