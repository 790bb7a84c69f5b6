package dev.roastden.worker.roast;

import dev.roastden.worker.memory.MemoryTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link PickStore} on the one table: {@code pk = PICK#{pickId}}, {@code sk = PICK}, TTL {@code expiresAt}. A pick
 * is used with a conditional update ({@code usedBy} absent or already this interaction), so two pick interactions
 * of one picker roast once.
 */
public final class DynamoDbPickStore implements PickStore {
    private static final String SK = "PICK";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPickStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(Pick pick) {
        Map<String, AttributeValue> item = new HashMap<>(key(pick.pickId()));
        item.put("type", AttributeValue.fromS("pick"));
        item.put("scope", AttributeValue.fromS(pick.scope()));
        item.put("asker", AttributeValue.fromS(pick.askerId()));
        item.put("target", AttributeValue.fromS(pick.targetId()));
        item.put("targetName", AttributeValue.fromS(pick.targetName()));
        item.put("content", AttributeValue.fromS(pick.content()));
        item.put(
                MemoryTable.EXPIRES_AT,
                AttributeValue.fromN(Long.toString(pick.expiresAt().getEpochSecond())));
        // A repeated attempt of the command writes the same item again; it never resets a pick already used.
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(usedBy)"));
        } catch (ConditionalCheckFailedException used) {
            // Already picked: keep it as it is.
        }
    }

    @Override
    public Optional<Pick> find(String pickId, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(pickId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || !item.containsKey("asker")) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(
                Long.parseLong(item.get(MemoryTable.EXPIRES_AT).n()));
        if (!now.isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Pick(
                pickId,
                s(item, "scope"),
                s(item, "asker"),
                s(item, "target"),
                s(item, "targetName"),
                s(item, "content"),
                expires,
                Optional.ofNullable(item.get("usedBy")).map(AttributeValue::s)));
    }

    @Override
    public boolean use(String pickId, String interactionId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(pickId))
                    .updateExpression("SET usedBy = :me")
                    .conditionExpression("attribute_exists(asker) AND (attribute_not_exists(usedBy) OR usedBy = :me)")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(interactionId))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Map<String, AttributeValue> key(String pickId) {
        return Map.of(MemoryTable.PK, AttributeValue.fromS("PICK#" + pickId), MemoryTable.SK, AttributeValue.fromS(SK));
    }
}
