package dev.roastden.worker.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void knownSecretsAndCredentialShapedTextAreBlanked() {
        String botToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";
        String text = "failed with Bot " + botToken + " at https://discord.com/api/webhooks/123456/abcDEF-ghi_jkl"
                + " for aW50ZXJhY3Rpb246MTIzNDU2Nzg5 key AKIAABCDEFGHIJKLMNOP and tok-1234567890";
        String redacted = Redaction.redact(text, List.of("tok-1234567890"));
        assertThat(redacted)
                .doesNotContain(botToken)
                .doesNotContain("GhIjKl")
                .doesNotContain("abcDEF-ghi_jkl")
                .doesNotContain("aW50ZXJhY3Rpb24")
                .doesNotContain("AKIAABCDEFGHIJKLMNOP")
                .doesNotContain("tok-1234567890")
                .contains("failed with")
                .contains(Redaction.MARK);
    }

    @Test
    void ordinaryErrorMessagesAreLeftReadable() {
        String message = "The provided model identifier is invalid. (Service: BedrockRuntime, Status Code: 400)";
        assertThat(Redaction.redact(message, List.of())).isEqualTo(message);
    }

    @Test
    void shortKnownValuesAreNotUsedToBlankEverything() {
        assertThat(Redaction.redact("a b c", List.of("a"))).isEqualTo("a b c");
    }
}
