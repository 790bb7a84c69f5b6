package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's rules for which in-line answer fits which interaction, beyond what the callback schema can say: a PING
 * gets a PONG, an autocomplete gets choices, a modal cannot answer a modal submit, a deferred update is only for
 * components (and modals opened from one), and a deferred message may only carry the EPHEMERAL flag.
 */
final class InteractionAnswers {
    private static final int PING = 1;
    private static final int AUTOCOMPLETE = 4;

    private InteractionAnswers() {}

    static List<String> check(InteractionState state, JsonNode response) {
        List<String> problems = new ArrayList<>();
        int type = response.path("type").asInt(-1);
        int interaction = state.type;
        if (interaction == PING && type != 1) {
            problems.add("a PING must be answered with type 1, not " + type);
        }
        if (interaction == AUTOCOMPLETE && type != 8) {
            problems.add("an autocomplete interaction must be answered with type 8, not " + type);
        }
        if (interaction != AUTOCOMPLETE && type == 8) {
            problems.add("type 8 (choices) only answers an autocomplete interaction");
        }
        if (type == 9 && (interaction == InteractionState.MODAL_SUBMIT || interaction == PING)) {
            problems.add("a modal (type 9) cannot answer a modal submit or a PING");
        }
        if ((type == 6 || type == 7)
                && interaction != InteractionState.MESSAGE_COMPONENT
                && !(interaction == InteractionState.MODAL_SUBMIT
                        && state.messageId().isPresent())) {
            problems.add("type " + type + " only answers a component (or a modal opened from one)");
        }
        if (type == 5) {
            int flags = response.path("data").path("flags").asInt(0);
            if ((flags & ~MessageFactory.EPHEMERAL) != 0) {
                problems.add("a deferred message (type 5) may only carry the EPHEMERAL flag, had " + flags);
            }
        }
        if (type == 9) {
            JsonNode data = response.path("data");
            int rows = data.path("components").size();
            if (rows < 1 || rows > 5) {
                problems.add("a modal has one to five components, had " + rows);
            }
            if (data.path("title").asText("").length() > 45) {
                problems.add("a modal title is at most 45 characters");
            }
        }
        return problems;
    }
}
