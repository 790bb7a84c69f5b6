package dev.roastden.handler.bench;

import dev.roastden.core.signature.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The committed, signed sample events of the {@code events} module, read from the test class path. */
final class SampleEvents {
    private SampleEvents() {}

    /** The API Gateway event {@code apigw/<name>.json}, as bytes. */
    static byte[] apiGateway(String name) {
        return bytes("apigw/" + name + ".json");
    }

    /** A verifier for the test-only key that signed the samples. */
    static SignatureVerifier verifier() {
        StringBuilder hex = new StringBuilder();
        new String(bytes("test-only-key/ed25519-public.hex"), StandardCharsets.UTF_8)
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(hex::append);
        return SignatureVerifier.fromHex(hex.toString());
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = SampleEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource + " (from the events module)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
