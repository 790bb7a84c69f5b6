package dev.roastden.worker.persona.attachments;

import dev.roastden.core.interaction.Attachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a file a user attached, treating everything about it as hostile: only {@code https} from Discord's CDN
 * ({@code cdn.discordapp.com}, {@code media.discordapp.net}) or an origin the wiring adds (the local system's
 * emulated CDN), no redirect except to such an origin, at most {@link #MAX_BYTES} (refused by the size Discord
 * reported, then by {@code Content-Length}, then by counting while reading, which stops there), one overall time
 * limit, and a PNG or JSON by the first bytes whatever the name says. Every refusal is a value with a reason.
 *
 * <p>The {@link HttpClient} is created on first use, after any SnapStart restore.
 */
public final class AttachmentFetcher {
    /** The largest file fetched. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** Where Discord serves attachments. */
    public static final List<URI> DISCORD_CDN =
            List.of(URI.create("https://cdn.discordapp.com"), URI.create("https://media.discordapp.net"));

    private static final int MAX_REDIRECTS = 2;

    private final List<URI> origins;
    private final Duration timeout;
    private volatile HttpClient client;

    /**
     * @param extraOrigins origins ({@code scheme://host[:port]}) trusted besides Discord's CDN
     * @param timeout the most a whole download may take
     */
    public AttachmentFetcher(List<URI> extraOrigins, Duration timeout) {
        this.origins = List.copyOf(java.util.stream.Stream.concat(DISCORD_CDN.stream(), extraOrigins.stream())
                .toList());
        this.timeout = timeout;
    }

    /** The attachment's bytes, or why not. */
    public Fetched fetch(Attachment attachment) {
        if (attachment.size() > MAX_BYTES) {
            return new Fetched.Refused("the file is " + megabytes(attachment.size()) + "; the limit is 2 MB.", false);
        }
        URI uri;
        try {
            uri = URI.create(attachment.url());
        } catch (IllegalArgumentException e) {
            return new Fetched.Refused("its address is not a valid URL.", false);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> foreign = foreignHost(uri);
            if (foreign.isPresent()) {
                return new Fetched.Refused(
                        "files are only taken from Discord's CDN (cdn.discordapp.com or media.discordapp.net), and"
                                + " this one is at " + foreign.get() + ". Attach the file to the command itself.",
                        false);
            }
            HttpResponse<Body> response;
            try {
                response = get(uri, deadline);
            } catch (TimeoutException e) {
                return new Fetched.Refused("downloading it took too long; try again in a moment.", true);
            } catch (IOException e) {
                return new Fetched.Refused(
                        "it could not be downloaded (" + e.getClass().getSimpleName() + "); try again in a moment.",
                        true);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return new Fetched.Refused("Discord's CDN answered " + status + " without a location.", false);
                }
                try {
                    uri = uri.resolve(location.get());
                } catch (IllegalArgumentException e) {
                    return new Fetched.Refused("Discord's CDN redirected to an invalid address.", false);
                }
                continue;
            }
            if (status != 200) {
                return new Fetched.Refused(
                        "Discord's CDN answered " + status
                                + (status == 404 || status == 403
                                        ? " (the link may have expired): attach it again."
                                        : "."),
                        status >= 500 || status == 429);
            }
            Body body = response.body();
            if (body.tooBig()) {
                return new Fetched.Refused("the file is larger than 2 MB.", false);
            }
            byte[] bytes = body.bytes();
            if (!looksLikePngOrJson(bytes)) {
                return new Fetched.Refused(
                        "it is neither a PNG nor a JSON file (the type is read from the file's bytes, not its name).",
                        false);
            }
            return new Fetched.File(bytes);
        }
        return new Fetched.Refused("Discord's CDN redirected too many times.", false);
    }

    /** Empty when {@code uri} is on a trusted origin; else the host to name in the refusal. */
    Optional<String> foreignHost(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() == null && !host.isEmpty()) {
            if (DISCORD_CDN.stream().anyMatch(cdn -> cdn.getHost().equals(host)) && !scheme.equals("https")) {
                return Optional.of(
                        host + " over " + (scheme.isEmpty() ? "no scheme" : scheme) + " (only https is used)");
            }
            for (URI origin : origins) {
                if (origin.getScheme().equalsIgnoreCase(scheme)
                        && origin.getHost().equalsIgnoreCase(host)
                        && port(origin) == port(uri)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(host.isEmpty() ? "an address with no host" : host);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private HttpResponse<Body> get(URI uri, long deadline) throws IOException, TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(left))
                .header("Accept", "image/png, application/json, */*")
                .GET()
                .build();
        CompletableFuture<HttpResponse<Body>> future = client().sendAsync(request, info -> {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            if (info.statusCode() == 200 && length.isPresent() && length.getAsLong() > MAX_BYTES) {
                return HttpResponse.BodySubscribers.replacing(Body.TOO_BIG);
            }
            return info.statusCode() == 200 ? new Limited() : HttpResponse.BodySubscribers.replacing(Body.EMPTY);
        });
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new TimeoutException();
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** A PNG signature, or a JSON object or array after an optional byte-order mark and whitespace. */
    static boolean looksLikePngOrJson(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return true;
        }
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private HttpClient client() {
        HttpClient local = client;
        if (local == null) {
            synchronized (this) {
                local = client;
                if (local == null) {
                    local = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(3))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = local;
                }
            }
        }
        return local;
    }

    /** A body read up to {@link #MAX_BYTES}; {@code tooBig} when there was more. */
    record Body(byte[] bytes, boolean tooBig) {
        static final Body TOO_BIG = new Body(new byte[0], true);
        static final Body EMPTY = new Body(new byte[0], false);
    }

    /** Collects at most {@link #MAX_BYTES}, cancelling the download as soon as there is more. */
    private static final class Limited implements HttpResponse.BodySubscriber<Body> {
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (out.size() + buffer.remaining() > MAX_BYTES) {
                    result.complete(Body.TOO_BIG);
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(out.toByteArray(), false));
        }
    }
}
