package dev.roastden.emulators.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local's HTTP server running in this JVM on a free loopback port: the real DynamoDB wire protocol, so a
 * real {@code DynamoDbClient} pointed at {@link #endpoint()} (any region, any static credentials) exercises its whole
 * stack. Keeps data in memory, or in a folder when started with {@link #startInFolder(Path)}; one database is
 * shared by every access key and region.
 */
public final class LocalDynamoDb implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private final Optional<Path> folder;

    private LocalDynamoDb(DynamoDBProxyServer server, int port, Optional<Path> folder) {
        this.server = server;
        this.port = port;
        this.folder = folder;
    }

    /** Starts an in-memory server; its data is gone when it closes. */
    public static LocalDynamoDb start() {
        return start(Optional.empty());
    }

    /** Starts a server that keeps its data in {@code folder} (created when missing), one file for all clients. */
    public static LocalDynamoDb startInFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
        return start(Optional.of(folder));
    }

    private static LocalDynamoDb start(Optional<Path> folder) {
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = freePort();
            List<String> args = new ArrayList<>();
            if (folder.isPresent()) {
                args.addAll(List.of("-dbPath", folder.get().toAbsolutePath().toString()));
            } else {
                args.add("-inMemory");
            }
            // One database whatever the credentials and region (otherwise each access key sees its own tables).
            args.add("-sharedDb");
            args.addAll(List.of("-port", Integer.toString(port), "-disableTelemetry"));
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                loopbackOnly(server);
                server.start();
                return new LocalDynamoDb(server, port, folder);
            } catch (Exception e) {
                // Most likely someone took the port between probing and binding: try another one.
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    /**
     * DynamoDB Local has no option for the interface and its Jetty listens on all of them; the data is nobody
     * else's business, so its one connector is pointed at 127.0.0.1 before it starts.
     */
    private static void loopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        java.lang.reflect.Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        org.eclipse.jetty.server.Server jetty = (org.eclipse.jetty.server.Server) field.get(proxy);
        for (org.eclipse.jetty.server.Connector connector : jetty.getConnectors()) {
            ((org.eclipse.jetty.server.ServerConnector) connector).setHost("127.0.0.1");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** The endpoint to configure as the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The folder holding the data, when not in memory. */
    public Optional<Path> folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
