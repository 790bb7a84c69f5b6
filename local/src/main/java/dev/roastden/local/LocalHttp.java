package dev.roastden.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Request bodies on the local server, read with a bound. A body over the bound is still read to its end (up to
 * {@link #DRAIN_LIMIT}) and thrown away, so the client gets its 413 instead of a connection reset from unread
 * bytes; the JDK server resets connections whose headers pass {@code sun.net.httpserver.maxReqHeaderSize}, which
 * {@link #allowLargeHeaders} raises so that the endpoint can answer oversized headers with a 431.
 */
final class LocalHttp {
    /** Past this, the client is sending without end: reading more would only feed it. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    /** The JDK server's own header limit, far above the endpoint's, so the endpoint is the one that answers. */
    static final int JDK_HEADER_LIMIT = 8 * 1024 * 1024;

    private LocalHttp() {}

    /** The body when it has at most {@code limit} bytes; empty (the rest drained) when it is longer. */
    static Optional<byte[]> body(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (total + read <= limit) {
                    kept.write(buffer, 0, read);
                }
                total += read;
                if (total > DRAIN_LIMIT) {
                    break;
                }
            }
            return total > limit ? Optional.empty() : Optional.of(kept.toByteArray());
        }
    }

    /**
     * Raises the JDK server's header limit unless the user set it. It is read once, when the first server of the
     * JVM starts, so this must run before any.
     */
    static void allowLargeHeaders() {
        if (System.getProperty("sun.net.httpserver.maxReqHeaderSize") == null) {
            System.setProperty("sun.net.httpserver.maxReqHeaderSize", Integer.toString(JDK_HEADER_LIMIT));
        }
    }
}
