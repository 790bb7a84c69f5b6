package dev.roastden.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the local system runs, from the environment.
 *
 * @param port the HTTP port of the endpoint and the playground (0 picks a free one)
 * @param sqsPort the port of the in-process SQS server
 * @param discordPort the port of the emulated Discord REST API
 * @param dataFolder where DynamoDB Local keeps its data across restarts; empty for in-memory
 * @param model which model writes the personas' words
 * @param realDiscord a real Discord application to serve instead of the playground, when configured
 * @param attachmentOrigins origins the worker may fetch attachments from besides Discord's CDN and the emulated one
 *     ({@code ROASTDEN_ATTACHMENT_ORIGINS}, comma-separated; for tests that serve files themselves)
 */
public record LocalConfig(
        int port,
        int sqsPort,
        int discordPort,
        Optional<Path> dataFolder,
        ModelChoice model,
        Optional<RealDiscord> realDiscord,
        List<URI> attachmentOrigins) {

    /** The setting that adds attachment origins. */
    public static final String ATTACHMENT_ORIGINS = "ROASTDEN_ATTACHMENT_ORIGINS";

    public LocalConfig {
        attachmentOrigins = List.copyOf(attachmentOrigins);
    }

    public static final String PORT_VARIABLE = "ROASTDEN_PORT";
    public static final String SQS_PORT_VARIABLE = "ROASTDEN_SQS_PORT";
    public static final String DISCORD_PORT_VARIABLE = "ROASTDEN_DISCORD_PORT";

    /** The default folder for local data, relative to where the system is started. */
    public static final Path DEFAULT_DATA_FOLDER = Path.of(".roastden", "dynamodb");

    /**
     * A real Discord application: its public key verifies requests and replies go to Discord's API.
     *
     * @param botToken a credential: never logged
     */
    public record RealDiscord(String publicKey, String applicationId, String botToken) {
        @Override
        public String toString() {
            return "RealDiscord[applicationId=" + applicationId + "]";
        }
    }

    /** For tests: free ports, in memory, the offline generator. */
    public static LocalConfig forTests() {
        return new LocalConfig(0, 0, 0, Optional.empty(), ModelChoice.offline("tests"), Optional.empty(), List.of());
    }

    /** These settings with more attachment origins allowed. */
    public LocalConfig withAttachmentOrigins(List<URI> origins) {
        List<URI> all = new ArrayList<>(attachmentOrigins);
        all.addAll(origins);
        return new LocalConfig(port, sqsPort, discordPort, dataFolder, model, realDiscord, all);
    }

    public static LocalConfig fromEnvironment(Map<String, String> env) {
        boolean inMemory = Boolean.parseBoolean(env.getOrDefault("ROASTDEN_IN_MEMORY", "false"));
        Optional<Path> folder = inMemory
                ? Optional.empty()
                : Optional.of(value(env, "ROASTDEN_DATA").map(Path::of).orElse(DEFAULT_DATA_FOLDER));
        Optional<String> publicKey = value(env, "DISCORD_PUBLIC_KEY");
        Optional<String> applicationId = value(env, "DISCORD_APPLICATION_ID");
        Optional<String> botToken = value(env, "DISCORD_BOT_TOKEN");
        Optional<RealDiscord> real = Optional.empty();
        if (publicKey.isPresent() || applicationId.isPresent() || botToken.isPresent()) {
            List<String> missing = new ArrayList<>();
            if (publicKey.isEmpty()) {
                missing.add("DISCORD_PUBLIC_KEY");
            }
            if (applicationId.isEmpty()) {
                missing.add("DISCORD_APPLICATION_ID");
            }
            if (botToken.isEmpty()) {
                missing.add("DISCORD_BOT_TOKEN");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Real Discord mode needs all three of DISCORD_PUBLIC_KEY,"
                        + " DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN; missing: " + String.join(", ", missing)
                        + ". Unset them all for the playground.");
            }
            real = Optional.of(new RealDiscord(publicKey.get(), applicationId.get(), botToken.get()));
        }
        return new LocalConfig(
                port(env, PORT_VARIABLE, 8080),
                port(env, SQS_PORT_VARIABLE, 9324),
                port(env, DISCORD_PORT_VARIABLE, 8787),
                folder,
                ModelChoice.fromEnvironment(env),
                real,
                origins(value(env, ATTACHMENT_ORIGINS).orElse("")));
    }

    /**
     * Comma-separated origins ({@code scheme://host[:port]}, no path); anything else stops the start with a message
     * naming the bad entry, since a typo here would only show later as a refused import.
     */
    static List<URI> origins(String text) {
        List<URI> origins = new ArrayList<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(ATTACHMENT_ORIGINS + " has an entry that is not a URL: '" + trimmed
                        + "'. Write origins like https://files.example.test, comma-separated.");
            }
            boolean origin = (Objects.equals(uri.getScheme(), "http") || Objects.equals(uri.getScheme(), "https"))
                    && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!origin) {
                throw new IllegalStateException(ATTACHMENT_ORIGINS + " has an entry that is not an origin: '" + trimmed
                        + "'. Write scheme://host[:port] with no path, e.g. http://127.0.0.1:9000.");
            }
            origins.add(uri);
        }
        return List.copyOf(origins);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        Optional<String> value = value(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a port number, not '" + value.get() + "'");
        }
    }
}
