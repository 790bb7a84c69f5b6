package dev.roastden.worker.consent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link ConsentStore} on the one table: {@code pk = G#{scope}#U#{user}}, {@code sk = CONSENT}, a boolean
 * {@code optedOut}. Several users are read with BatchGetItem, 100 keys at a time (DynamoDB's limit), consistently,
 * retrying what DynamoDB leaves unprocessed a bounded number of times.
 */
public final class DynamoDbConsentStore implements ConsentStore {
    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String CONSENT = "CONSENT";
    private static final String OPTED_OUT = "optedOut";
    private static final int BATCH_GET = 100;
    private static final int BATCH_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConsentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean hasOptedOut(String scope, String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(scope, userId)).consistentRead(true))
                .item();
        return optedOut(item);
    }

    @Override
    public Set<String> optedOut(String scope, Collection<String> userIds) {
        List<String> distinct = userIds.stream().distinct().toList();
        Set<String> out = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String user : distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET))) {
                keys.add(key(scope, user));
            }
            read(keys, out);
        }
        return out;
    }

    private void read(List<Map<String, AttributeValue>> keys, Set<String> out) {
        Map<String, KeysAndAttributes> request = Map.of(
                table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            if (attempt >= BATCH_RETRIES) {
                throw new IllegalStateException("DynamoDB left consent reads unprocessed");
            }
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(current));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                if (optedOut(item)) {
                    String pk = item.get(PK).s();
                    out.add(pk.substring(pk.lastIndexOf("#U#") + 3));
                }
            }
            request = response.unprocessedKeys();
        }
    }

    @Override
    public void setOptedOut(String scope, String userId, boolean optedOut) {
        Map<String, AttributeValue> item = new HashMap<>(key(scope, userId));
        item.put(OPTED_OUT, AttributeValue.fromBool(optedOut));
        item.put("type", AttributeValue.fromS("consent"));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static boolean optedOut(Map<String, AttributeValue> item) {
        return item != null
                && item.containsKey(OPTED_OUT)
                && Boolean.TRUE.equals(item.get(OPTED_OUT).bool());
    }

    private static Map<String, AttributeValue> key(String scope, String userId) {
        return Map.of(PK, AttributeValue.fromS("G#" + scope + "#U#" + userId), SK, AttributeValue.fromS(CONSENT));
    }
}
