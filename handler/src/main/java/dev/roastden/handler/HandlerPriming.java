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
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.crac.Context;
import org.crac.Resource;

/**
 * Runs the request path (event read, verify, parse, route, job serialisation, response rendering, request log) on
 * signed requests in-process, so that the real first request finds its classes loaded and its code compiled:
 *
 * <ul>
 *   <li>{@link #warmUp} on every cold start, from {@link HandlerWiring#create} while the SQS client builds on other
 *       threads (one PING and one command: what a first request needs, little more);
 *   <li>{@link #beforeCheckpoint} before a SnapStart snapshot (several rounds, autocomplete included).
 * </ul>
 *
 * <p>Makes no network call: the requests are signed with a fixed priming key that verifies nothing else, they go
 * to an endpoint of their own whose queue only serialises the job, and the log is silent.
 */
final class HandlerPriming implements Resource {
    /** A fixed seed: this key only signs priming requests inside this process and is not a secret. */
    private static final byte[] PRIMING_SEED = new byte[Ed25519.SECRET_KEY_SIZE];

    static {
        Arrays.fill(PRIMING_SEED, (byte) 7);
    }

    private static final String PING =
            "{\"type\":1,\"id\":\"1300000000000000005\",\"application_id\":\"1300000000000000001\"}";
    private static final String COMMAND =
            "{\"type\":2,\"id\":\"1300000000000000000\",\"application_id\":\"1300000000000000001\","
                    + "\"token\":\"priming\",\"guild_id\":\"1300000000000000002\",\"channel_id\":\"1300000000000000003\","
                    + "\"locale\":\"en-US\",\"member\":{\"permissions\":\"0\","
                    + "\"user\":{\"id\":\"1300000000000000004\",\"username\":\"priming\"}},\"data\":{\"name\":\"ask\",\"type\":1,"
                    + "\"options\":[{\"name\":\"question\",\"type\":3,\"value\":\"ready?\"}]}}";
    private static final String AUTOCOMPLETE = COMMAND.replace("\"type\":2", "\"type\":4")
            .replace(
                    "\"value\":\"ready?\"}",
                    "\"value\":\"ready?\"},{\"name\":\"persona\",\"type\":3,\"value\":\"\",\"focused\":true}");

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        prime(5);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the endpoint holds no connections or unique values from before the snapshot.
    }

    /** One signed PING and one signed command through a priming endpoint. */
    static void warmUp(PersonaCatalog personas) {
        try {
            run(1, personas, List.of(PING, COMMAND));
        } catch (IOException e) {
            throw new UncheckedIOException("Priming requests are in memory and cannot fail to read", e);
        }
    }

    /**
     * Runs {@code rounds} rounds of signed PING, command and autocomplete requests through a priming endpoint.
     *
     * @return the jobs the command requests produced, serialised
     */
    static List<String> prime(int rounds) throws IOException {
        return prime(rounds, PersonaCatalog.fromClasspath());
    }

    static List<String> prime(int rounds, PersonaCatalog personas) throws IOException {
        return run(rounds, personas, List.of(PING, COMMAND, AUTOCOMPLETE));
    }

    private static List<String> run(int rounds, PersonaCatalog personas, List<String> bodies) throws IOException {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(PRIMING_SEED, 0, publicKey, 0);
        List<String> jobs = new ArrayList<>();
        InteractionRouter router =
                new InteractionRouter((DeferredJob job) -> jobs.add(DeferredJobCodec.write(job)), personas);
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
