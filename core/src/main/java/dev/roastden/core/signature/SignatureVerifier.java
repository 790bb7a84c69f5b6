package dev.roastden.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies Discord's request signatures: Ed25519 over the {@code X-Signature-Timestamp} header value followed by
 * the raw request body bytes, exactly as received (never a re-serialised body).
 *
 * <p>Uses Bouncy Castle's stateless {@link Ed25519#verify} so one instance is safe to share between threads.
 * Malformed input of any kind (missing values, non-hex, wrong length) is a failed verification, never an
 * exception.
 */
public final class SignatureVerifier {
    /** Length of an Ed25519 public key in bytes. */
    public static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    private final byte[] publicKey;

    private SignatureVerifier(byte[] publicKey) {
        this.publicKey = publicKey.clone();
    }

    /**
     * Creates a verifier for the application's public key as shown in the Discord developer portal.
     *
     * @throws IllegalArgumentException when the key is not 64 hexadecimal characters
     */
    public static SignatureVerifier fromHex(String publicKeyHex) {
        byte[] key = Hex.decode(publicKeyHex == null ? null : publicKeyHex.trim(), PUBLIC_KEY_BYTES)
                .orElseThrow(() -> new IllegalArgumentException(
                        "The Discord public key must be " + PUBLIC_KEY_BYTES * 2 + " hexadecimal characters"));
        return new SignatureVerifier(key);
    }

    /** Creates a verifier for a raw 32-byte Ed25519 public key. */
    public static SignatureVerifier fromRawKey(byte[] publicKey) {
        if (publicKey.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("An Ed25519 public key has " + PUBLIC_KEY_BYTES + " bytes");
        }
        return new SignatureVerifier(publicKey);
    }

    /**
     * @param signatureHex the {@code X-Signature-Ed25519} header value, possibly absent
     * @param timestamp the {@code X-Signature-Timestamp} header value, possibly absent
     * @param body the raw request body bytes
     * @return whether the signature is a valid signature of timestamp + body by this key
     */
    public boolean verify(Optional<String> signatureHex, Optional<String> timestamp, byte[] body) {
        if (signatureHex.isEmpty() || timestamp.isEmpty() || timestamp.get().isEmpty()) {
            return false;
        }
        Optional<byte[]> signature = Hex.decode(signatureHex.get().trim(), SIGNATURE_BYTES);
        if (signature.isEmpty()) {
            return false;
        }
        byte[] prefix = timestamp.get().getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        try {
            return Ed25519.verify(signature.get(), 0, publicKey, 0, message, 0, message.length);
        } catch (IllegalArgumentException invalidPoint) {
            return false;
        }
    }

    /** The public key as lower-case hexadecimal, for logs and the local development banner. */
    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }
}
