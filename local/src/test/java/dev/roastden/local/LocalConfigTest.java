package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local system's settings from the environment; real Discord mode is all three credentials or none. */
class LocalConfigTest {
    private static final Map<String, String> REAL = Map.of(
            "DISCORD_PUBLIC_KEY", "cea9443fdf95d29eab4897d2bad2ea84c1e01ae3aa3b15032a06ca5f7d5d6b53",
            "DISCORD_APPLICATION_ID", "1200000000000000003",
            "DISCORD_BOT_TOKEN", "test-only-bot-token");

    @Test
    void noCredentialsMeansThePlayground() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of());
        assertThat(config.realDiscord()).isEmpty();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.sqsPort()).isEqualTo(9324);
        assertThat(config.discordPort()).isEqualTo(8787);
        assertThat(config.dataFolder()).contains(LocalConfig.DEFAULT_DATA_FOLDER);
    }

    @Test
    void allThreeCredentialsMeanRealDiscordMode() {
        LocalConfig config = LocalConfig.fromEnvironment(REAL);
        assertThat(config.realDiscord())
                .contains(new LocalConfig.RealDiscord(
                        REAL.get("DISCORD_PUBLIC_KEY"), "1200000000000000003", "test-only-bot-token"));
        assertThat(config.realDiscord().orElseThrow().toString()).doesNotContain("test-only-bot-token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISCORD_PUBLIC_KEY", "DISCORD_APPLICATION_ID", "DISCORD_BOT_TOKEN"})
    void anyOneMissingIsRefusedAndNamed(String missing) {
        Map<String, String> env = new HashMap<>(REAL);
        env.put(missing, "  ");
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Real Discord mode needs all three")
                .hasMessageContaining("missing: " + missing + ".")
                .hasMessageNotContaining("test-only-bot-token");
    }

    @Test
    void onlyOneSetNamesBothOthers() {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "test-only-bot-token")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing: DISCORD_PUBLIC_KEY, DISCORD_APPLICATION_ID.")
                .hasMessageNotContaining("test-only-bot-token");
    }

    @Test
    void portsAndDataFolderComeFromTheEnvironment() {
        LocalConfig config = LocalConfig.fromEnvironment(Map.of(
                "ROASTDEN_PORT", "9000",
                "ROASTDEN_SQS_PORT", "9001",
                "ROASTDEN_DISCORD_PORT", "9002",
                "ROASTDEN_DATA", "/tmp/roastden-data"));
        assertThat(List.of(config.port(), config.sqsPort(), config.discordPort()))
                .containsExactly(9000, 9001, 9002);
        assertThat(config.dataFolder()).contains(Path.of("/tmp/roastden-data"));
        assertThat(LocalConfig.fromEnvironment(Map.of("ROASTDEN_IN_MEMORY", "true"))
                        .dataFolder())
                .isEmpty();
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("ROASTDEN_PORT", "eighty")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ROASTDEN_PORT must be a port number, not 'eighty'");
    }

    @Test
    void attachmentOriginsAreCommaSeparatedOrigins() {
        LocalConfig config = LocalConfig.fromEnvironment(
                Map.of(LocalConfig.ATTACHMENT_ORIGINS, " http://127.0.0.1:9000 , https://files.example.test/ ,"));
        assertThat(config.attachmentOrigins())
                .containsExactly(
                        java.net.URI.create("http://127.0.0.1:9000"),
                        java.net.URI.create("https://files.example.test"));
        assertThat(LocalConfig.fromEnvironment(Map.of()).attachmentOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.test", "https://files.example.test/cards", "127.0.0.1:9000"})
    void anAttachmentOriginThatIsNotOneStopsTheStartNamingIt(String entry) {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of(LocalConfig.ATTACHMENT_ORIGINS, entry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LocalConfig.ATTACHMENT_ORIGINS)
                .hasMessageContaining(entry);
    }
}
