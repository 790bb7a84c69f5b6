package dev.roastden.local;

import dev.roastden.events.SignEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** Signatures of the sample bodies by the committed test-only key, for ready-to-paste curl commands. */
final class SampleSignatures {
    static final String TIMESTAMP = SignEvent.SAMPLE_TIMESTAMP;

    private SampleSignatures() {}

    /** The signature of {@code events/interactions/ping.json} at {@link #TIMESTAMP}. */
    static String ping() {
        return of("interactions/ping.json");
    }

    static String of(String sample) {
        try (InputStream key = resource("test-only-key/ed25519-private.hex");
                InputStream body = resource(sample)) {
            byte[] seed = SignEvent.seed(new String(key.readAllBytes(), StandardCharsets.UTF_8));
            return SignEvent.sign(seed, TIMESTAMP, body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SampleSignatures.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing sample " + name);
        }
        return in;
    }
}
