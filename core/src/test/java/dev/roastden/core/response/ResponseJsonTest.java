package dev.roastden.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.response.InteractionResponse.AutocompleteResult;
import dev.roastden.core.response.InteractionResponse.ChannelMessage;
import dev.roastden.core.response.InteractionResponse.Choice;
import dev.roastden.core.response.InteractionResponse.DeferredChannelMessage;
import dev.roastden.core.response.InteractionResponse.Pong;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact callback JSON Discord receives, byte for byte. */
class ResponseJsonTest {
    @Test
    void pong() {
        assertThat(ResponseJson.write(new Pong())).isEqualTo("{\"type\":1}");
    }

    @Test
    void privateMessageNeverPingsAnyone() {
        assertThat(ResponseJson.write(ChannelMessage.privately("Nope.")))
                .isEqualTo("{\"type\":4,\"data\":{\"content\":\"Nope.\",\"allowed_mentions\":{\"parse\":[]},"
                        + "\"flags\":64}}");
    }

    @Test
    void publicMessageEscapesWhatJsonRequiresAndKeepsUnicode() {
        String content = "Sam \"Sammy\" said: é🔥 a/b \\ tab\tline\nend \u0001 <@123>";
        assertThat(ResponseJson.write(new ChannelMessage(content, false)))
                .isEqualTo("{\"type\":4,\"data\":{\"content\":\"Sam \\\"Sammy\\\" said: é🔥 a/b \\\\ tab\\tline\\nend "
                        + "\\u0001 <@123>\",\"allowed_mentions\":{\"parse\":[]}}}");
    }

    @Test
    void deferredPublicAndPrivate() {
        assertThat(ResponseJson.write(new DeferredChannelMessage(false))).isEqualTo("{\"type\":5}");
        assertThat(ResponseJson.write(new DeferredChannelMessage(true)))
                .isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
    }

    @Test
    void autocompleteChoicesInOrder() {
        assertThat(ResponseJson.write(new AutocompleteResult(
                        List.of(new Choice("Ford — the \"chef\"", "ford"), new Choice("Riley", "riley")))))
                .isEqualTo(
                        "{\"type\":8,\"data\":{\"choices\":[{\"name\":\"Ford — the \\\"chef\\\"\",\"value\":\"ford\"},"
                                + "{\"name\":\"Riley\",\"value\":\"riley\"}]}}");
        assertThat(ResponseJson.write(new AutocompleteResult(List.of())))
                .isEqualTo("{\"type\":8,\"data\":{\"choices\":[]}}");
    }
}
