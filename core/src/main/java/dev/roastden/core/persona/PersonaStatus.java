package dev.roastden.core.persona;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a server persona is in its life. Only {@link #ACTIVE} personas speak. A persona of a real member starts
 * {@link #PENDING} and only that member's Accept makes it active; a fictional one is active at once.
 */
public enum PersonaStatus {
    /** Waiting for its member to accept (new, or edited by someone else). */
    PENDING,
    /** Speaks. */
    ACTIVE,
    /** Its member said no. */
    DECLINED,
    /** Withdrawn by its Higher Self or a manager; its memories stay until forgotten. */
    RETIRED;

    /** The lower-case name stored and shown. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@link #wire()}. */
    public static Optional<PersonaStatus> fromWire(String text) {
        for (PersonaStatus status : values()) {
            if (status.wire().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
