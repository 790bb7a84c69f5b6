package dev.roastden.handler;

import dev.roastden.core.json.JsonValue.JsonObject;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaItems;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link PersonaReads} with one eventually consistent GetItem per read, projected to the attributes it uses.
 *
 * <p>The client is built on a background thread after the command path is ready ({@link HandlerWiring}), so a
 * command's cold start never waits for it; only a read does, and at most {@code clientWait}. The client's own
 * attempt and call timeouts bound the GetItem. Whatever goes wrong (client not built in time, timeout, throttling,
 * an item that does not parse) becomes {@link PersonaReads.Unavailable}, never an exception the caller must know.
 */
final class DynamoPersonaReads implements PersonaReads {
    private static final String ROSTER_PROJECTION = "#r";
    private static final Map<String, String> ROSTER_NAMES = Map.of("#r", PersonaItems.ROSTER);
    // "status" is a DynamoDB reserved word: every projected name goes through a placeholder.
    private static final String PERSONA_PROJECTION = "#p, #v, #s, #h";
    private static final Map<String, String> PERSONA_NAMES = Map.of(
            "#p", PersonaItems.PERSONA,
            "#v", PersonaItems.VERSION,
            "#s", PersonaItems.STATUS,
            "#h", PersonaItems.HIGHER_SELF);

    private final CompletableFuture<DynamoDbClient> client;
    private final String table;
    private final Duration clientWait;

    DynamoPersonaReads(CompletableFuture<DynamoDbClient> client, String table, Duration clientWait) {
        this.client = client;
        this.table = table;
        this.clientWait = clientWait;
    }

    @Override
    public Roster roster(String guildId) throws Unavailable {
        Map<String, AttributeValue> item = get(guildId, PersonaItems.ROSTER_SK, ROSTER_PROJECTION, ROSTER_NAMES);
        AttributeValue roster = item.get(PersonaItems.ROSTER);
        if (roster == null || roster.s() == null) {
            return Roster.EMPTY;
        }
        try {
            return Roster.fromJson(roster.s());
        } catch (MalformedJsonException | RuntimeException e) {
            throw new Unavailable("The roster of server " + guildId + " does not parse", e);
        }
    }

    @Override
    public Optional<StoredPersona> persona(String guildId, String personaId) throws Unavailable {
        Map<String, AttributeValue> item =
                get(guildId, PersonaItems.personaSk(personaId), PERSONA_PROJECTION, PERSONA_NAMES);
        AttributeValue json = item.get(PersonaItems.PERSONA);
        if (json == null || json.s() == null) {
            return Optional.empty();
        }
        try {
            JsonObject node = StreamingJson.object(StreamingJson.read(json.s()))
                    .orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
            Persona persona = PersonaCatalog.parse(node);
            Optional<String> higherSelf = text(item, PersonaItems.HIGHER_SELF).or(persona::higherSelf);
            long version = Optional.ofNullable(item.get(PersonaItems.VERSION))
                    .map(AttributeValue::n)
                    .map(Long::parseLong)
                    .orElse(0L);
            PersonaStatus status = text(item, PersonaItems.STATUS)
                    .flatMap(PersonaStatus::fromWire)
                    .orElse(PersonaStatus.PENDING);
            return Optional.of(new StoredPersona(withHigherSelf(persona, higherSelf), version, status));
        } catch (MalformedJsonException | RuntimeException e) {
            throw new Unavailable("Persona " + personaId + " of server " + guildId + " does not parse", e);
        }
    }

    private Map<String, AttributeValue> get(String guildId, String sk, String projection, Map<String, String> names)
            throws Unavailable {
        DynamoDbClient dynamo = client();
        try {
            GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                    .key(Map.of(
                            PersonaItems.PK, AttributeValue.fromS(PersonaItems.pk(guildId)),
                            PersonaItems.SK, AttributeValue.fromS(sk)))
                    .projectionExpression(projection)
                    .expressionAttributeNames(names));
            return response.hasItem() ? response.item() : Map.of();
        } catch (SdkException | IllegalArgumentException e) {
            // Timeouts, throttling, a table that is not there, an unreachable endpoint: all answered without it.
            throw new Unavailable("GetItem " + sk + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The client, waiting at most {@code clientWait} for its background build. */
    private DynamoDbClient client() throws Unavailable {
        try {
            return client.get(clientWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("The DynamoDB client is not built yet", e);
        } catch (ExecutionException e) {
            throw new Unavailable("The DynamoDB client could not be built", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for the DynamoDB client", e);
        }
    }

    /** Blocks until the background build is done (SnapStart priming: the snapshot holds the built client). */
    void awaitClient() {
        client.exceptionally(failure -> null).join();
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s).filter(s -> !s.isBlank());
    }

    private static Persona withHigherSelf(Persona p, Optional<String> higherSelf) {
        if (p.higherSelf().equals(higherSelf)) {
            return p;
        }
        return new Persona(
                p.id(),
                p.name(),
                higherSelf,
                p.tagline(),
                p.summary(),
                p.traits(),
                p.speechPatterns(),
                p.interests(),
                p.roastStyle(),
                p.catchphrases(),
                p.memoryTriggers(),
                p.boundaries(),
                p.avatarUrl(),
                p.notes());
    }
}
