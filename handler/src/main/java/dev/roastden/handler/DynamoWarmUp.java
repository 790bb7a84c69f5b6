package dev.roastden.handler;

import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.PersonaItems;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs the handler's two reads ({@link DynamoPersonaReads}: the roster and a persona) through the DynamoDB client's
 * whole pipeline against a canned item, so the real client's first GetItem pays only for the connection. Like
 * {@link SqsWarmUp}: no network call, dummy keys, a client configured like the real one but with patient timeouts
 * (a cold first call on a starved CPU can outlast the real 400 ms attempt limit; the stages are the same).
 *
 * <p>The canned item answers both reads: a roster with one pending persona of user {@link #PRIMING_USER} and that
 * persona's item, so priming also runs the roster parse, the cast and the prefilled edit form.
 */
final class DynamoWarmUp {
    /** The Discord user the priming requests come from, the canned persona's Higher Self. */
    static final String PRIMING_USER = "1300000000000000004";

    static final String PRIMING_PERSONA = "priming";

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private DynamoWarmUp() {}

    /** Both reads once, answered in-process. Best effort: a failure is logged, never thrown. */
    static void readOnce(HandlerConfig config, RequestLog log) {
        try (DynamoDbClient client = cannedClient(config)) {
            DynamoPersonaReads reads = reads(client, config);
            reads.roster("0");
            reads.persona("0", PRIMING_PERSONA);
        } catch (PersonaReads.Unavailable | RuntimeException e) {
            log.event("WARN", "The DynamoDB warm-up failed, the first read will be slower: " + e);
        }
    }

    /** Work that uses reads served by the canned item (priming the request path). */
    interface WithReads<T> {
        T apply(PersonaReads reads) throws IOException;
    }

    /** Runs {@code work} with reads served by the canned item, closing their client afterwards. */
    static <T> T withCannedReads(HandlerConfig config, WithReads<T> work) throws IOException {
        try (DynamoDbClient client = cannedClient(config)) {
            return work.apply(reads(client, config));
        }
    }

    private static DynamoDbClient cannedClient(HandlerConfig config) {
        return HandlerWiring.dynamoClient(
                config,
                new CannedHttpClient(cannedItem()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up")),
                PATIENCE,
                PATIENCE);
    }

    private static DynamoPersonaReads reads(DynamoDbClient client, HandlerConfig config) {
        return new DynamoPersonaReads(
                CompletableFuture.completedFuture(client), config.tableName().orElse("warm-up"), PATIENCE);
    }

    /** A GetItem response in DynamoDB's JSON protocol holding a roster and a persona. */
    private static byte[] cannedItem() {
        String roster = StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("personas");
            json.writeStartObject();
            json.writeStringField("id", PRIMING_PERSONA);
            json.writeStringField("name", "Priming");
            json.writeStringField("tagline", "warms the path");
            json.writeStringField("status", "pending");
            json.writeStringField("higher_self", PRIMING_USER);
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("hidden");
            json.writeEndArray();
            json.writeEndObject();
        });
        String persona = StreamingJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("id", PRIMING_PERSONA);
            json.writeStringField("name", "Priming");
            json.writeStringField("higher_self", PRIMING_USER);
            json.writeStringField("summary", "Warms the path.");
            json.writeArrayFieldStart("traits");
            json.writeString("patient");
            json.writeEndArray();
            json.writeArrayFieldStart("speech_patterns");
            json.writeString("short");
            json.writeEndArray();
            json.writeArrayFieldStart("catchphrases");
            json.writeString("ready");
            json.writeEndArray();
            json.writeStringField("roast_style", "gentle");
            json.writeEndObject();
        });
        return StreamingJson.writeBytes(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("Item");
            json.writeObjectFieldStart(PersonaItems.ROSTER);
            json.writeStringField("S", roster);
            json.writeEndObject();
            json.writeObjectFieldStart(PersonaItems.PERSONA);
            json.writeStringField("S", persona);
            json.writeEndObject();
            json.writeObjectFieldStart(PersonaItems.VERSION);
            json.writeStringField("N", "1");
            json.writeEndObject();
            json.writeObjectFieldStart(PersonaItems.STATUS);
            json.writeStringField("S", "pending");
            json.writeEndObject();
            json.writeObjectFieldStart(PersonaItems.HIGHER_SELF);
            json.writeStringField("S", PRIMING_USER);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        });
    }
}
