package dev.roastden.worker.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link AlertWindow} on the one table: {@code pk = G#{scope}}, {@code sk = ALERT#{cause}}, {@code until} = the end
 * of the window in epoch seconds. A conditional put claims the window only when there is no item or its window has
 * passed, so of any number of racing workers exactly one alerts; the item expires (TTL) a day later.
 */
public final class DynamoDbAlertWindow implements AlertWindow {
    /** The same cause alerts at most once per this long. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration window;

    public DynamoDbAlertWindow(DynamoDbClient dynamo, String table, Duration window) {
        this.dynamo = dynamo;
        this.table = table;
        this.window = window;
    }

    @Override
    public boolean open(String scope, String cause, Instant now) {
        long until = now.plus(window).getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS("G#" + scope),
                            "sk", AttributeValue.fromS("ALERT#" + cause),
                            "until", AttributeValue.fromN(Long.toString(until)),
                            "expiresAt",
                                    AttributeValue.fromN(Long.toString(
                                            until + Duration.ofDays(1).toSeconds()))))
                    .conditionExpression("attribute_not_exists(pk) OR #until <= :now")
                    .expressionAttributeNames(Map.of("#until", "until"))
                    .expressionAttributeValues(
                            Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException shut) {
            return false;
        }
    }
}
