package dev.roastden.local;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the playground's API for the playground page: its POSTs sign interactions as any sample member, so another
 * site must not be able to make a browser send them. A request whose {@code Host} is not this server's own
 * loopback address and port (DNS rebinding) gets 403, and so does a POST whose {@code Origin} is another site's or
 * that the browser marks cross-site. Tools such as curl send no {@code Origin} and are let through when the
 * {@code Host} is right.
 */
final class PlaygroundGuard extends Filter {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Optional<String> refusal = refusal(
                exchange.getRequestMethod(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin")),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Sec-Fetch-Site")),
                exchange.getLocalAddress().getPort());
        if (refusal.isPresent()) {
            byte[] body = ("{\"error\":\"" + refusal.get() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().close();
            exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
            exchange.sendResponseHeaders(403, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "Refuses playground requests from other sites and other host names";
    }

    /** Why the request is refused, or empty when it may go on. */
    static Optional<String> refusal(
            String method, Optional<String> host, Optional<String> origin, Optional<String> fetchSite, int port) {
        if (host.isEmpty() || !isLocal(host.get(), port)) {
            return Optional.of("The playground answers only at 127.0.0.1:" + port + " or localhost:" + port);
        }
        if (!"POST".equals(method)) {
            return Optional.empty();
        }
        if (origin.isPresent() && !isLocalOrigin(origin.get(), port)) {
            return Optional.of("The playground does not take requests from other sites");
        }
        if (fetchSite.isPresent()
                && !Set.of("same-origin", "none").contains(fetchSite.get().toLowerCase(Locale.ROOT))) {
            return Optional.of("The playground does not take requests from other sites");
        }
        return Optional.empty();
    }

    private static boolean isLocal(String hostHeader, int port) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        for (String name : LOOPBACK_NAMES) {
            if (host.equals(name + ":" + port) || (port == 80 && host.equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocalOrigin(String origin, int port) {
        String value = origin.trim().toLowerCase(Locale.ROOT);
        return value.startsWith("http://") && isLocal(value.substring("http://".length()), port);
    }
}
