package dev.roastden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.command.ApplicationCommandJson;
import dev.roastden.core.json.Json;
import dev.roastden.emulators.discord.DiscordEmulator;
import dev.roastden.emulators.discord.DiscordSpec;
import dev.roastden.emulators.discord.Fault;
import dev.roastden.emulators.secrets.SecretsManagerEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The CLI against the Discord emulator, with request bodies checked against Discord's OpenAPI description. */
class RegisterCommandsTest {
    private static final String APP = "1200000000000000003";
    private static final String GUILD = "1200000000000000001";
    private static final String TOKEN = "test-only-bot-token";

    private DiscordEmulator discord;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        discord = DiscordEmulator.start();
        discord.requireBotToken(TOKEN);
        env.put("DISCORD_APPLICATION_ID", APP);
        env.put("DISCORD_BOT_TOKEN", TOKEN);
        env.put("DISCORD_API_BASE", discord.apiBase().toString());
    }

    @AfterEach
    void stop() {
        assertThat(discord.problems())
                .as("requests that do not match Discord's spec")
                .isEmpty();
        discord.close();
    }

    @Test
    void dryRunPrintsAPayloadThatMatchesDiscordsSpec() throws Exception {
        env.clear();
        int code = run("register", "--dry-run");
        assertThat(code).isEqualTo(RegisterCommands.OK);
        JsonNode printed = Json.mapper().readTree(stdout());
        assertThat(printed).isEqualTo(ApplicationCommandJson.catalog());
        DiscordSpec spec = DiscordSpec.get();
        DiscordSpec.Match match =
                spec.match("PUT", "/applications/" + APP + "/commands").orElseThrow();
        assertThat(spec.validateRequest(match, printed)).isEmpty();
        assertThat(discord.requests()).isEmpty();
    }

    @Test
    void registerThenDiffReportsNoChange() {
        assertThat(run("diff")).isEqualTo(RegisterCommands.CHANGES);
        assertThat(stdout())
                .contains(
                        "+ /roast",
                        "+ /ask",
                        "+ /remember",
                        "+ /forget",
                        "+ /persona",
                        "+ /memories",
                        "+ /optout",
                        "+ /optin",
                        "+ /settings",
                        "+ /usage",
                        "+ \"Roast this message\"",
                        "+ \"Remember this\"",
                        "+ \"Roast them\"");

        assertThat(run("register")).isEqualTo(RegisterCommands.OK);
        assertThat(discord.commands(APP))
                .extracting(c -> c.path("name").asText())
                .containsExactly(
                        "roast",
                        "ask",
                        "remember",
                        "forget",
                        "persona",
                        "memories",
                        "optout",
                        "optin",
                        "settings",
                        "usage",
                        "Roast this message",
                        "Remember this",
                        "Roast them");
        assertThat(discord.commands(APP))
                .extracting(c -> c.path("type").asInt())
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 2);

        out.reset();
        assertThat(run("diff")).isEqualTo(RegisterCommands.OK);
        assertThat(stdout()).contains("No change");
    }

    @Test
    void registersInOneServerListsAndDeletes() {
        int commands = dev.roastden.core.command.CommandCatalog.commands().size();
        assertThat(run("register", "--guild", GUILD)).isEqualTo(RegisterCommands.OK);
        assertThat(discord.guildCommands(APP, GUILD)).hasSize(commands);
        assertThat(discord.commands(APP)).isEmpty();

        out.reset();
        assertThat(run("list", "--guild", GUILD)).isEqualTo(RegisterCommands.OK);
        assertThat(stdout()).contains("/roast", "/forget");

        out.reset();
        assertThat(run("delete", "--guild", GUILD, "--yes")).isEqualTo(RegisterCommands.OK);
        assertThat(stdout()).contains("Deleted " + commands + " commands");
        assertThat(discord.guildCommands(APP, GUILD)).isEmpty();
    }

    @Test
    void deleteAsksFirstAndDeletesNothingWithoutAYes() {
        assertThat(run("register", "--guild", GUILD)).isEqualTo(RegisterCommands.OK);
        int registered = discord.guildCommands(APP, GUILD).size();
        for (String answer : new String[] {"", "n\n", "no\n", "whatever\n"}) {
            err.reset();
            assertThat(runAnswering(answer, "delete", "--guild", GUILD)).isEqualTo(RegisterCommands.USAGE);
            assertThat(stderr())
                    .contains("Delete " + registered + " commands")
                    .contains("[y/N]")
                    .contains("Nothing deleted")
                    .contains("--yes");
            assertThat(discord.guildCommands(APP, GUILD)).hasSize(registered);
        }
        assertThat(runAnswering("y\n", "delete", "--guild", GUILD)).isEqualTo(RegisterCommands.OK);
        assertThat(discord.guildCommands(APP, GUILD)).isEmpty();
    }

    @Test
    void idsMustBeSeventeenToTwentyDigits() {
        assertThat(run("list", "--guild", "12345")).isEqualTo(RegisterCommands.USAGE);
        assertThat(stderr()).contains("17–20 digits");
        err.reset();
        assertThat(run("list", "--application-id", "123456789012345678901")).isEqualTo(RegisterCommands.USAGE);
        assertThat(stderr()).contains("17–20 digits");
    }

    @Test
    void diffNoticesAChangedAndAnExtraCommand() throws Exception {
        var changed = ApplicationCommandJson.catalog();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.get(1)).put("description", "old text");
        changed.addObject().put("name", "karaoke").put("type", 1).put("description", "An old command");
        var seed = new RegisterCommands(env, print(out), print(err), HttpClient.newHttpClient(), id -> "");
        new DiscordCommandsApi(HttpClient.newHttpClient(), discord.apiBase().toString(), TOKEN)
                .overwrite("/applications/" + APP + "/commands", changed);
        assertThat(seed.run(new String[] {"diff"})).isEqualTo(RegisterCommands.CHANGES);
        assertThat(stdout()).contains("~ /ask").contains("- /karaoke").doesNotContain("/roast");
    }

    @Test
    void aRefusedTokenExitsWithTheAuthCode() {
        env.put("DISCORD_BOT_TOKEN", "wrong");
        assertThat(run("register")).isEqualTo(RegisterCommands.AUTH);
        assertThat(stderr()).contains("401").doesNotContain("wrong");
    }

    @Test
    void aForbiddenServerExitsWithTheAuthCodeAndSaysWhatToCheck() {
        discord.failNext(DiscordEmulator.anyRequest(), Fault.missingAccess());
        assertThat(run("register", "--guild", GUILD)).isEqualTo(RegisterCommands.AUTH);
        assertThat(stderr())
                .contains("403")
                .contains("applications.commands")
                .contains("Discord says: Missing Access")
                .doesNotContain(TOKEN);
        assertThat(discord.guildCommands(APP, GUILD)).isEmpty();
    }

    @Test
    void anotherDiscordErrorExitsWithTheApiErrorCode() {
        discord.failNext(DiscordEmulator.anyRequest(), Fault.serverError());
        assertThat(run("list")).isEqualTo(RegisterCommands.API_ERROR);
        assertThat(stderr()).contains("Discord answered 500.").doesNotContain(TOKEN);
    }

    @Test
    void rateLimitingExitsWithItsOwnCodeAndSaysWhen() {
        discord.failNext(DiscordEmulator.anyRequest(), Fault.rateLimited(2.5));
        assertThat(run("register")).isEqualTo(RegisterCommands.RATE_LIMITED);
        assertThat(stderr()).contains("429").contains("2.5");
    }

    @Test
    void anUnreachableDiscordExitsWithTheNetworkCode() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        env.put("DISCORD_API_BASE", "http://127.0.0.1:" + closed + "/api/v10");
        assertThat(run("list")).isEqualTo(RegisterCommands.UNREACHABLE);
        assertThat(stderr()).contains("Could not reach Discord");
    }

    @Test
    void badArgumentsExplainThemselves() {
        assertThat(run()).isEqualTo(RegisterCommands.USAGE);
        assertThat(run("sing")).isEqualTo(RegisterCommands.USAGE);
        assertThat(run("register", "--guild")).isEqualTo(RegisterCommands.USAGE);
        assertThat(run("register", "--guild", "not-an-id")).isEqualTo(RegisterCommands.USAGE);
        env.remove("DISCORD_APPLICATION_ID");
        assertThat(run("list")).isEqualTo(RegisterCommands.USAGE);
        assertThat(stderr()).contains("DISCORD_APPLICATION_ID").contains("usage:");
        env.put("DISCORD_APPLICATION_ID", APP);
        env.remove("DISCORD_BOT_TOKEN");
        assertThat(run("list")).isEqualTo(RegisterCommands.USAGE);
        assertThat(stderr()).contains("--secret-id");
        assertThat(discord.requests()).isEmpty();
    }

    @Test
    void readsTheTokenFromSecretsManager() {
        env.remove("DISCORD_BOT_TOKEN");
        try (SecretsManagerEmulator secrets = SecretsManagerEmulator.start();
                SecretsManagerClient client = SecretsManagerClient.builder()
                        .endpointOverride(secrets.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            secrets.put("roastden/bot-token", "{\"token\":\"" + TOKEN + "\"}");
            RegisterCommands cli = new RegisterCommands(
                    env, print(out), print(err), HttpClient.newHttpClient(), id -> client.getSecretValue(
                                    b -> b.secretId(id))
                            .secretString());
            assertThat(cli.run(new String[] {"register", "--secret-id", "roastden/bot-token"}))
                    .isEqualTo(RegisterCommands.OK);
            assertThat(secrets.reads()).isEqualTo(1);
        }
        assertThat(discord.commands(APP))
                .hasSize(dev.roastden.core.command.CommandCatalog.commands().size());
    }

    @Test
    void sendsDiscordsUserAgentAndBotAuthorization() {
        run("register");
        var request = discord.requests().get(0);
        assertThat(request.header("User-Agent")).get().asString().startsWith("DiscordBot (");
        assertThat(request.header("Authorization")).contains("Bot " + TOKEN);
        assertThat(List.of(request)).hasSize(1);
    }

    private int runAnswering(String answer, String... args) {
        return new RegisterCommands(
                        env,
                        print(out),
                        print(err),
                        HttpClient.newHttpClient(),
                        id -> "",
                        new java.io.BufferedReader(new java.io.StringReader(answer)))
                .run(args);
    }

    private int run(String... args) {
        return new RegisterCommands(env, print(out), print(err), HttpClient.newHttpClient(), id -> "").run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
