package dev.roastden.worker.usage;

import dev.roastden.core.usage.TokenUsage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link UsageStore} on the one table: one item per server and UTC day ({@code sk = USAGE#yyyy-mm-dd}) and per month
 * ({@code sk = USAGE#yyyy-mm}) under {@code pk = G#{scope}}, each a set of number attributes that every model call
 * raises with an atomic {@code ADD} — no read before the write, so concurrent workers never lose a count:
 *
 * <pre>
 * calls, tin, tout, tcr, tcw   model calls; input, output, cache-read and cache-write tokens
 * cost                         micro-dollars
 * c_{command}                  calls by command
 * mc_{member}, mm_{member}     calls and micro-dollars by member
 * md_{model}                   calls by model id
 * warned{level}                on the month item: the month the managers were told about that budget level
 * expiresAt                    400 days after the period began (TTL), so a year's comparison stays available
 * </pre>
 */
public final class DynamoDbUsageStore implements UsageStore {
    static final Duration KEEP = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbUsageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long record(
            String scope,
            LocalDate day,
            String memberId,
            String command,
            String modelId,
            TokenUsage tokens,
            long costMicros) {
        add(scope, "USAGE#" + day, day, memberId, command, modelId, tokens, costMicros);
        UpdateItemResponse month = add(
                scope,
                "USAGE#" + YearMonth.from(day),
                day.withDayOfMonth(1),
                memberId,
                command,
                modelId,
                tokens,
                costMicros);
        AttributeValue cost = month.attributes().get("cost");
        return cost == null ? costMicros : Long.parseLong(cost.n());
    }

    private UpdateItemResponse add(
            String scope,
            String sk,
            LocalDate periodStart,
            String memberId,
            String command,
            String modelId,
            TokenUsage tokens,
            long costMicros) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#cmd", "c_" + command);
        names.put("#mc", "mc_" + memberId);
        names.put("#mm", "mm_" + memberId);
        names.put("#md", "md_" + modelId);
        names.put("#ttl", "expiresAt");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", number(1));
        values.put(":tin", number(tokens.input()));
        values.put(":tout", number(tokens.output()));
        values.put(":tcr", number(tokens.cacheRead()));
        values.put(":tcw", number(tokens.cacheWrite()));
        values.put(":cost", number(costMicros));
        values.put(
                ":expires",
                number(periodStart
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .plus(KEEP)
                        .getEpochSecond()));
        return dynamo.updateItem(b -> b.tableName(table)
                .key(key(scope, sk))
                .updateExpression("ADD calls :one, tin :tin, tout :tout, tcr :tcr, tcw :tcw, cost :cost, #cmd :one,"
                        + " #mc :one, #mm :cost, #md :one SET #ttl = if_not_exists(#ttl, :expires)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.UPDATED_NEW));
    }

    @Override
    public UsageTotals day(String scope, LocalDate day) {
        return read(scope, "USAGE#" + day);
    }

    @Override
    public UsageTotals month(String scope, YearMonth month) {
        return read(scope, "USAGE#" + month);
    }

    @Override
    public boolean markWarned(String scope, YearMonth month, int level) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(scope, "USAGE#" + month))
                    .updateExpression("SET #w = :month")
                    .conditionExpression("attribute_not_exists(#w)")
                    .expressionAttributeNames(Map.of("#w", "warned" + level))
                    .expressionAttributeValues(Map.of(":month", AttributeValue.fromS(month.toString()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyWarned) {
            return false;
        }
    }

    private UsageTotals read(String scope, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(scope, sk)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return UsageTotals.NONE;
        }
        Map<String, Long> commands = new HashMap<>();
        Map<String, Long> memberCalls = new HashMap<>();
        Map<String, Long> memberCost = new HashMap<>();
        Map<String, Long> models = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.n() == null) {
                return;
            }
            long n = Long.parseLong(value.n());
            if (name.startsWith("c_")) {
                commands.put(name.substring(2), n);
            } else if (name.startsWith("mc_")) {
                memberCalls.put(name.substring(3), n);
            } else if (name.startsWith("mm_")) {
                memberCost.put(name.substring(3), n);
            } else if (name.startsWith("md_")) {
                models.put(name.substring(3), n);
            }
        });
        return new UsageTotals(
                n(item, "calls"),
                new TokenUsage(n(item, "tin"), n(item, "tout"), n(item, "tcr"), n(item, "tcw")),
                n(item, "cost"),
                commands,
                memberCalls,
                memberCost,
                models);
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> key(String scope, String sk) {
        return Map.of("pk", AttributeValue.fromS("G#" + scope), "sk", AttributeValue.fromS(sk));
    }
}
