package dev.roastden.handler;

import dev.roastden.core.signature.Hex;
import dev.roastden.events.SignEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** A key pair generated for one test run, and helpers to turn bodies into signed API Gateway events. */
final class TestSigner {
    static final String TIMESTAMP = "1732233600";

    private final byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];

    TestSigner() {
        Ed25519.generatePrivateKey(new SecureRandom(), seed);
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    }

    String publicKeyHex() {
        return Hex.encode(publicKey);
    }

    String event(String body) {
        return event(body, false);
    }

    String event(String body, boolean base64) {
        try {
            return SignEvent.event(body, TIMESTAMP, seed, base64);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String signature(String timestamp, String body) {
        try {
            return SignEvent.sign(seed, timestamp, body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex signature of {@code timestamp} followed by the exact {@code body} bytes. */
    String signature(String timestamp, byte[] body) {
        try {
            return SignEvent.sign(seed, timestamp, body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed event carrying arbitrary bytes, base64-encoded as API Gateway delivers a binary body. */
    String event(byte[] body) {
        com.fasterxml.jackson.databind.node.ObjectNode event =
                dev.roastden.core.json.Json.mapper().createObjectNode();
        event.put("version", "2.0");
        event.putObject("headers")
                .put("content-type", "application/json")
                .put("x-signature-ed25519", signature(TIMESTAMP, body))
                .put("x-signature-timestamp", TIMESTAMP);
        event.put("body", java.util.Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        return event.toString();
    }

    /** Runs an event through the handler and returns the API Gateway response event as text. */
    static String invoke(InteractionsHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
