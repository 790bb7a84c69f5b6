package dev.roastden.worker.persona;

import static dev.roastden.core.persona.PersonaItems.CREATED_AT;
import static dev.roastden.core.persona.PersonaItems.CREATED_BY;
import static dev.roastden.core.persona.PersonaItems.HIGHER_SELF;
import static dev.roastden.core.persona.PersonaItems.PERSONA;
import static dev.roastden.core.persona.PersonaItems.PK;
import static dev.roastden.core.persona.PersonaItems.ROSTER;
import static dev.roastden.core.persona.PersonaItems.ROSTER_SK;
import static dev.roastden.core.persona.PersonaItems.SK;
import static dev.roastden.core.persona.PersonaItems.STATUS;
import static dev.roastden.core.persona.PersonaItems.UPDATED_AT;
import static dev.roastden.core.persona.PersonaItems.VERSION;

import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaItems;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link PersonaStore} over the one table, laid out as {@link PersonaItems} documents. Every write is one
 * TransactWriteItems: the persona item conditional on its version (absent for a create) and the roster item
 * conditional on the roster's own version (absent for the first). When only the roster condition failed, someone
 * else changed another persona of the server in between: the roster is read again and the write retried a few
 * times. When the persona condition failed, the caller's read is stale (or the id taken): {@link Conflict}, nothing
 * written.
 */
public final class DynamoDbPersonaStore implements PersonaStore {
    /** Roster-only races retried before giving up (each retry re-reads one small item). */
    static final int ROSTER_ATTEMPTS = 5;

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPersonaStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Roster roster(String guildId) {
        return readRoster(guildId).roster();
    }

    @Override
    public Optional<ServerPersona> find(String guildId, String personaId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(PersonaItems.pk(guildId), PersonaItems.personaSk(personaId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(persona(guildId, item));
    }

    @Override
    public void create(ServerPersona persona) throws Conflict {
        ServerPersona stored = withVersion(persona, 1);
        write(stored, Optional.empty());
    }

    @Override
    public ServerPersona update(ServerPersona next, long expectedVersion) throws Conflict {
        ServerPersona stored = withVersion(next, expectedVersion + 1);
        write(stored, Optional.of(expectedVersion));
        return stored;
    }

    @Override
    public void setDefaultHidden(String guildId, String bundledId, boolean hidden) {
        for (int attempt = 1; ; attempt++) {
            VersionedRoster current = readRoster(guildId);
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        rosterPut(guildId, current, current.roster().hiding(bundledId, hidden))));
                return;
            } catch (TransactionCanceledException e) {
                if (attempt >= ROSTER_ATTEMPTS || !retryable(reason(e, 0))) {
                    throw new IllegalStateException("The roster of server " + guildId + " kept changing", e);
                }
            }
        }
    }

    private void write(ServerPersona stored, Optional<Long> expectedVersion) throws Conflict {
        for (int attempt = 1; ; attempt++) {
            VersionedRoster current = readRoster(stored.guildId());
            Roster next = current.roster().with(RosterEntry.of(stored.persona(), stored.status()));
            TransactWriteItem personaPut = personaPut(stored, expectedVersion);
            TransactWriteItem rosterPut = rosterPut(stored.guildId(), current, next);
            try {
                dynamo.transactWriteItems(b -> b.transactItems(personaPut, rosterPut));
                return;
            } catch (TransactionCanceledException e) {
                if (CONDITION_FAILED.equals(reason(e, 0))) {
                    throw new Conflict(
                            expectedVersion.isEmpty()
                                    ? "Server " + stored.guildId() + " already has a persona " + stored.id()
                                    : "Persona " + stored.id() + " changed since version " + expectedVersion.get());
                }
                if (attempt >= ROSTER_ATTEMPTS || !retryable(reason(e, 1)) && !retryable(reason(e, 0))) {
                    throw new IllegalStateException("The roster of server " + stored.guildId() + " kept changing", e);
                }
            }
        }
    }

    private TransactWriteItem personaPut(ServerPersona persona, Optional<Long> expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(PersonaItems.pk(persona.guildId()), sk(persona)));
        item.put(PERSONA, s(persona.json()));
        item.put(STATUS, s(persona.status().wire()));
        item.put(VERSION, n(persona.version()));
        item.put(CREATED_BY, s(persona.createdBy()));
        persona.persona().higherSelf().ifPresent(h -> item.put(HIGHER_SELF, s(h)));
        item.put(CREATED_AT, s(persona.createdAt().toString()));
        item.put(UPDATED_AT, s(persona.updatedAt().toString()));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion.isEmpty()) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion.get())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem rosterPut(String guildId, VersionedRoster current, Roster next) {
        Map<String, AttributeValue> item = new HashMap<>(key(PersonaItems.pk(guildId), ROSTER_SK));
        item.put(ROSTER, s(next.toJson()));
        item.put(VERSION, n(current.version().orElse(0L) + 1));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (current.version().isEmpty()) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(
                            Map.of(":expected", n(current.version().get())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private VersionedRoster readRoster(String guildId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(PersonaItems.pk(guildId), ROSTER_SK))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new VersionedRoster(Roster.EMPTY, Optional.empty());
        }
        long version = Long.parseLong(item.get(VERSION).n());
        try {
            return new VersionedRoster(Roster.fromJson(item.get(ROSTER).s()), Optional.of(version));
        } catch (MalformedJsonException e) {
            throw new IllegalStateException("The roster of server " + guildId + " is not readable", e);
        }
    }

    private static ServerPersona persona(String guildId, Map<String, AttributeValue> item) {
        String json = item.get(PERSONA).s();
        Persona persona;
        try {
            persona = PersonaCatalog.parse(StreamingJson.object(StreamingJson.read(json))
                    .orElseThrow(() -> new IllegalStateException("A stored persona is not a JSON object")));
        } catch (MalformedJsonException e) {
            throw new IllegalStateException("A stored persona of server " + guildId + " is not readable", e);
        }
        PersonaStatus status = PersonaStatus.fromWire(item.get(STATUS).s())
                .orElseThrow(() -> new IllegalStateException("A stored persona has an unknown status"));
        return new ServerPersona(
                guildId,
                persona,
                json,
                status,
                item.get(CREATED_BY).s(),
                Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()));
    }

    private static ServerPersona withVersion(ServerPersona p, long version) {
        return new ServerPersona(
                p.guildId(), p.persona(), p.json(), p.status(), p.createdBy(), version, p.createdAt(), p.updatedAt());
    }

    private static String reason(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons == null || reasons.size() <= index || reasons.get(index).code() == null) {
            return "";
        }
        return reasons.get(index).code();
    }

    private static boolean retryable(String code) {
        return CONDITION_FAILED.equals(code) || TRANSACTION_CONFLICT.equals(code);
    }

    private static String sk(ServerPersona persona) {
        return PersonaItems.personaSk(persona.id());
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

    /** The roster with the version its next write is conditional on (empty: no roster item yet). */
    private record VersionedRoster(Roster roster, Optional<Long> version) {}
}
