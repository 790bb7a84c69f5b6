package dev.roastden.emulators.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers shared by the JDK {@code HttpServer} based emulators. */
public final class HttpExchanges {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add about 40 ms to every response. Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private HttpExchanges() {}

    /**
     * Creates a JDK HTTP server on a loopback port (0 picks a free one), with TCP_NODELAY. Use this rather than
     * {@code HttpServer.create} so the setting applies.
     */
    public static com.sun.net.httpserver.HttpServer loopbackServer(int port) throws IOException {
        return com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 64);
    }

    /** A fixed pool of daemon threads named {@code name}, so an emulator never keeps a JVM alive. */
    public static java.util.concurrent.ExecutorService daemonPool(int threads, String name) {
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The request body's bytes. */
    public static byte[] bytes(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** The request body as UTF-8 text. */
    public static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The parameters of a raw query string ({@code a=1&b=2}), decoded; the first value of a repeated name wins. */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** The request headers, names lower-cased, repeated values joined with commas. */
    public static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
            out.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
        }
        return out;
    }

    /** Sends {@code body} (may be null for none) with the given status and content type. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null && bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = bytes.length == 0 || status == 204;
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
