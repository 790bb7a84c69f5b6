package dev.roastden.gateway.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

class DiscordConnectionTest {
    @Test
    void mentionsNeedServerMessagesOnlyAndNoPrivilegedIntent() {
        assertThat(DiscordConnection.intents(false)).isEqualTo(EnumSet.of(GatewayIntent.GUILD_MESSAGES));
    }

    @Test
    void theMessageContentIntentIsOptIn() {
        assertThat(DiscordConnection.intents(true))
                .isEqualTo(EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT));
    }
}
