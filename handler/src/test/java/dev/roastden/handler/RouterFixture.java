package dev.roastden.handler;

import static dev.roastden.handler.Interactions.MANAGE_SERVER;
import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.OTHER;
import static dev.roastden.handler.Interactions.modal;
import static dev.roastden.handler.Interactions.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.response.ResponseJson;
import java.util.List;
import java.util.Optional;

/** The router with a recording queue, in-memory reads and the bundled personas; answers read as Discord's JSON. */
abstract class RouterFixture {
    final RecordingQueue queue = new RecordingQueue();
    final FakePersonaReads reads = new FakePersonaReads();
    final PersonaCatalog bundled = PersonaCatalog.fromClasspath();
    final InteractionRouter router = new InteractionRouter(queue, bundled, reads);

    final DiscordUser member = user(MEMBER, "0");
    final DiscordUser other = user(OTHER, "0");
    final DiscordUser manager = user(OTHER, MANAGE_SERVER);

    JsonNode answer(Interaction interaction) {
        try {
            return Json.mapper()
                    .readTree(ResponseJson.write(router.route(interaction).response()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertPrivateMessage(JsonNode answer, String content) {
        assertThat(answer.path("type").asInt()).isEqualTo(4);
        assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(answer.path("data").path("content").asText()).isEqualTo(content);
        assertThat(answer.path("data").path("allowed_mentions").path("parse")).isEmpty();
    }

    static String customId(JsonNode modal) {
        return modal.path("data").path("custom_id").asText();
    }

    /** The prefilled value of the modal's text input {@code id}. */
    static String input(JsonNode modal, String id) {
        for (JsonNode row : modal.path("data").path("components")) {
            JsonNode input = row.path("components").get(0);
            if (input.path("custom_id").asText().equals(id)) {
                return input.path("value").asText(null);
            }
        }
        throw new AssertionError("no input " + id);
    }

    static Persona persona(String id, String name, Optional<String> higherSelf) {
        return new Persona(
                id,
                name,
                higherSelf,
                "always late",
                "The one who is always late.",
                List.of("late", "kind"),
                List.of("short sentences"),
                List.of(),
                "deadpan",
                List.of("Not this again."),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
    }
}
