package dev.roastden.infra.storage;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;

/**
 * The personas' memory.
 *
 * @param removalPolicy what happens to the table when the stack is deleted; {@link
 *     RemovalPolicy#RETAIN} in every deployed stack, so tearing the stack down never deletes what
 *     the personas remember
 * @param deletionProtection DynamoDB refuses to delete the table until this is switched off; on in
 *     every deployed stack
 * @param existingTableName adopt this table (one retained from an earlier stack) instead of
 *     creating one
 */
public record MemoryTableProps(
        RemovalPolicy removalPolicy, boolean deletionProtection, Optional<String> existingTableName) {

    public MemoryTableProps {
        Objects.requireNonNull(removalPolicy, "removalPolicy");
        Objects.requireNonNull(existingTableName, "existingTableName");
        existingTableName.ifPresent(name -> {
            if (!name.matches("^[a-zA-Z0-9_.-]{3,255}$")) {
                throw new IllegalArgumentException(
                        "memoryTableName must be a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -), got " + name);
            }
        });
    }

    /** A new table that survives stack deletion and is protected against deletion. */
    public static MemoryTableProps retained() {
        return new MemoryTableProps(RemovalPolicy.RETAIN, true, Optional.empty());
    }

    /** The retained table of an earlier stack, adopted by name. */
    public static MemoryTableProps adopt(String tableName) {
        return new MemoryTableProps(RemovalPolicy.RETAIN, true, Optional.of(tableName));
    }
}
