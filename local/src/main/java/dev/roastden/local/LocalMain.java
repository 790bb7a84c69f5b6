package dev.roastden.local;

import dev.roastden.handler.RequestLog;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Starts the local system and keeps it running until interrupted. */
public final class LocalMain {
    private LocalMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        LocalConfig config = LocalConfig.fromEnvironment(System.getenv());
        LocalSystem system = LocalSystem.start(config, new RequestLog(System.out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }));
        String base = "http://127.0.0.1:" + system.port();
        System.out.println();
        System.out.println("Roast Den is running locally.");
        System.out.println("  Interactions endpoint  POST " + base + "/interactions");
        System.out.println(
                "  Lambda-style invoke    POST " + base + "/invoke/interactions  (body: an events/apigw file)");
        System.out.println("  Health                 GET  " + base + "/health");
        System.out.println("  Work queue (SQS)       " + system.queueUrl());
        System.out.println("  Discord public key     " + system.publicKeyHex()
                + (config.discordPublicKey().isPresent() ? "  (from DISCORD_PUBLIC_KEY)" : "  (TEST-ONLY dev key)"));
        System.out.println();
        if (config.discordPublicKey().isEmpty()) {
            System.out.println(
                    "Try a signed PING (answers {\"type\":1}; change a byte of the body and it answers 401):");
            System.out.println("  curl -s " + base + "/interactions -H 'x-signature-timestamp: "
                    + SampleSignatures.TIMESTAMP + "' -H 'x-signature-ed25519: " + SampleSignatures.ping()
                    + "' --data-binary @events/interactions/ping.json");
            System.out.println("Or any sample event:");
            System.out.println("  curl -s --data-binary @events/apigw/roast.json " + base + "/invoke/interactions");
        }
        System.out.println("Stop with Ctrl+C.");
        stopped.await();
    }
}
