package dev.roastden.worker.persona.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the fixture files under {@code src/test/resources/cards/}. */
public final class CardFixtures {
    private CardFixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = CardFixtures.class.getResourceAsStream("/cards/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
