package dev.roastden.local;

import dev.roastden.events.SignEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts an interaction to the local endpoint over real HTTP, signed as Discord signs it (Ed25519 over timestamp +
 * body, {@code X-Signature-Ed25519} and {@code X-Signature-Timestamp}) with the committed test-only key.
 */
final class SignedPoster {
    private final byte[] signingSeed;
    private final URI interactionsUrl;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SignedPoster(byte[] signingSeed, URI interactionsUrl, Clock clock) {
        this.signingSeed = signingSeed.clone();
        this.interactionsUrl = interactionsUrl;
        this.clock = clock;
    }

    HttpResponse<String> post(String body) throws IOException, GeneralSecurityException {
        String timestamp = Long.toString(clock.millis() / 1000);
        String signature = SignEvent.sign(signingSeed, timestamp, body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(interactionsUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Signature-Ed25519", signature)
                .header("X-Signature-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
