package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.local.ModelChoice.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which model writes the words, chosen from the environment alone, and the hint the banner prints. */
class ModelChoiceTest {
    private static final String OLLAMA = "http://127.0.0.1:11434/v1";

    @Test
    void nothingConfiguredIsOffline() {
        ModelChoice choice = ModelChoice.fromEnvironment(Map.of());
        assertThat(choice.kind()).isEqualTo(Kind.OFFLINE);
        assertThat(choice.describe()).isEqualTo("offline persona generator (no model is configured)");
    }

    @Test
    void anOpenAiUrlPicksTheOpenAiCompatibleServerWithItsModelAndKey() {
        ModelChoice choice = ModelChoice.fromEnvironment(
                Map.of("OPENAI_BASE_URL", OLLAMA, "OPENAI_MODEL", "llama3.1", "OPENAI_API_KEY", "test-only-key"));
        assertThat(choice.kind()).isEqualTo(Kind.OPENAI);
        assertThat(choice.openAiBaseUrl()).contains(OLLAMA);
        assertThat(choice.openAiModel()).contains("llama3.1");
        assertThat(choice.openAiKey()).contains("test-only-key");
        assertThat(choice.describe())
                .isEqualTo("OpenAI-compatible llama3.1 at " + OLLAMA + " (OPENAI_BASE_URL is set)")
                .doesNotContain("test-only-key");
        assertThat(choice.toString()).doesNotContain("test-only-key");
    }

    @Test
    void anOpenAiUrlWithoutAModelUsesTheDefaultModel() {
        assertThat(ModelChoice.fromEnvironment(Map.of("OPENAI_BASE_URL", OLLAMA))
                        .openAiModel())
                .contains("llama3.2");
    }

    @Test
    void awsCredentialsWithARegionPickBedrock() {
        ModelChoice choice = ModelChoice.fromEnvironment(
                Map.of("AWS_PROFILE", "dev", "AWS_REGION", "us-east-1", "BEDROCK_MODEL_ID", "test-model"));
        assertThat(choice.kind()).isEqualTo(Kind.BEDROCK);
        assertThat(choice.bedrockModelId()).contains("test-model");
        assertThat(choice.describe()).contains("Bedrock").contains("test-model");

        assertThat(ModelChoice.fromEnvironment(
                                Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_DEFAULT_REGION", "eu-west-1"))
                        .kind())
                .isEqualTo(Kind.BEDROCK);
    }

    @Test
    void aCredentialsFileInHomeCountsAsCredentials(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString(), "AWS_REGION", "us-east-1");
        assertThat(ModelChoice.fromEnvironment(env).kind()).isEqualTo(Kind.OFFLINE);

        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\n");
        assertThat(ModelChoice.fromEnvironment(env).kind()).isEqualTo(Kind.BEDROCK);
    }

    @Test
    void credentialsWithoutARegionStayOffline() {
        assertThat(ModelChoice.fromEnvironment(Map.of("AWS_PROFILE", "dev")).kind())
                .isEqualTo(Kind.OFFLINE);
    }

    @Test
    void anOpenAiUrlWinsOverAwsCredentials() {
        assertThat(ModelChoice.fromEnvironment(
                                Map.of("OPENAI_BASE_URL", OLLAMA, "AWS_PROFILE", "dev", "AWS_REGION", "us-east-1"))
                        .kind())
                .isEqualTo(Kind.OPENAI);
    }

    @Test
    void roastdenModelWinsOverEverythingElse() {
        Map<String, String> env =
                new HashMap<>(Map.of("OPENAI_BASE_URL", OLLAMA, "AWS_PROFILE", "dev", "AWS_REGION", "us-east-1"));
        env.put("ROASTDEN_MODEL", "Offline");
        ModelChoice offline = ModelChoice.fromEnvironment(env);
        assertThat(offline.kind()).isEqualTo(Kind.OFFLINE);
        assertThat(offline.reason()).isEqualTo("ROASTDEN_MODEL=offline");

        env.put("ROASTDEN_MODEL", "bedrock");
        env.remove("AWS_PROFILE");
        assertThat(ModelChoice.fromEnvironment(env).kind()).isEqualTo(Kind.BEDROCK);
    }

    @Test
    void anExplicitChoiceThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> ModelChoice.fromEnvironment(Map.of("ROASTDEN_MODEL", "openai")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ROASTDEN_MODEL=openai needs OPENAI_BASE_URL");
        assertThatThrownBy(() -> ModelChoice.fromEnvironment(Map.of("ROASTDEN_MODEL", "gpt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offline, openai or bedrock")
                .hasMessageContaining("gpt");
    }

    @Test
    void theSwitchHintOffersExactlyTheChoicesThatWork() {
        Matcher offered = Pattern.compile("ROASTDEN_MODEL=([a-z|]+)").matcher(ModelChoice.HOW_TO_SWITCH);
        assertThat(offered.find()).isTrue();
        List<String> choices = Arrays.asList(offered.group(1).split("\\|"));

        assertThat(choices)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Kind.values())
                        .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                        .toList());
        for (String choice : choices) {
            ModelChoice chosen =
                    ModelChoice.fromEnvironment(Map.of("ROASTDEN_MODEL", choice, "OPENAI_BASE_URL", OLLAMA));
            assertThat(chosen.kind().name()).isEqualToIgnoringCase(choice);
        }
        assertThat(ModelChoice.HOW_TO_SWITCH)
                .contains("OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_API_KEY", "AWS_REGION", "BEDROCK_MODEL_ID");
    }
}
