package dev.roastden.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies Discord's request signatures: Ed25519 over the {@code X-Signature-Timestamp} header value followed by
 * the raw request body bytes, exactly as received (never a re-serialised body).
 *
 * <p>Uses Bouncy Castle's stateless {@link Ed25519#verify} so one instance is safe to share between threads.
 * Malformed input of any kind is a failed verification, never an exception. The headers are held to their exact
 * shape: the signature is 128 ASCII hex characters, nothing around them; the timestamp is 1 to
 * {@value #MAX_TIMESTAMP_DIGITS} ASCII digits.
 */
public final class SignatureVerifier {
    /** Length of an Ed25519 public key in bytes. */
    public static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    /** Unix seconds fit in far fewer; anything longer is not a timestamp. */
    public static final int MAX_TIMESTAMP_DIGITS = 20;

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
        if (signatureHex.isEmpty() || timestamp.isEmpty() || !isTimestamp(timestamp.get())) {
            return false;
        }
        Optional<byte[]> signature = Hex.decode(signatureHex.get(), SIGNATURE_BYTES);
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

    /** Whether {@code timestamp} is 1 to {@value #MAX_TIMESTAMP_DIGITS} ASCII digits. */
    static boolean isTimestamp(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < timestamp.length(); i++) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The public key as lower-case hexadecimal, for logs and the local development banner. */
    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }
}
