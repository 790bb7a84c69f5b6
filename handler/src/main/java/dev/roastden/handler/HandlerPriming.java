package dev.roastden.handler;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.signature.Hex;
import dev.roastden.core.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming: before the snapshot, runs the whole request path (event read, verify, parse, route, job
 * serialisation, response rendering) on signed requests, so the snapshot holds loaded and compiled classes.
 *
 * <p>Makes no network call: the requests are signed with a fixed priming key that verifies nothing else, and the
 * queue only serialises the job.
 */
final class HandlerPriming implements Resource {
    /** A fixed seed: this key only signs priming requests inside this process and is not a secret. */
    private static final byte[] PRIMING_SEED = new byte[Ed25519.SECRET_KEY_SIZE];

    static {
        java.util.Arrays.fill(PRIMING_SEED, (byte) 7);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        prime(5);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the endpoint holds no connections or unique values from before the snapshot.
    }

    /**
     * Runs {@code rounds} rounds of signed PING, command and autocomplete requests through a priming endpoint.
     *
     * @return the jobs the command requests produced, serialised
     */
    static List<String> prime(int rounds) throws IOException {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(PRIMING_SEED, 0, publicKey, 0);
        List<String> jobs = new ArrayList<>();
        InteractionRouter router = new InteractionRouter(
                (DeferredJob job) -> jobs.add(DeferredJobCodec.write(job)), PersonaCatalog.fromClasspath());
        InteractionsHandler handler = new InteractionsHandler(
                new InteractionEndpoint(SignatureVerifier.fromRawKey(publicKey), router, RequestLog.silent()));
        String command = "{\"type\":2,\"id\":\"1300000000000000000\",\"application_id\":\"1\",\"token\":\"priming\","
                + "\"guild_id\":\"2\",\"channel_id\":\"3\",\"locale\":\"en-US\",\"member\":{\"permissions\":\"0\","
                + "\"user\":{\"id\":\"4\",\"username\":\"priming\"}},\"data\":{\"name\":\"ask\",\"type\":1,"
                + "\"options\":[{\"name\":\"question\",\"type\":3,\"value\":\"ready?\"}]}}";
        String autocomplete = command.replace("\"type\":2", "\"type\":4")
                .replace(
                        "\"value\":\"ready?\"}",
                        "\"value\":\"ready?\"},{\"name\":\"persona\",\"type\":3," + "\"value\":\"\",\"focused\":true}");
        for (int round = 0; round < rounds; round++) {
            for (String body : List.of("{\"type\":1,\"id\":\"5\",\"application_id\":\"1\"}", command, autocomplete)) {
                invoke(handler, body);
            }
        }
        return jobs;
    }

    private static void invoke(InteractionsHandler handler, String body) throws IOException {
        String timestamp = "1700000000";
        byte[] message = (timestamp + body).getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(PRIMING_SEED, 0, message, 0, message.length, signature, 0);
        Map<String, Object> event = Map.of(
                "version",
                "2.0",
                "headers",
                Map.of("x-signature-ed25519", Hex.encode(signature), "x-signature-timestamp", timestamp),
                "body",
                body,
                "isBase64Encoded",
                false);
        byte[] eventJson = dev.roastden.core.json.Json.mapper().writeValueAsBytes(event);
        handler.handleRequest(new ByteArrayInputStream(eventJson), new ByteArrayOutputStream(), null);
    }
}
