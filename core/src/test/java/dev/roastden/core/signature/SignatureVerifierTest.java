package dev.roastden.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TIMESTAMP = "1732233600";

    private final TestKey key = TestKey.generate();
    private final SignatureVerifier verifier = SignatureVerifier.fromHex(key.publicKeyHex());

    @Test
    void acceptsTheSignatureOfTimestampAndBody() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(key.sign(TIMESTAMP, body), TIMESTAMP, body)).isTrue();
    }

    @Test
    void rejectsATamperedBody() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = key.sign(TIMESTAMP, body);
        assertThat(verify(signature, TIMESTAMP, "{\"type\":2}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void rejectsATamperedTimestamp() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(key.sign(TIMESTAMP, body), "1732233601", body)).isFalse();
    }

    @Test
    void rejectsASignatureByAnotherKey() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(TestKey.generate().sign(TIMESTAMP, body), TIMESTAMP, body))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zz", "not-hex-at-all", "abcd"})
    void rejectsMalformedSignatureHeaders(String header) {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(header, TIMESTAMP, body)).isFalse();
    }

    @Test
    void rejectsASignatureOfTheRightLengthThatIsNotHex() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String valid = key.sign(TIMESTAMP, body);
        assertThat(verify("g" + valid.substring(1), TIMESTAMP, body)).isFalse();
    }

    @Test
    void rejectsASignatureWrittenInOtherScriptsDigits() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String valid = key.sign(TIMESTAMP, body);
        StringBuilder arabicIndic = new StringBuilder();
        StringBuilder fullwidth = new StringBuilder();
        for (char c : valid.toCharArray()) {
            arabicIndic.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
            fullwidth.append(c >= 'a' && c <= 'f' ? (char) ('\uff41' + (c - 'a')) : c);
        }
        assertThat(arabicIndic.toString()).isNotEqualTo(valid);
        assertThat(verify(arabicIndic.toString(), TIMESTAMP, body)).isFalse();
        assertThat(verify(fullwidth.toString(), TIMESTAMP, body)).isFalse();
        assertThat(verify(valid, TIMESTAMP, body)).isTrue();
    }

    @Test
    void rejectsASignatureWithAnythingAroundIt() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String valid = key.sign(TIMESTAMP, body);
        assertThat(verify(" " + valid, TIMESTAMP, body)).isFalse();
        assertThat(verify(valid + "\t", TIMESTAMP, body)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"abc", "17322336OO", "-1732233600", " 1732233600", "\u0661\u0667\u0663", "123456789012345678901"
            })
    void rejectsATimestampThatIsNotOneToTwentyAsciiDigitsEvenWhenSigned(String timestamp) {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(key.signUtf8(timestamp, body), timestamp, body)).isFalse();
    }

    @Test
    void acceptsATwentyDigitTimestamp() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String timestamp = "12345678901234567890";
        assertThat(verify(key.signUtf8(timestamp, body), timestamp, body)).isTrue();
    }

    @Test
    void rejectsATruncatedOrExtendedSignature() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String valid = key.sign(TIMESTAMP, body);
        assertThat(verify(valid.substring(0, 126), TIMESTAMP, body)).isFalse();
        assertThat(verify(valid + "00", TIMESTAMP, body)).isFalse();
    }

    @Test
    void rejectsMissingHeaders() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = key.sign(TIMESTAMP, body);
        assertThat(verifier.verify(Optional.empty(), Optional.of(TIMESTAMP), body))
                .isFalse();
        assertThat(verifier.verify(Optional.of(signature), Optional.empty(), body))
                .isFalse();
        assertThat(verify(signature, "", body)).isFalse();
    }

    @Test
    void verifiesAnEmptyBodyOnlyWhenThatIsWhatWasSigned() {
        byte[] empty = new byte[0];
        assertThat(verify(key.sign(TIMESTAMP, empty), TIMESTAMP, empty)).isTrue();
        assertThat(verify(key.sign(TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8)), TIMESTAMP, empty))
                .isFalse();
    }

    @Test
    void verifiesUnicodeBodiesByTheirExactBytes() {
        // Bodies that break verifiers which re-serialise JSON: accents, emoji, escaped slashes and \\u escapes.
        String body = "{\"content\":\"caf\u00e9 \uD83D\uDD25 roast\",\"url\":\"https:\\/\\/x.example\\/a\","
                + "\"esc\":\"\\u00e9\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(verify(key.sign(TIMESTAMP, bytes), TIMESTAMP, bytes)).isTrue();
        String reserialised = body.replace("\\/", "/");
        assertThat(verify(key.sign(TIMESTAMP, bytes), TIMESTAMP, reserialised.getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void acceptsUpperCaseHex() {
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(key.sign(TIMESTAMP, body).toUpperCase(java.util.Locale.ROOT), TIMESTAMP, body))
                .isTrue();
    }

    @Test
    void refusesAPublicKeyThatIsNotThirtyTwoBytesOfHex() {
        assertThatThrownBy(() -> SignatureVerifier.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureVerifier.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureVerifier.fromHex("z".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRandomSignatures() {
        byte[] body = new byte[64];
        RANDOM.nextBytes(body);
        byte[] signature = new byte[64];
        for (int i = 0; i < 200; i++) {
            RANDOM.nextBytes(signature);
            assertThat(verify(Hex.encode(signature), TIMESTAMP, body)).isFalse();
        }
    }

    @Test
    void publicKeyHexRoundTrips() {
        assertThat(verifier.publicKeyHex()).isEqualTo(key.publicKeyHex());
    }

    private boolean verify(String signature, String timestamp, byte[] body) {
        return verifier.verify(Optional.of(signature), Optional.of(timestamp), body);
    }

    /** An Ed25519 key pair made for one test run. */
    record TestKey(byte[] seed, byte[] publicKey) {
        static TestKey generate() {
            byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
            Ed25519.generatePrivateKey(RANDOM, seed);
            byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(seed, 0, publicKey, 0);
            return new TestKey(seed, publicKey);
        }

        String publicKeyHex() {
            return Hex.encode(publicKey);
        }

        String signUtf8(String timestamp, byte[] body) {
            byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
            byte[] message = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, message, 0, prefix.length);
            System.arraycopy(body, 0, message, prefix.length, body.length);
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
            return Hex.encode(signature);
        }

        String sign(String timestamp, byte[] body) {
            byte[] message =
                    (timestamp + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
            return Hex.encode(signature);
        }
    }
}
