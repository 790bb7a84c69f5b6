package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandlerConfigTest {
    private static final Map<String, String> REQUIRED =
            Map.of("DISCORD_PUBLIC_KEY", "ab".repeat(32), "WORK_QUEUE_URL", "https://sqs.example/q");

    @Test
    void readsThePersonaTableAndTheLocalDynamoDbEndpoint() {
        Map<String, String> env = new java.util.HashMap<>(REQUIRED);
        env.put("MEMORY_TABLE_NAME", " roastden-memory ");
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");
        env.put("AWS_REGION", "eu-west-1");
        HandlerConfig config = HandlerConfig.fromEnvironment(env);
        assertThat(config.tableName()).contains("roastden-memory");
        assertThat(config.dynamoEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void withoutThemThereIsNoTableAndNoOverride() {
        Map<String, String> env = new java.util.HashMap<>(REQUIRED);
        env.put("MEMORY_TABLE_NAME", " ");
        HandlerConfig config = HandlerConfig.fromEnvironment(env);
        assertThat(config.tableName()).isEmpty();
        assertThat(config.dynamoEndpoint()).isEmpty();
        assertThat(config.sqsEndpoint()).isEmpty();
        assertThat(config.region()).isEqualTo("us-east-1");
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> HandlerConfig.fromEnvironment(Map.of("DISCORD_PUBLIC_KEY", "ab")))
                .hasMessageContaining("WORK_QUEUE_URL");
    }

    @Test
    void theFourPartConfigurationHasNoTable() {
        HandlerConfig config = new HandlerConfig("ab", "q", "us-east-1", Optional.empty());
        assertThat(config.tableName()).isEmpty();
        assertThat(config.dynamoEndpoint()).isEmpty();
    }
}
