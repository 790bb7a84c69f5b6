package dev.roastden.infra.storage;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;

/**
 * The personas' memory.
 *
 * @param removalPolicy what happens to the table when the stack is deleted; {@link
 *     RemovalPolicy#RETAIN} in every deployed stack, so tearing the stack down never deletes what
 *     the personas remember
 */
public record MemoryTableProps(RemovalPolicy removalPolicy) {

    public MemoryTableProps {
        Objects.requireNonNull(removalPolicy, "removalPolicy");
    }

    /** The table survives stack deletion. */
    public static MemoryTableProps retained() {
        return new MemoryTableProps(RemovalPolicy.RETAIN);
    }
}
