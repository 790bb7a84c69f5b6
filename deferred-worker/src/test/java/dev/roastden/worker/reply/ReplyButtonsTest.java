package dev.roastden.worker.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Buttons on a reply: saved with it, rendered as action rows of at most five. */
class ReplyButtonsTest {

    private static List<Reply.Button> buttons(int count) {
        List<Reply.Button> buttons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buttons.add(new Reply.Button(
                    "rd1:mp:" + i + ":-:-",
                    "Page " + i,
                    i == 0 ? Reply.Button.Style.PRIMARY : Reply.Button.Style.SECONDARY,
                    i == 1 ? Optional.of("▶️") : Optional.empty(),
                    i == 2));
        }
        return buttons;
    }

    @Test
    void buttonsSurviveSavingAndRestoring() {
        Reply reply = new Reply(Reply.Kind.NOTICE, Optional.empty(), Optional.empty(), "list", List.of(), buttons(3));

        assertThat(Reply.fromJson(reply.toJson())).isEqualTo(reply);
        Reply plain = Reply.notice("no buttons");
        assertThat(Reply.fromJson(plain.toJson())).isEqualTo(plain);
        assertThat(plain.toJson()).doesNotContain("\"buttons\"");
    }

    @Test
    void sevenButtonsBecomeTwoActionRowsOfFiveAndTwo() {
        Reply reply = new Reply(Reply.Kind.NOTICE, Optional.empty(), Optional.empty(), "list", List.of(), buttons(7));

        JsonNode rows = MessageRenderer.render(reply).path("components");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("type").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("components")).hasSize(5);
        assertThat(rows.get(1).path("components")).hasSize(2);
        JsonNode first = rows.get(0).path("components").get(0);
        assertThat(first.path("type").asInt()).isEqualTo(2);
        assertThat(first.path("style").asInt()).isEqualTo(1);
        assertThat(first.path("custom_id").asText()).isEqualTo("rd1:mp:0:-:-");
        assertThat(first.path("label").asText()).isEqualTo("Page 0");
        assertThat(rows.get(0)
                        .path("components")
                        .get(1)
                        .path("emoji")
                        .path("name")
                        .asText())
                .isEqualTo("▶️");
        assertThat(rows.get(0).path("components").get(2).path("disabled").asBoolean())
                .isTrue();
    }

    @Test
    void aReplyWithoutButtonsClearsAnyOnTheMessageItEdits() {
        JsonNode body = MessageRenderer.render(Reply.notice("done"));

        assertThat(body.has("components")).isTrue();
        assertThat(body.path("components")).isEmpty();
    }

    @Test
    void limitsAreCheckedWhenAButtonIsMade() {
        assertThatThrownBy(() ->
                        new Reply(Reply.Kind.NOTICE, Optional.empty(), Optional.empty(), "x", List.of(), buttons(26)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reply.Button("", "label", Reply.Button.Style.PRIMARY, Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reply.Button(
                        "rd1:mp:0:-:-", "x".repeat(81), Reply.Button.Style.PRIMARY, Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
