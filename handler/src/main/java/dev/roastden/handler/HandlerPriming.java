package dev.roastden.handler;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.json.StreamingJson;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.Hex;
import dev.roastden.core.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs the request path (event read, verify, parse, route, job serialisation, response rendering, request log) on
 * signed requests in-process, so that the real first request finds its classes loaded and its code compiled:
 *
 * <ul>
 *   <li>{@link #warmUp} on every cold start, from {@link HandlerWiring#create} while the SQS client builds on other
 *       threads (one PING and one command: what a first request needs, little more; no DynamoDB, which a command
 *       never uses);
 *   <li>{@link #beforeCheckpoint} before a SnapStart snapshot: waits for the DynamoDB client's background build,
 *       then several rounds of every kind of request, the reads answered by {@link DynamoWarmUp}'s canned item.
 * </ul>
 *
 * <p>Makes no network call: the requests are signed with a fixed priming key that verifies nothing else, they go
 * to an endpoint of their own whose queue only serialises the job, its reads never leave the process, and the log
 * is silent.
 */
final class HandlerPriming implements Resource {
    /** A fixed seed: this key only signs priming requests inside this process and is not a secret. */
    private static final byte[] PRIMING_SEED = new byte[Ed25519.SECRET_KEY_SIZE];

    static {
        Arrays.fill(PRIMING_SEED, (byte) 7);
    }

    private static final String CONTEXT =
            "\"id\":\"1300000000000000000\",\"application_id\":\"1300000000000000001\",\"token\":\"priming\","
                    + "\"guild_id\":\"1300000000000000002\",\"channel_id\":\"1300000000000000003\","
                    + "\"locale\":\"en-US\",\"member\":{\"permissions\":\"0\","
                    + "\"user\":{\"id\":\"" + DynamoWarmUp.PRIMING_USER + "\",\"username\":\"priming\"}},";
    private static final String PING =
            "{\"type\":1,\"id\":\"1300000000000000005\",\"application_id\":\"1300000000000000001\"}";
    private static final String COMMAND = "{\"type\":2," + CONTEXT
            + "\"data\":{\"name\":\"ask\",\"type\":1,"
            + "\"options\":[{\"name\":\"question\",\"type\":3,\"value\":\"ready?\"}]}}";
    private static final String AUTOCOMPLETE = COMMAND.replace("\"type\":2", "\"type\":4")
            .replace(
                    "\"value\":\"ready?\"}",
                    "\"value\":\"ready?\"},{\"name\":\"persona\",\"type\":3,\"value\":\"\",\"focused\":true}");
    private static final String EDIT = "{\"type\":2," + CONTEXT
            + "\"data\":{\"name\":\"persona\",\"type\":1,\"options\":[{\"name\":\"edit\",\"type\":1,"
            + "\"options\":[{\"name\":\"persona\",\"type\":3,\"value\":\"" + DynamoWarmUp.PRIMING_PERSONA
            + "\"}]}]}}";
    private static final String MODAL = "{\"type\":5," + CONTEXT
            + "\"data\":{\"custom_id\":\"rd1:pc:-\",\"components\":[{\"type\":1,\"components\":"
            + "[{\"type\":4,\"custom_id\":\"name\",\"value\":\"Priming\"}]}]}}";
    private static final String COMPONENT = "{\"type\":3," + CONTEXT + "\"message\":{\"id\":\"1300000000000000006\"},"
            + "\"data\":{\"custom_id\":\"rd1:pa:" + DynamoWarmUp.PRIMING_PERSONA + ":" + DynamoWarmUp.PRIMING_USER
            + ":1\",\"component_type\":2}}";

    private final HandlerConfig config;
    private final PersonaReads reads;

    HandlerPriming(HandlerConfig config, PersonaReads reads) {
        this.config = config;
        this.reads = reads;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        if (reads instanceof DynamoPersonaReads dynamo) {
            dynamo.awaitClient();
        }
        prime(5, PersonaCatalog.fromClasspath(), config);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the endpoint holds no connections or unique values from before the snapshot.
    }

    /** One signed PING and one signed command through a priming endpoint. */
    static void warmUp(PersonaCatalog personas) {
        try {
            run(1, personas, PersonaReads.NONE, List.of(PING, COMMAND));
        } catch (IOException e) {
            throw new UncheckedIOException("Priming requests are in memory and cannot fail to read", e);
        }
    }

    /**
     * Runs {@code rounds} rounds of signed PING, command, autocomplete, persona edit, modal submit and button
     * requests through a priming endpoint.
     *
     * @return the jobs the requests produced, serialised (three per round: the command, the modal, the button)
     */
    static List<String> prime(int rounds) throws IOException {
        return prime(
                rounds,
                PersonaCatalog.fromClasspath(),
                new HandlerConfig("00".repeat(32), "priming", "us-east-1", Optional.empty()));
    }

    static List<String> prime(int rounds, PersonaCatalog personas, HandlerConfig config) throws IOException {
        return DynamoWarmUp.withCannedReads(
                config,
                reads -> run(rounds, personas, reads, List.of(PING, COMMAND, AUTOCOMPLETE, EDIT, MODAL, COMPONENT)));
    }

    private static List<String> run(int rounds, PersonaCatalog personas, PersonaReads reads, List<String> bodies)
            throws IOException {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(PRIMING_SEED, 0, publicKey, 0);
        List<String> jobs = new ArrayList<>();
        InteractionRouter router =
                new InteractionRouter((DeferredJob job) -> jobs.add(DeferredJobCodec.write(job)), personas, reads);
        InteractionsHandler handler = new InteractionsHandler(
                new InteractionEndpoint(SignatureVerifier.fromRawKey(publicKey), router, RequestLog.silent()));
        List<byte[]> events = new ArrayList<>();
        for (String body : bodies) {
            events.add(signedEvent(body));
        }
        for (int round = 0; round < rounds; round++) {
            for (byte[] event : events) {
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), response, null);
            }
        }
        return jobs;
    }

    /** An API Gateway event, written with the generator the handler already uses for its responses. */
    private static byte[] signedEvent(String body) {
        String timestamp = "1700000000";
        byte[] message = (timestamp + body).getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(PRIMING_SEED, 0, message, 0, message.length, signature, 0);
        return StreamingJson.writeBytes(json -> {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeObjectFieldStart("headers");
            json.writeStringField("x-signature-ed25519", Hex.encode(signature));
            json.writeStringField("x-signature-timestamp", timestamp);
            json.writeEndObject();
            json.writeStringField("body", body);
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        });
    }
}
