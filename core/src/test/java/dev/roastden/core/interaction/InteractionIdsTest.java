package dev.roastden.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionIdsTest {
    private final InteractionParser parser = new InteractionParser();

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000000", "1310000000000000000", "18446744073709551615"})
    void acceptsSeventeenToTwentyDigitSnowflakes(String id) {
        assertThat(InteractionIds.isSnowflake(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1",
                "1000000000000000",
                "18446744073709551616",
                "123456789012345678901",
                "13100000000000000x0",
                " 1310000000000000000",
                "-131000000000000000",
                "\u0661\u0663\u0661\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660"
            })
    void refusesEverythingElse(String id) {
        assertThat(InteractionIds.isSnowflake(id)).isFalse();
    }

    @Test
    void passesEverySampleInteraction() throws Exception {
        for (String sample : new String[] {
            "ping", "roast", "ask", "remember", "forget-me", "forget-memory", "forget-persona", "autocomplete-persona"
        }) {
            Interaction interaction = parser.parse(InteractionParserTest.sample(sample));
            assertThatCode(() -> InteractionIds.check(interaction)).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"id\": \"1310000000000000001\"",
                "\"application_id\": \"1200000000000000003\"",
                "\"guild_id\": \"1200000000000000001\"",
                "\"channel_id\": \"1200000000000000002\"",
                "\"id\": \"100000000000000005\"",
                "\"value\": \"100000000000000006\"",
            })
    void refusesAnIdThatIsNotASnowflakeWhereverItIs(String field) throws Exception {
        String roast = new String(InteractionParserTest.sample("roast"), StandardCharsets.UTF_8);
        assertThat(roast).contains(field);
        String huge = "9".repeat(100_000);
        for (String bad : new String[] {huge, "42", "abc", "1310000000000000001 "}) {
            String body = roast.replace(field, field.substring(0, field.indexOf(':') + 2) + "\"" + bad + "\"");
            Interaction interaction = parser.parse(body.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> InteractionIds.check(interaction))
                    .isInstanceOf(MalformedInteractionException.class)
                    .hasMessageContaining("17–20 digits")
                    .hasMessageNotContaining(huge);
        }
    }

    @Test
    void refusesAResolvedUserKeyThatIsNotASnowflake() throws Exception {
        String roast = new String(InteractionParserTest.sample("roast"), StandardCharsets.UTF_8);
        String body = roast.replace("\"100000000000000006\": {", "\"x\": {");
        Interaction interaction = parser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InteractionIds.check(interaction)).isInstanceOf(MalformedInteractionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a/b", "tok\u00e9n", "%2e%2e"})
    void refusesATokenThatCouldNotBeOne(String token) throws Exception {
        String roast = new String(InteractionParserTest.sample("roast"), StandardCharsets.UTF_8);
        String body = roast.replace("test-only-token-roast", token);
        Interaction interaction = parser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InteractionIds.check(interaction))
                .isInstanceOf(MalformedInteractionException.class)
                .hasMessageContaining("token")
                .hasMessageNotContaining(token);
        String tooLong = roast.replace("test-only-token-roast", "a".repeat(InteractionIds.MAX_TOKEN_LENGTH + 1));
        Interaction longOne = parser.parse(tooLong.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InteractionIds.check(longOne)).isInstanceOf(MalformedInteractionException.class);
    }

    @Test
    void letsAFocusedAutocompleteOptionBeText() throws Exception {
        String body = "{\"type\":4,\"id\":\"1310000000000000001\",\"application_id\":\"1200000000000000003\","
                + "\"token\":\"t\",\"channel_id\":\"1200000000000000002\",\"user\":{\"id\":\"100000000000000005\"},"
                + "\"data\":{\"name\":\"remember\",\"options\":[{\"name\":\"about\",\"type\":6,\"value\":\"Ri\","
                + "\"focused\":true}]}}";
        Interaction interaction = parser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> InteractionIds.check(interaction)).doesNotThrowAnyException();
    }

    @Test
    void checksAContextMenuCommandsTargetAndItsMessage() throws Exception {
        String good = messageCommand("1300000000000000042", "1200000000000000002", "100000000000000006");
        assertThatCode(() -> InteractionIds.check(parser.parse(good.getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
        for (String bad : new String[] {
            messageCommand("42", "1200000000000000002", "100000000000000006"),
            messageCommand("1300000000000000042", "abc", "100000000000000006"),
            messageCommand("1300000000000000042", "1200000000000000002", "6")
        }) {
            Interaction interaction = parser.parse(bad.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> InteractionIds.check(interaction))
                    .isInstanceOf(MalformedInteractionException.class)
                    .hasMessageContaining("target")
                    .hasMessageContaining("17–20 digits");
        }
    }

    private static String messageCommand(String messageId, String channelId, String authorId) {
        return "{\"type\":2,\"id\":\"1310000000000000001\",\"application_id\":\"1200000000000000003\","
                + "\"token\":\"t\",\"guild_id\":\"1200000000000000001\",\"channel_id\":\"1200000000000000002\","
                + "\"member\":{\"user\":{\"id\":\"100000000000000005\"}},"
                + "\"data\":{\"name\":\"Roast this message\",\"type\":3,\"target_id\":\"" + messageId + "\","
                + "\"resolved\":{\"messages\":{\"" + messageId + "\":{\"id\":\"" + messageId + "\","
                + "\"channel_id\":\"" + channelId + "\",\"content\":\"hot take\","
                + "\"author\":{\"id\":\"" + authorId + "\",\"username\":\"riles\"}}}}}}";
    }
}
