package dev.roastden.worker.settings;

import dev.roastden.core.settings.ServerSettings;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link SettingsStore} on the one table: {@code pk = G#{scope}}, {@code sk = SETTINGS}, the settings as a JSON
 * document in {@code settings} (so a new setting needs no new attribute), and {@code changedAt} (who changed them is
 * logged, not stored, so the item names no member).
 * An item that no longer reads (hand-edited, out of range) counts as the defaults and is logged, so a bad item never
 * stops the bot; the next {@code /settings set} overwrites it.
 */
public final class DynamoDbSettingsStore implements SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSettingsStore.class);
    static final String SK = "SETTINGS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbSettingsStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public ServerSettings get(String scope) {
        Map<String, AttributeValue> item =
                dynamo.getItem(b -> b.tableName(table).key(key(scope))).item();
        if (item == null || !item.containsKey("settings")) {
            return ServerSettings.defaults();
        }
        try {
            return ServerSettings.fromJson(item.get("settings").s());
        } catch (IllegalArgumentException e) {
            LOG.warn("The settings item of a server does not read; using the defaults: {}", e.getMessage());
            return ServerSettings.defaults();
        }
    }

    @Override
    public void put(String scope, ServerSettings settings, String changedBy) {
        LOG.info("Server settings changed by a manager");
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(scope));
        item.put("settings", AttributeValue.fromS(settings.toJson()));
        item.put("changedAt", AttributeValue.fromS(clock.instant().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    static Map<String, AttributeValue> key(String scope) {
        return Map.of("pk", AttributeValue.fromS("G#" + scope), "sk", AttributeValue.fromS(SK));
    }
}
