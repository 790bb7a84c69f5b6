package dev.roastden.worker.persona;

import com.sun.net.httpserver.HttpServer;
import dev.roastden.core.interaction.Attachment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process HTTP server standing in for Discord's CDN: serves uploaded bytes, as the local system's CDN does. */
final class LocalCdn implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger(100);

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    LocalCdn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Integer failure = failures.get(exchange.getRequestURI().getPath());
            if (failure != null) {
                exchange.sendResponseHeaders(failure, -1);
                exchange.close();
                return;
            }
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code bytes} and returns the attachment Discord would resolve for it. */
    Attachment upload(String filename, byte[] bytes) {
        String id = "13000000000000" + IDS.incrementAndGet();
        String path = "/attachments/" + id + "/" + filename;
        files.put(path, bytes);
        return new Attachment(id, filename, origin() + path, bytes.length, Optional.empty());
    }

    /** Answers {@code status} for the attachment until {@link #heal}. */
    void fail(Attachment attachment, int status) {
        failures.put(URI.create(attachment.url()).getPath(), status);
    }

    void heal(Attachment attachment) {
        failures.remove(URI.create(attachment.url()).getPath());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
