package dev.roastden.local;

import dev.roastden.handler.RequestLog;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Starts the local system and keeps it running until interrupted. */
public final class LocalMain {
    private LocalMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        LocalConfig config;
        try {
            config = LocalConfig.fromEnvironment(System.getenv());
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalSystem system;
        try {
            system = LocalSystem.start(config, new RequestLog(System.out));
        } catch (Ports.PortInUseException e) {
            // One line and a non-zero exit: nothing has started, so there is nothing to wait for.
            System.err.println(e.getMessage());
            System.exit(3);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println("Roast Den could not start: " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }));
        String base = "http://127.0.0.1:" + system.port();
        System.out.println();
        System.out.println("Roast Den is running locally.");
        if (system.discord().isPresent()) {
            System.out.println("  Playground             " + base + "/");
        }
        System.out.println("  Interactions endpoint  POST " + base + "/interactions");
        System.out.println(
                "  Lambda-style invoke    POST " + base + "/invoke/interactions  (body: an events/apigw file)");
        System.out.println("  Health                 GET  " + base + "/health");
        System.out.println("  Model                  " + system.modelDescription());
        System.out.println("                         " + ModelChoice.HOW_TO_SWITCH);
        System.out.println("  Data (memory, queue, Discord) "
                + config.dataFolder()
                        .map(f -> f.toAbsolutePath() + " (ROASTDEN_IN_MEMORY=true to keep nothing)")
                        .orElse("in memory"));
        System.out.println("  Discord public key     " + system.publicKeyHex()
                + (config.realDiscord().isPresent() ? "  (your application)" : "  (TEST-ONLY dev key)"));
        if (system.discord().isEmpty()) {
            System.out.println("  Real Discord mode: point your application's Interactions Endpoint URL at a tunnel to "
                    + base + "/interactions (docs/LOCAL.md).");
        } else {
            System.out.println(
                    "  Discord REST emulator  " + system.discord().get().apiBase());
            System.out.println("  Attachment CDN         "
                    + system.discord().get().cdnOrigin() + "/attachments/{channel}/{id}/{filename}");
            System.out.println("  What an interaction became: GET " + base + "/playground/api/original?token=<token>");
            System.out.println();
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
