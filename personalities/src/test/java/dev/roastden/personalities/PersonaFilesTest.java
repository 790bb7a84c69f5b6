package dev.roastden.personalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the shipped persona cards: every file named in {@code index.json} must satisfy {@code persona.schema.json},
 * be named after its id and be unique, and the index must name exactly the persona files on disk. The negative cases
 * prove the schema rejects the mistakes a persona author is most likely to make.
 */
class PersonaFilesTest {

    private static final String ROOT = "/personalities/";
    private static final String INDEX = "index.json";
    private static final String SCHEMA = "persona.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema;
    private static List<String> indexedIds;

    @BeforeAll
    static void loadSchemaAndIndex() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = factory.getSchema(readResource(SCHEMA), config);

        JsonNode personas = readResource(INDEX).path("personas");
        assertThat(personas.isArray())
                .as("%s must hold a \"personas\" array", INDEX)
                .isTrue();
        indexedIds = new ArrayList<>();
        personas.forEach(id -> {
            assertThat(id.isTextual())
                    .as("%s entry %s must be a string", INDEX, id)
                    .isTrue();
            indexedIds.add(id.asText());
        });
    }

    @Test
    void everyIndexedPersonaSatisfiesTheSchema() {
        Map<String, List<String>> errorsByFile = new LinkedHashMap<>();
        for (String id : indexedIds) {
            List<String> errors = problemsOf(id + ".json");
            if (!errors.isEmpty()) {
                errorsByFile.put(id + ".json", errors);
            }
        }

        String report = errorsByFile.entrySet().stream()
                .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue()))
                .collect(Collectors.joining("\n"));
        if (!report.isEmpty()) {
            System.out.println("Persona schema violations:\n" + report);
        }
        assertThat(errorsByFile)
                .as("persona files that violate %s:%n%s", SCHEMA, report)
                .isEmpty();
    }

    @Test
    void indexIsANonEmptyListOfDistinctSlugs() {
        assertThat(indexedIds).isNotEmpty().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
                .matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void fileNameEqualsId() {
        for (String id : indexedIds) {
            assertThat(requirePersona(id).path("id").asText())
                    .as("id inside %s.json", id)
                    .isEqualTo(id);
        }
    }

    @Test
    void idsAndDisplayNamesAreUniqueIgnoringCase() {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String id : indexedIds) {
            JsonNode persona = requirePersona(id);
            ids.add(persona.path("id").asText().toLowerCase(Locale.ROOT));
            names.add(persona.path("name").asText().toLowerCase(Locale.ROOT));
        }
        assertThat(ids).as("persona ids (case-insensitive)").doesNotHaveDuplicates();
        assertThat(names).as("persona display names (case-insensitive)").doesNotHaveDuplicates();
    }

    @Test
    void eachHigherSelfOwnsOnePersona() {
        List<String> higherSelves = indexedIds.stream()
                .map(id -> requirePersona(id).path("higher_self").asText())
                .collect(Collectors.toList());
        assertThat(higherSelves).as("higher_self ids across personas").doesNotHaveDuplicates();
    }

    @Test
    void everyShippedPersonaDeclaresItsOwnBoundaries() {
        for (String id : indexedIds) {
            assertThat(requirePersona(id).path("boundaries"))
                    .as("boundaries of %s", id)
                    .isNotEmpty();
        }
    }

    @Test
    void indexListsExactlyThePersonaFilesInTheResourceDirectory() throws IOException {
        Path dir = resourceDirectory();
        Set<String> personaFiles = new TreeSet<>();
        Set<String> strayFiles = new TreeSet<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString()).forEach(name -> {
                if (name.equals(INDEX) || name.equals(SCHEMA)) {
                    return;
                }
                if (name.endsWith(".json")) {
                    personaFiles.add(name);
                } else {
                    strayFiles.add(name);
                }
            });
        }

        Set<String> indexedFiles =
                indexedIds.stream().map(id -> id + ".json").collect(Collectors.toCollection(TreeSet::new));
        assertThat(strayFiles)
                .as("files in %s that are neither persona JSON nor the index or schema", dir)
                .isEmpty();
        assertThat(indexedFiles)
                .as("%s compared with the persona files in %s", INDEX, dir)
                .containsExactlyInAnyOrderElementsOf(personaFiles);
    }

    @Test
    void anUnmodifiedPersonaIsAccepted() {
        assertThat(validate(samplePersona())).isEmpty();
    }

    @Test
    void aPersonaWithOnlyTheRequiredFieldsIsAccepted() {
        ObjectNode persona = samplePersona();
        persona.remove(List.of("catchphrases", "memory_triggers", "boundaries", "avatar_url"));
        assertThat(validate(persona)).isEmpty();
    }

    @Test
    void anHttpsAvatarIsAccepted() {
        ObjectNode persona = samplePersona();
        persona.put("avatar_url", "https://cdn.example.com/avatars/ford.png");
        assertThat(validate(persona)).isEmpty();
    }

    /**
     * A mistake applied to an otherwise valid persona, and the error the schema must report for it: the failing
     * keyword, the JSON Pointer of the offending value ("" is the persona itself) and, for required and unknown
     * fields, the field name.
     */
    record Rejection(String mistake, Consumer<ObjectNode> apply, String keyword, String location, String property) {
        @Override
        public String toString() {
            return mistake;
        }
    }

    static Stream<Rejection> rejections() {
        return Stream.of(
                new Rejection(
                        "slug with capitals and underscore", p -> p.put("id", "Captain_Ford"), "pattern", "/id", null),
                new Rejection("slug with a trailing hyphen", p -> p.put("id", "ford-"), "pattern", "/id", null),
                new Rejection("slug with a trailing line break", p -> p.put("id", "ford\n"), "not", "/id", null),
                new Rejection("one-letter slug", p -> p.put("id", "f"), "minLength", "/id", null),
                new Rejection(
                        "missing required roast_style", p -> p.remove("roast_style"), "required", "", "roast_style"),
                new Rejection(
                        "missing required speech_patterns",
                        p -> p.remove("speech_patterns"),
                        "required",
                        "",
                        "speech_patterns"),
                new Rejection(
                        "unknown top-level field",
                        p -> p.put("real_name", "Someone Real"),
                        "additionalProperties",
                        "",
                        "real_name"),
                new Rejection(
                        "unknown field inside a memory trigger",
                        p -> firstTrigger(p).put("weight", 3),
                        "additionalProperties",
                        "/memory_triggers/0",
                        "weight"),
                new Rejection(
                        "higher_self that is too short to be a snowflake",
                        p -> p.put("higher_self", "12345"),
                        "pattern",
                        "/higher_self",
                        null),
                new Rejection(
                        "higher_self that is a mention, not an id",
                        p -> p.put("higher_self", "<@100000000000000001>"),
                        "pattern",
                        "/higher_self",
                        null),
                new Rejection(
                        "higher_self given as a JSON number",
                        p -> p.put("higher_self", 100000000000000001L),
                        "type",
                        "/higher_self",
                        null),
                new Rejection("empty name", p -> p.put("name", ""), "minLength", "/name", null),
                new Rejection(
                        "name Discord refuses for webhooks", p -> p.put("name", "Discord Ford"), "not", "/name", null),
                new Rejection(
                        "tagline longer than 120 characters",
                        p -> p.put("tagline", "a".repeat(121)),
                        "maxLength",
                        "/tagline",
                        null),
                new Rejection(
                        "tagline over two lines",
                        p -> p.put("tagline", "first line\nsecond line"),
                        "not",
                        "/tagline",
                        null),
                new Rejection("blank summary", p -> p.put("summary", "   "), "pattern", "/summary", null),
                new Rejection("no traits", p -> p.putArray("traits"), "minItems", "/traits", null),
                new Rejection(
                        "duplicate interests",
                        p -> p.putArray("interests").add("knots").add("knots"),
                        "uniqueItems",
                        "/interests",
                        null),
                new Rejection(
                        "uppercase memory keyword",
                        p -> ((ArrayNode) firstTrigger(p).get("keywords")).set(0, "Lighthouse"),
                        "pattern",
                        "/memory_triggers/0/keywords/0",
                        null),
                new Rejection(
                        "memory longer than 300 characters",
                        p -> firstTrigger(p).put("memory", "m".repeat(301)),
                        "maxLength",
                        "/memory_triggers/0/memory",
                        null),
                new Rejection(
                        "plain http avatar",
                        p -> p.put("avatar_url", "http://cdn.example.com/ford.png"),
                        "pattern",
                        "/avatar_url",
                        null));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("rejections")
    void theSchemaRejectsAMistake(Rejection rejection) {
        ObjectNode persona = samplePersona();
        rejection.apply().accept(persona);

        Set<ValidationMessage> errors = validate(persona);

        assertThat(errors)
                .as("errors for a persona with %s", rejection.mistake())
                .anySatisfy(error -> {
                    assertThat(error.getType()).isEqualTo(rejection.keyword());
                    assertThat(error.getInstanceLocation().toString()).isEqualTo(rejection.location());
                    if (rejection.property() != null) {
                        assertThat(error.getProperty()).isEqualTo(rejection.property());
                    }
                });
    }

    private static ObjectNode firstTrigger(ObjectNode persona) {
        return (ObjectNode) persona.get("memory_triggers").get(0);
    }

    /** A fresh, mutable copy of the first shipped persona; it carries every optional list, so mistakes can be planted. */
    private static ObjectNode samplePersona() {
        ObjectNode persona = (ObjectNode) requirePersona(indexedIds.get(0)).deepCopy();
        assertThat(persona.path("memory_triggers"))
                .as("sample persona memory triggers")
                .isNotEmpty();
        return persona;
    }

    private static Set<ValidationMessage> validate(JsonNode persona) {
        return schema.validate(persona);
    }

    /** Everything wrong with one persona file: missing, not JSON, or each schema violation. */
    private static List<String> problemsOf(String file) {
        JsonNode persona;
        try {
            persona = readResourceOrNull(file);
        } catch (UncheckedIOException e) {
            return List.of("not valid JSON: " + e.getCause().getMessage());
        }
        if (persona == null) {
            return List.of("listed in " + INDEX + " but missing from " + ROOT);
        }
        return validate(persona).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .collect(Collectors.toList());
    }

    private static JsonNode requirePersona(String id) {
        JsonNode persona = readResourceOrNull(id + ".json");
        if (persona == null) {
            fail("%s.json is listed in %s but missing from %s", id, INDEX, ROOT);
        }
        return persona;
    }

    private static JsonNode readResource(String file) {
        JsonNode node = readResourceOrNull(file);
        if (node == null) {
            fail("resource %s%s not found on the classpath", ROOT, file);
        }
        return node;
    }

    private static JsonNode readResourceOrNull(String file) {
        try (InputStream in = PersonaFilesTest.class.getResourceAsStream(ROOT + file)) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + ROOT + file, e);
        }
    }

    /** The persona resource folder as a file-system path (target/classes/personalities during the build). */
    private static Path resourceDirectory() {
        URL index = PersonaFilesTest.class.getResource(ROOT + INDEX);
        assertThat(index).as("%s%s on the classpath", ROOT, INDEX).isNotNull();
        assertThat(index.getProtocol())
                .as("persona resources must be read from a directory, not %s", index)
                .isEqualTo("file");
        try {
            return Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable resource location " + index, e);
        }
    }
}
