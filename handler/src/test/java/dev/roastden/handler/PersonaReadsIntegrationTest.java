package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.json.Json;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaItems;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.emulators.dynamodb.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The real wiring, its DynamoDB client and the signed request path against DynamoDB Local in this JVM: autocomplete
 * from a stored roster, the edit form from a stored persona, and the bundled answers when DynamoDB is down (a closed
 * port) or never answers (a socket that accepts and stays silent, bounded by the client's timeouts).
 */
class PersonaReadsIntegrationTest {
    private static final String TABLE = "roastden-memory";
    private static final String GUILD = "1200000000000000001";
    private static final String SAM = "100000000000000005";
    private static final String MANAGE_SERVER = "32";

    private static LocalDynamoDb dynamo;
    private static DynamoDbClient client;
    private final TestSigner signer = new TestSigner();

    @BeforeAll
    static void startDynamo() {
        dynamo = LocalDynamoDb.start();
        client = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        // The worker's table, as far as the handler reads it: pk and sk strings.
        client.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                        k -> k.attributeName(PersonaItems.PK).keyType(KeyType.HASH),
                        k -> k.attributeName(PersonaItems.SK).keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName(PersonaItems.PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(PersonaItems.SK).attributeType(ScalarAttributeType.S)));
        Roster roster = Roster.EMPTY
                .with(new RosterEntry("sam", "Sam", "always late", PersonaStatus.ACTIVE, Optional.of(SAM)))
                .with(new RosterEntry(
                        "sal", "Sal", "new here", PersonaStatus.PENDING, Optional.of("100000000000000009")))
                .hiding("mags", true);
        client.putItem(b -> b.tableName(TABLE)
                .item(Map.of(
                        PersonaItems.PK, s(PersonaItems.pk(GUILD)),
                        PersonaItems.SK, s(PersonaItems.ROSTER_SK),
                        PersonaItems.ROSTER, s(roster.toJson()),
                        PersonaItems.VERSION, AttributeValue.fromN("2"))));
        client.putItem(b -> b.tableName(TABLE)
                .item(Map.of(
                        PersonaItems.PK, s(PersonaItems.pk(GUILD)),
                        PersonaItems.SK, s(PersonaItems.personaSk("sam")),
                        PersonaItems.PERSONA,
                                s("{\"id\":\"sam\",\"name\":\"Sam\",\"tagline\":\"always late\","
                                        + "\"summary\":\"Late to everything, early to roast.\","
                                        + "\"traits\":[\"late\",\"loyal\"],\"speech_patterns\":[\"sighs a lot\"],"
                                        + "\"catchphrases\":[\"On my way.\"],\"roast_style\":\"deadpan\"}"),
                        PersonaItems.STATUS, s(PersonaStatus.ACTIVE.wire()),
                        PersonaItems.VERSION, AttributeValue.fromN("4"),
                        PersonaItems.HIGHER_SELF, s(SAM),
                        PersonaItems.CREATED_BY, s(SAM))));
        warmUpReads();
    }

    /**
     * DynamoDB Local's first reads in a fresh server take longer than the handler's 400 ms attempt on a busy machine
     * (its own classes loading in this JVM): read both items once here, so the tests see the handler's behaviour
     * rather than the emulator's start.
     */
    private static void warmUpReads() {
        for (String sk : List.of(PersonaItems.ROSTER_SK, PersonaItems.personaSk("sam"), PersonaItems.personaSk("x"))) {
            client.getItem(b -> b.tableName(TABLE)
                    .key(Map.of(PersonaItems.PK, s(PersonaItems.pk(GUILD)), PersonaItems.SK, s(sk)))
                    .projectionExpression("#r")
                    .expressionAttributeNames(Map.of("#r", PersonaItems.ROSTER)));
        }
    }

    @AfterAll
    static void stopDynamo() {
        client.close();
        dynamo.close();
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    /** What the request log said about the answers given without their read. */
    private List<String> fallbackDetails() {
        List<String> details = new ArrayList<>();
        for (String line : logged.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (line.contains("\"detail\"")) {
                try {
                    details.add(Json.mapper().readTree(line).path("detail").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return details;
    }

    /** The wired handler once its DynamoDB client is built, so a fallback can only come from the read itself. */
    private InteractionsHandler handler(URI dynamoEndpoint) {
        URI nowhere = URI.create("http://127.0.0.1:9");
        HandlerWiring.Wired wired = HandlerWiring.wire(
                new HandlerConfig(
                        signer.publicKeyHex(),
                        nowhere + "/000000000000/work",
                        "us-east-1",
                        Optional.of(nowhere),
                        Optional.of(TABLE),
                        Optional.of(dynamoEndpoint)),
                new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8)));
        assertThat(wired.reads()).isInstanceOf(DynamoPersonaReads.class);
        ((DynamoPersonaReads) wired.reads()).awaitClient();
        return new InteractionsHandler(wired.endpoint());
    }

    private ApiResponse call(InteractionsHandler handler, String body) {
        return ApiResponse.parse(TestSigner.invoke(handler, signer.event(body)));
    }

    private static String autocomplete(String command, String subcommand, String typed) {
        String persona = "{\"name\":\"persona\",\"type\":3,\"value\":\"" + typed + "\",\"focused\":true}";
        String options = subcommand.isEmpty()
                ? "[" + persona + "]"
                : "[{\"name\":\"" + subcommand + "\",\"type\":1,\"options\":[" + persona + "]}]";
        return interaction(4, "0", "{\"name\":\"" + command + "\",\"type\":1,\"options\":" + options + "}");
    }

    private static String edit(String persona, String permissions) {
        return interaction(
                2,
                permissions,
                "{\"name\":\"persona\",\"type\":1,\"options\":[{\"name\":\"edit\",\"type\":1,\"options\":"
                        + "[{\"name\":\"persona\",\"type\":3,\"value\":\"" + persona + "\"}]}]}");
    }

    private static String interaction(int type, String permissions, String data) {
        return "{\"type\":" + type + ",\"id\":\"1310000000000000007\",\"application_id\":\"1200000000000000003\","
                + "\"token\":\"test-only-token\",\"guild_id\":\"" + GUILD + "\",\"channel_id\":\"1200000000000000002\","
                + "\"member\":{\"permissions\":\"" + permissions + "\",\"user\":{\"id\":\"" + SAM
                + "\",\"username\":\"sam\"}},\"data\":" + data + "}";
    }

    private static List<String> values(ApiResponse response) {
        assertThat(response.type()).isEqualTo(8);
        List<String> values = new ArrayList<>();
        response.body()
                .path("data")
                .path("choices")
                .forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    private static List<String> names(ApiResponse response) {
        List<String> names = new ArrayList<>();
        response.body()
                .path("data")
                .path("choices")
                .forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static List<String> bundled(String typed) {
        return PersonaCatalog.fromClasspath().search(typed, 25).stream()
                .map(p -> p.id())
                .toList();
    }

    @Test
    void autocompleteOffersTheServersRosterActiveOnlyWhereAPersonaSpeaks() {
        InteractionsHandler handler = handler(dynamo.endpoint());

        ApiResponse roast = call(handler, autocomplete("roast", "", ""));
        assertThat(values(roast)).containsExactly("ford", "juniper", "bex", "sam");
        assertThat(names(roast)).contains("Sam — always late");

        ApiResponse edit = call(handler, autocomplete("persona", "edit", "sa"));
        assertThat(values(edit)).containsExactly("sam", "sal");
        assertThat(names(edit)).containsExactly("Sam — always late", "Sal — new here (pending)");
    }

    @Test
    void answersFromTheTableLogNoFallback() {
        InteractionsHandler handler = handler(dynamo.endpoint());
        call(handler, autocomplete("roast", "", ""));
        call(handler, edit("sam", "0"));
        assertThat(fallbackDetails()).isEmpty();
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("\"outcome\":\"autocomplete\"", "\"outcome\":\"modal\"");
    }

    @Test
    void anotherServerWithoutARosterGetsTheBundledPersonas() {
        InteractionsHandler handler = handler(dynamo.endpoint());
        String elsewhere = autocomplete("ask", "", "").replace(GUILD, "1200000000000000077");
        assertThat(values(call(handler, elsewhere))).containsExactlyElementsOf(bundled(""));
    }

    @Test
    void editOpensTheFormPrefilledFromTheStoredPersona() {
        ApiResponse response = call(handler(dynamo.endpoint()), edit("sam", "0"));

        assertThat(response.type()).isEqualTo(9);
        JsonNode data = response.body().path("data");
        assertThat(data.path("custom_id").asText()).isEqualTo("rd1:pe:sam:4:" + SAM);
        assertThat(data.path("title").asText()).isEqualTo("Edit Sam");
        assertThat(data.path("components")
                        .get(1)
                        .path("components")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("Late to everything, early to roast.");
        assertThat(data.path("components")
                        .get(2)
                        .path("components")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("late\nloyal");
    }

    @Test
    void editOfABundledPersonaTheServerHasNotStoredStartsAtVersionZero() {
        ApiResponse response = call(handler(dynamo.endpoint()), edit("juniper", MANAGE_SERVER));
        assertThat(response.type()).isEqualTo(9);
        assertThat(response.body().path("data").path("custom_id").asText()).startsWith("rd1:pe:juniper:0:");
    }

    @Test
    void whenDynamoDbIsDownAutocompleteAnswersWithTheBundledPersonasAndEditSaysTryAgain() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        InteractionsHandler handler = handler(URI.create("http://127.0.0.1:" + closedPort));

        assertThat(values(call(handler, autocomplete("roast", "", "fo")))).containsExactly("ford");
        assertTryAgain(call(handler, edit("sam", "0")));
        // The built client's GetItem failed: not a client still being built.
        assertThat(fallbackDetails())
                .containsExactly(
                        "GetItem ROSTER failed: SdkClientException", "GetItem PERSONA#sam failed: SdkClientException");
    }

    @Test
    void whenDynamoDbNeverAnswersTheTimeoutsBoundTheWaitAndTheBundledPersonasAnswer() throws IOException {
        // Accepts connections (the kernel's backlog does) and never reads or writes a byte.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InteractionsHandler handler = handler(URI.create("http://127.0.0.1:" + silent.getLocalPort()));

            assertThat(values(call(handler, autocomplete("persona", "show", ""))))
                    .containsExactlyElementsOf(bundled(""));
            assertTryAgain(call(handler, edit("sam", "0")));
            assertThat(fallbackDetails()).hasSize(2).allSatisfy(detail -> assertThat(detail)
                    .startsWith("GetItem ")
                    .contains("Timeout"));
        }
    }

    private static void assertTryAgain(ApiResponse response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.type()).isEqualTo(4);
        assertThat(response.flags()).isEqualTo(64);
        assertThat(response.content()).isEqualTo(PersonaCommands.EDIT_UNAVAILABLE);
    }
}
