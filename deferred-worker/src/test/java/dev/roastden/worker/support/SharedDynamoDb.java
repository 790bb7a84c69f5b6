package dev.roastden.worker.support;

import dev.roastden.emulators.dynamodb.LocalDynamoDb;

/** One DynamoDB Local per test JVM (it takes about a second to start); each test uses its own table. */
public final class SharedDynamoDb {
    private static LocalDynamoDb instance;

    private SharedDynamoDb() {}

    public static synchronized LocalDynamoDb get() {
        if (instance == null) {
            instance = LocalDynamoDb.start();
            LocalDynamoDb started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dynamodb-local-stop"));
        }
        return instance;
    }
}
