package dev.roastden.worker.memory;

import static dev.roastden.worker.memory.MemoryTable.EXPIRES_AT;
import static dev.roastden.worker.memory.MemoryTable.GSI1_PK;
import static dev.roastden.worker.memory.MemoryTable.GSI1_SK;
import static dev.roastden.worker.memory.MemoryTable.PK;
import static dev.roastden.worker.memory.MemoryTable.SK;

import dev.roastden.core.memory.ClaimOutcome;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.ForgetCounts;
import dev.roastden.core.memory.MemoryStore;
import dev.roastden.core.memory.NameMentions;
import dev.roastden.core.memory.RateLimit;
import dev.roastden.core.memory.Turn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link MemoryStore} on one DynamoDB table, laid out as follows:
 *
 * <pre>
 * conversation turn      G#{guild}#P#{persona}   T#{ulid}   expiresAt = +30 days, GSI byUser U#{subject} / {pk}#{sk}
 * remembered fact        G#{guild}#P#{persona}   F#{ulid}   no expiry,            GSI byUser U#{subject} / {pk}#{sk}
 * interaction claim      I#{interactionId}       I          expiresAt = +1 day
 * rate-limit window      RL#{scope}#{id}#{window} RL        expiresAt = window end + 1 hour
 * </pre>
 *
 * Opt-outs live in the same table but are their own aggregate ({@code consent.DynamoDbConsentStore}). One item per
 * turn and per fact, never a growing list. Reads filter expired items because TTL deletion lags.
 */
public final class DynamoDbMemoryStore implements MemoryStore {
    /** How long a claim is kept after the interaction (its token lives 15 minutes; redeliveries stop well before). */
    public static final Duration CLAIM_TTL = Duration.ofDays(1);

    private static final String OPEN = "OPEN";
    private static final String DONE = "DONE";
    private static final int BATCH = 25;
    private static final int BATCH_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbMemoryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // --- claims -----------------------------------------------------------------------------------------------------

    @Override
    public ClaimOutcome claim(String interactionId, String attemptId, Instant now, Duration lease) {
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table)
                    .key(key("I#" + interactionId, "I"))
                    .updateExpression("SET #owner = :me, #lease = :until, #status = if_not_exists(#status, :open), "
                            + "#exp = if_not_exists(#exp, :exp), #created = if_not_exists(#created, :now) "
                            + "ADD #attempts :one")
                    .conditionExpression(
                            "attribute_not_exists(#pk) OR (#status <> :done AND (#lease < :nowMs OR #owner = :me))")
                    .expressionAttributeNames(Map.of(
                            "#pk", PK,
                            "#owner", "owner",
                            "#lease", "leaseUntil",
                            "#status", "status",
                            "#exp", EXPIRES_AT,
                            "#created", "createdAt",
                            "#attempts", "attempts"))
                    .expressionAttributeValues(Map.of(
                            ":me", s(attemptId),
                            ":until", n(now.plus(lease).toEpochMilli()),
                            ":open", s(OPEN),
                            ":done", s(DONE),
                            ":exp", n(now.plus(CLAIM_TTL).getEpochSecond()),
                            ":now", s(now.toString()),
                            ":nowMs", n(now.toEpochMilli()),
                            ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            Map<String, AttributeValue> item = response.attributes();
            return new ClaimOutcome.Acquired(
                    Optional.ofNullable(item.get("reply")).map(AttributeValue::s),
                    Integer.parseInt(item.get("attempts").n()));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item() == null ? Map.of() : e.item();
            if (DONE.equals(text(old, "status"))) {
                return new ClaimOutcome.AlreadyDone();
            }
            long leaseUntil = old.containsKey("leaseUntil")
                    ? Long.parseLong(old.get("leaseUntil").n())
                    : 0;
            return new ClaimOutcome.Busy(Instant.ofEpochMilli(leaseUntil));
        }
    }

    @Override
    public void saveReply(String interactionId, String attemptId, String replyJson) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key("I#" + interactionId, "I"))
                    .updateExpression("SET #reply = :reply")
                    .conditionExpression("#owner = :me AND #status <> :done")
                    .expressionAttributeNames(Map.of("#reply", "reply", "#owner", "owner", "#status", "status"))
                    .expressionAttributeValues(Map.of(":reply", s(replyJson), ":me", s(attemptId), ":done", s(DONE))));
        } catch (ConditionalCheckFailedException e) {
            throw new LeaseLostException(interactionId);
        }
    }

    @Override
    public void finish(String interactionId, String attemptId, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key("I#" + interactionId, "I"))
                    .updateExpression("SET #status = :done, #finished = :now REMOVE #reply, #owner")
                    .conditionExpression("#owner = :me OR #status = :done")
                    .expressionAttributeNames(Map.of(
                            "#status", "status", "#finished", "finishedAt", "#reply", "reply", "#owner", "owner"))
                    .expressionAttributeValues(
                            Map.of(":done", s(DONE), ":now", s(now.toString()), ":me", s(attemptId))));
        } catch (ConditionalCheckFailedException e) {
            throw new LeaseLostException(interactionId);
        }
    }

    @Override
    public void release(String interactionId, String attemptId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key("I#" + interactionId, "I"))
                    .updateExpression("SET #lease = :zero")
                    .conditionExpression("#owner = :me AND #status <> :done")
                    .expressionAttributeNames(Map.of("#lease", "leaseUntil", "#owner", "owner", "#status", "status"))
                    .expressionAttributeValues(Map.of(":zero", n(0), ":me", s(attemptId), ":done", s(DONE))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Someone else owns it now, or it is done: nothing to release.
        }
    }

    // --- rate limits ------------------------------------------------------------------------------------------------

    @Override
    public boolean tryCount(RateLimit limit, String id, String interactionId, Instant now) {
        String pk = "RL#" + limit.scope() + "#" + id + "#" + limit.windowAt(now);
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(pk, "RL"))
                    .updateExpression("ADD #count :one, #ids :id SET #exp = :exp")
                    .conditionExpression(
                            "attribute_not_exists(#count) OR (#count < :limit AND NOT contains(#ids, :iid))")
                    .expressionAttributeNames(Map.of("#count", "count", "#ids", "interactionIds", "#exp", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":one", n(1),
                            ":id", AttributeValue.fromSs(List.of(interactionId)),
                            ":iid", s(interactionId),
                            ":limit", n(limit.limit()),
                            ":exp",
                                    n(limit.windowEnd(now)
                                            .plus(Duration.ofHours(1))
                                            .getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item() == null ? Map.of() : e.item();
            AttributeValue ids = old.get("interactionIds");
            // Counted already by an earlier attempt of the same interaction: still within the limit.
            return ids != null && ids.ss().contains(interactionId);
        }
    }

    // --- turns and facts --------------------------------------------------------------------------------------------

    /** The partition key of a persona's memories in a server. */
    public static String personaPk(String guildId, String personaId) {
        return "G#" + guildId + "#P#" + personaId;
    }

    @Override
    public void saveTurn(Turn turn) {
        String pk = personaPk(turn.guildId(), turn.personaId());
        String sk = "T#" + turn.id();
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("type", s("turn"));
        item.put("command", s(turn.command()));
        item.put("invokerId", s(turn.invokerId()));
        item.put("invokerName", s(turn.invokerName()));
        item.put("subjectId", s(turn.subjectId()));
        item.put("subjectName", s(turn.subjectName()));
        item.put("users", AttributeValue.fromSs(List.copyOf(turn.userIds())));
        item.put("userText", s(turn.userText()));
        item.put("reply", s(turn.reply()));
        item.put("createdAt", s(turn.createdAt().toString()));
        item.put(EXPIRES_AT, n(turn.expiresAt().getEpochSecond()));
        item.put(GSI1_PK, s("U#" + turn.subjectId()));
        item.put(GSI1_SK, s(pk + "#" + sk));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<Turn> recentTurns(String guildId, String personaId, int limit, Instant now) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :t)")
                .filterExpression("#exp > :now")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#exp", EXPIRES_AT))
                .expressionAttributeValues(
                        Map.of(":pk", s(personaPk(guildId, personaId)), ":t", s("T#"), ":now", n(now.getEpochSecond())))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(true));
        List<Turn> turns = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            Turn turn = turn(guildId, personaId, item);
            if (turn.liveAt(now)) {
                turns.add(0, turn);
            }
        }
        return turns;
    }

    @Override
    public void saveFact(Fact fact) {
        String pk = personaPk(fact.guildId(), fact.personaId());
        String sk = "F#" + fact.id();
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("type", s("fact"));
        item.put("text", s(fact.text()));
        item.put("authorId", s(fact.authorId()));
        item.put("subjectId", s(fact.subjectId()));
        item.put("users", AttributeValue.fromSs(List.copyOf(fact.userIds())));
        if (!fact.names().isEmpty()) {
            Map<String, AttributeValue> names = new HashMap<>();
            fact.names().forEach((user, name) -> names.put(user, s(name)));
            item.put("names", AttributeValue.fromM(names));
        }
        item.put("createdAt", s(fact.createdAt().toString()));
        fact.source().ifPresent(source -> item.put("source", s(source)));
        item.put(GSI1_PK, s("U#" + fact.subjectId()));
        item.put(GSI1_SK, s(pk + "#" + sk));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<Fact> facts(String guildId, String personaId, int limit) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :f)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(personaPk(guildId, personaId)), ":f", s("F#")))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(true));
        List<Fact> facts = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            facts.add(fact(guildId, personaId, item));
        }
        return facts;
    }

    @Override
    public Optional<Fact> findFact(String guildId, Collection<String> personaIds, String factId) {
        for (String personaId : personaIds) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                            .key(key(personaPk(guildId, personaId), "F#" + factId))
                            .consistentRead(true))
                    .item();
            if (item != null && !item.isEmpty()) {
                return Optional.of(fact(guildId, personaId, item));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean deleteFact(Fact fact) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table)
                        .key(key(personaPk(fact.guildId(), fact.personaId()), "F#" + fact.id()))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        return old != null && !old.isEmpty();
    }

    @Override
    public ForgetCounts forgetPersona(String guildId, String personaId) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        collect(
                QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", s(personaPk(guildId, personaId))))
                        .projectionExpression("#pk, sk")
                        .consistentRead(true)
                        .build(),
                keys);
        return delete(keys);
    }

    @Override
    public ForgetCounts forgetUser(String guildId, String userId, Collection<String> personaIds) {
        return forgetUser(guildId, userId, Set.of(), personaIds);
    }

    /**
     * Everything of the server's personas linked to the user (their subject index, the {@code users} of each item)
     * and everything whose text mentions them or names them by one of {@code names} or by the name stored for them
     * with a fact. Each persona's items are read once; the decision is made here, since a filter expression
     * cannot match whole words.
     */
    @Override
    public ForgetCounts forgetUser(String guildId, String userId, Set<String> names, Collection<String> personaIds) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        // Items indexed under the user (what they are the subject of) ...
        collect(
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(MemoryTable.BY_USER)
                        .keyConditionExpression("#gpk = :u AND begins_with(#gsk, :g)")
                        .expressionAttributeNames(Map.of("#gpk", GSI1_PK, "#gsk", GSI1_SK))
                        .expressionAttributeValues(Map.of(":u", s("U#" + userId), ":g", s("G#" + guildId + "#")))
                        .build(),
                keys);
        // ... and every other item of the server's personas that involves or names them.
        for (String personaId : personaIds) {
            QueryRequest items = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(
                            Map.of("#pk", PK, "#users", "users", "#text", "text", "#reply", "reply", "#names", "names"))
                    .expressionAttributeValues(Map.of(":pk", s(personaPk(guildId, personaId))))
                    .projectionExpression("#pk, sk, #users, #text, userText, #reply, #names")
                    .consistentRead(true)
                    .build();
            for (QueryResponse page : dynamo.queryPaginator(items)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    String sk = item.get(SK).s();
                    if ((sk.startsWith("T#") || sk.startsWith("F#")) && concerns(item, userId, names)) {
                        String pk = item.get(PK).s();
                        keys.put(pk + "\n" + sk, key(pk, sk));
                    }
                }
            }
        }
        return delete(keys);
    }

    private static boolean concerns(Map<String, AttributeValue> item, String userId, Set<String> names) {
        if (users(item).contains(userId)) {
            return true;
        }
        String text = text(item, "text") + "\n" + text(item, "userText") + "\n" + text(item, "reply");
        if (NameMentions.mentions(text, userId)) {
            return true;
        }
        Set<String> known = new java.util.HashSet<>(names);
        Optional.ofNullable(names(item).get(userId)).ifPresent(known::add);
        for (String name : known) {
            if (NameMentions.names(text, name)) {
                return true;
            }
        }
        return false;
    }

    private void collect(QueryRequest request, Map<String, Map<String, AttributeValue>> keys) {
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                String pk = item.get(PK).s();
                String sk = item.get(SK).s();
                // Turns, facts, and the member's usage counters (which the byUser index also holds).
                if (sk.startsWith("T#") || sk.startsWith("F#") || sk.startsWith("USAGE#")) {
                    keys.put(pk + "\n" + sk, key(pk, sk));
                }
            }
        }
    }

    private ForgetCounts delete(Map<String, Map<String, AttributeValue>> keys) {
        int turns = 0;
        int facts = 0;
        List<WriteRequest> pending = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys.values()) {
            if (key.get(SK).s().startsWith("T#")) {
                turns++;
            } else if (key.get(SK).s().startsWith("F#")) {
                facts++;
            }
            pending.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder().key(key).build())
                    .build());
        }
        for (int start = 0; start < pending.size(); start += BATCH) {
            List<WriteRequest> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
            for (int attempt = 0; !batch.isEmpty(); attempt++) {
                if (attempt >= BATCH_RETRIES) {
                    throw new IllegalStateException("DynamoDB left " + batch.size() + " deletions unprocessed");
                }
                List<WriteRequest> current = batch;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, current)));
                batch = response.unprocessedItems().getOrDefault(table, List.of());
            }
        }
        return new ForgetCounts(turns, facts);
    }

    // --- mapping ----------------------------------------------------------------------------------------------------

    private static Turn turn(String guildId, String personaId, Map<String, AttributeValue> item) {
        return new Turn(
                guildId,
                personaId,
                item.get(SK).s().substring(2),
                text(item, "command"),
                text(item, "invokerId"),
                text(item, "invokerName"),
                text(item, "subjectId"),
                text(item, "subjectName"),
                users(item),
                text(item, "userText"),
                text(item, "reply"),
                Instant.parse(text(item, "createdAt")),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())));
    }

    private static Fact fact(String guildId, String personaId, Map<String, AttributeValue> item) {
        return new Fact(
                guildId,
                personaId,
                item.get(SK).s().substring(2),
                text(item, "text"),
                text(item, "authorId"),
                text(item, "subjectId"),
                users(item),
                names(item),
                Instant.parse(text(item, "createdAt")),
                Optional.ofNullable(item.get("source")).map(AttributeValue::s));
    }

    private static Map<String, String> names(Map<String, AttributeValue> item) {
        AttributeValue names = item.get("names");
        if (names == null || !names.hasM()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        names.m().forEach((user, name) -> out.put(user, name.s()));
        return out;
    }

    private static Set<String> users(Map<String, AttributeValue> item) {
        AttributeValue users = item.get("users");
        return users == null ? Set.of() : Set.copyOf(users.ss());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
