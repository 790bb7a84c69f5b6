package dev.roastden.handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs one {@code SendMessage} through the SDK's whole request pipeline (client build, endpoint rules,
 * marshalling, SigV4 signing, retries and timeouts, MD5 check, unmarshalling) against a canned response, so the
 * real client's first send pays only for the HTTP connection. Without it the first {@code /roast} spent ~200 ms
 * of CPU inside the SDK after the handler was built.
 *
 * <p>Makes no network call and uses no real credentials: the throwaway client has an HTTP client that never
 * connects ({@link CannedHttpClient}) and static dummy keys. The SDK's own {@code SdkWarmUp} would also fetch an
 * STS URL.
 */
final class SqsWarmUp {
    private static final String BODY = "{\"warm_up\":true}";

    /**
     * The real client's timeouts are for warm calls; this first, cold one can take seconds on a starved CPU (seen
     * at load 8 on the 2-core benchmark machine). Longer limits per request keep the same pipeline stages.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private SqsWarmUp() {}

    /**
     * Sends one message with a client configured like the real one, answered in-process. Best effort: a warm-up
     * that fails only leaves the work to the first request, so it is logged, never thrown.
     */
    static void sendOnce(HandlerConfig config, RequestLog log) {
        try (SqsClient client = HandlerWiring.sqsClient(
                config,
                cannedSendMessage(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up")))) {
            client.sendMessage(b -> b.queueUrl(config.queueUrl())
                    .messageBody(BODY)
                    .overrideConfiguration(o -> o.apiCallTimeout(PATIENCE).apiCallAttemptTimeout(PATIENCE)));
        } catch (SdkException e) {
            log.event("WARN", "The SQS warm-up failed, the first send will be slower: " + e);
        }
    }

    /** A successful {@code SendMessage} result for {@link #BODY}, with the MD5 the SDK checks against what it sent. */
    private static CannedHttpClient cannedSendMessage() {
        return new CannedHttpClient(("{\"MessageId\":\"00000000-0000-4000-8000-000000000000\","
                        + "\"MD5OfMessageBody\":\"" + md5Hex(BODY) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK always has MD5", e);
        }
    }
}
