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
 * {@link UsageStore} on the one table. Every model call raises four items with atomic {@code ADD}s — no read before
 * the write, so concurrent workers never lose a count:
 *
 * <pre>
 * server, by day / month   pk G#{scope}             sk USAGE#yyyy-mm-dd / USAGE#yyyy-mm
 *     calls, tin, tout, tcr, tcw (tokens: input, output, cache read, cache write), cost (micro-dollars),
 *     c_{command} and md_{model} (calls by command and by model id), warned{level} on the month item
 * member, by day / month   pk G#{scope}#U#{member}  sk USAGE#yyyy-mm-dd / USAGE#yyyy-mm
 *     calls, cost; in the byUser index (gsi1pk U#{member}), so /forget me deletes them
 * every item               expiresAt 400 days after the period began (TTL)
 * </pre>
 *
 * The server items name no member, so what a member's use was is stored only where {@code /forget me} reaches it.
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
        YearMonth month = YearMonth.from(day);
        addServer(scope, "USAGE#" + day, day, command, modelId, tokens, costMicros);
        UpdateItemResponse monthly =
                addServer(scope, "USAGE#" + month, day.withDayOfMonth(1), command, modelId, tokens, costMicros);
        addMember(scope, memberId, "USAGE#" + day, day, costMicros);
        addMember(scope, memberId, "USAGE#" + month, day.withDayOfMonth(1), costMicros);
        AttributeValue cost = monthly.attributes().get("cost");
        return cost == null ? costMicros : Long.parseLong(cost.n());
    }

    private UpdateItemResponse addServer(
            String scope,
            String sk,
            LocalDate periodStart,
            String command,
            String modelId,
            TokenUsage tokens,
            long costMicros) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#cmd", "c_" + command);
        names.put("#md", "md_" + modelId);
        names.put("#ttl", "expiresAt");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", number(1));
        values.put(":tin", number(tokens.input()));
        values.put(":tout", number(tokens.output()));
        values.put(":tcr", number(tokens.cacheRead()));
        values.put(":tcw", number(tokens.cacheWrite()));
        values.put(":cost", number(costMicros));
        values.put(":expires", expires(periodStart));
        return dynamo.updateItem(b -> b.tableName(table)
                .key(key("G#" + scope, sk))
                .updateExpression("ADD calls :one, tin :tin, tout :tout, tcr :tcr, tcw :tcw, cost :cost, #cmd :one,"
                        + " #md :one SET #ttl = if_not_exists(#ttl, :expires)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.UPDATED_NEW));
    }

    private void addMember(String scope, String memberId, String sk, LocalDate periodStart, long costMicros) {
        String pk = memberPk(scope, memberId);
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(pk, sk))
                .updateExpression("ADD calls :one, cost :cost SET #ttl = if_not_exists(#ttl, :expires),"
                        + " gsi1pk = :gpk, gsi1sk = :gsk")
                .expressionAttributeNames(Map.of("#ttl", "expiresAt"))
                .expressionAttributeValues(Map.of(
                        ":one", number(1),
                        ":cost", number(costMicros),
                        ":expires", expires(periodStart),
                        ":gpk", AttributeValue.fromS("U#" + memberId),
                        ":gsk", AttributeValue.fromS(pk + "#" + sk))));
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
    public UsageTotals.Member memberDay(String scope, String memberId, LocalDate day) {
        return member(scope, memberId, "USAGE#" + day);
    }

    @Override
    public UsageTotals.Member memberMonth(String scope, String memberId, YearMonth month) {
        return member(scope, memberId, "USAGE#" + month);
    }

    @Override
    public boolean markWarned(String scope, YearMonth month, int level) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key("G#" + scope, "USAGE#" + month))
                    .updateExpression("SET #w = :month")
                    .conditionExpression("attribute_not_exists(#w)")
                    .expressionAttributeNames(Map.of("#w", "warned" + level))
                    .expressionAttributeValues(Map.of(":month", AttributeValue.fromS(month.toString()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyWarned) {
            return false;
        }
    }

    private UsageTotals.Member member(String scope, String memberId, String sk) {
        Map<String, AttributeValue> item = get(memberPk(scope, memberId), sk);
        return item == null || item.isEmpty()
                ? UsageTotals.Member.NONE
                : new UsageTotals.Member(n(item, "calls"), n(item, "cost"));
    }

    private UsageTotals read(String scope, String sk) {
        Map<String, AttributeValue> item = get("G#" + scope, sk);
        if (item == null || item.isEmpty()) {
            return UsageTotals.NONE;
        }
        Map<String, Long> commands = new HashMap<>();
        Map<String, Long> models = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.n() == null) {
                return;
            }
            if (name.startsWith("c_")) {
                commands.put(name.substring(2), Long.parseLong(value.n()));
            } else if (name.startsWith("md_")) {
                models.put(name.substring(3), Long.parseLong(value.n()));
            }
        });
        return new UsageTotals(
                n(item, "calls"),
                new TokenUsage(n(item, "tin"), n(item, "tout"), n(item, "tcr"), n(item, "tcw")),
                n(item, "cost"),
                commands,
                models);
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true))
                .item();
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue expires(LocalDate periodStart) {
        return number(
                periodStart.atStartOfDay().toInstant(ZoneOffset.UTC).plus(KEEP).getEpochSecond());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String memberPk(String scope, String memberId) {
        return "G#" + scope + "#U#" + memberId;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
