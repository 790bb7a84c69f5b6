package dev.roastden.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.handler.RequestLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budgets through the whole local system: a manager closes the server's model budget with {@code /settings}, after
 * which a {@code /roast} gets the friendly "closed until" answer and no model call ({@code /usage} still counts
 * none). Its own system, since the closed budget would change every other flow.
 */
class BudgetPlaygroundFlowTest {
    private static final String SAM = "100000000000000005";
    private static final String RILEY = "100000000000000006";
    private static final String ADMIN = "100000000000000007";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;

    @BeforeAll
    static void start() throws IOException {
        system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aServerOverItsBudgetGetsTheClosedAnswerAndNoModelCall() throws Exception {
        JsonNode first =
                post("/playground/api/command", request(SAM, "roast", Map.of("target", RILEY, "persona", "bex")));
        assertThat(text(awaitReply(first.path("token").asText()))).contains("Bex");

        ObjectNode close = request(ADMIN, "settings", Map.of("monthly_budget_usd", "0"));
        close.put("subcommand", "set");
        JsonNode saved = post("/playground/api/command", close);
        assertThat(saved.path("response").path("data").path("flags").asInt()).isEqualTo(64);
        assertThat(text(awaitReply(saved.path("token").asText())))
                .contains("Saved")
                .contains("Monthly model budget: $0.00");

        JsonNode roast =
                post("/playground/api/command", request(SAM, "roast", Map.of("target", RILEY, "persona", "bex")));
        assertThat(text(awaitReply(roast.path("token").asText())))
                .contains("used up this server's model budget")
                .contains("closed until");

        JsonNode usage = post("/playground/api/command", request(ADMIN, "usage", Map.of()));
        assertThat(text(awaitReply(usage.path("token").asText())))
                .contains("Persona replies: 1")
                .contains("Top commands: /roast 1");
    }

    @Test
    void membersWithoutManageServerCannotChangeTheSettings() throws Exception {
        ObjectNode change = request(SAM, "settings", Map.of("per_member_per_minute", "30"));
        change.put("subcommand", "set");
        JsonNode sent = post("/playground/api/command", change);
        assertThat(text(awaitReply(sent.path("token").asText()))).contains("Manage Server");
    }

    private static ObjectNode request(String member, String command, Map<String, String> options) {
        return PlaygroundApi.request(member, command, options);
    }

    private static String text(JsonNode message) {
        return PlaygroundApi.text(message);
    }

    private static JsonNode awaitReply(String token) throws Exception {
        return PlaygroundApi.awaitReply(system.port(), token);
    }

    private static JsonNode get(String path) throws Exception {
        return PlaygroundApi.get(system.port(), path);
    }

    private static JsonNode post(String path, JsonNode body) throws Exception {
        return PlaygroundApi.post(system.port(), path, body);
    }
}
