package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's official OpenAPI description of its HTTP API v10 (discord/discord-api-spec, MIT licence, copyright 2023
 * Discord), shipped unmodified as a resource. Matches request paths to operations and validates JSON bodies against
 * the operation's request schema, and responses against its 2xx response schema.
 */
public final class DiscordSpec {
    private static final String RESOURCE = "dev/roastden/emulators/discord/discord-openapi.json";
    private static final String BASE = "https://discord-spec.invalid/";
    private static final String DOCUMENT = BASE + "discord-openapi.json";
    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

    private static volatile DiscordSpec instance;

    private final List<Route> routes;
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private DiscordSpec(JsonNode document) {
        // The document is OpenAPI, not a schema: its own keywords (openapi, info, paths, x-discord-*) are
        // annotations, not something to warn about on every load.
        JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory((value, context) -> new AnnotationKeyword(value))
                .build();
        this.factory = JsonSchemaFactory.builder()
                .defaultMetaSchemaIri(meta.getIri())
                .metaSchema(meta)
                .schemaMappers(m -> m.mapPrefix(BASE, "classpath:dev/roastden/emulators/discord/"))
                .build();
        List<Route> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode op = method.getValue();
                if (!op.has("operationId")) {
                    continue;
                }
                String pointerToOp = "/paths/" + escape(path.getKey()) + "/" + method.getKey();
                Optional<String> requestPointer = op.path("requestBody")
                                .path("content")
                                .path("application/json")
                                .has("schema")
                        ? Optional.of(pointerToOp + "/requestBody/content/application~1json/schema")
                        : Optional.empty();
                Set<String> known = new LinkedHashSet<>();
                JsonNode requestSchema = op.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                JsonNode resolved = resolve(document, requestSchema);
                resolved.path("properties").fieldNames().forEachRemaining(known::add);
                Optional<String> responsePointer = Optional.empty();
                for (String status : List.of("200", "201")) {
                    if (op.path("responses").path(status).path("content").has("application/json")) {
                        responsePointer =
                                Optional.of(pointerToOp + "/responses/" + status + "/content/application~1json/schema");
                        break;
                    }
                }
                found.add(new Route(
                        method.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        op.get("operationId").asText(),
                        compile(path.getKey()),
                        requestPointer,
                        resolved.isObject() && resolved.has("properties") ? Set.copyOf(known) : Set.of(),
                        responsePointer));
            }
        }
        // Literal segments beat parameters: "/messages/@original" must win over "/messages/{message_id}".
        found.sort((a, b) -> Integer.compare(parameterCount(a.template), parameterCount(b.template)));
        this.routes = List.copyOf(found);
    }

    /** The spec, parsed once per JVM. */
    public static DiscordSpec get() {
        DiscordSpec local = instance;
        if (local == null) {
            synchronized (DiscordSpec.class) {
                local = instance;
                if (local == null) {
                    local = new DiscordSpec(readDocument());
                    instance = local;
                }
            }
        }
        return local;
    }

    private static JsonNode readDocument() {
        try (InputStream in = DiscordSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation for {@code method} and {@code path} (relative to {@code /api/v10}), with its path parameters. */
    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (!route.method.equals(method)) {
                continue;
            }
            Matcher matcher = route.pattern.matcher(path);
            if (matcher.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                Matcher names = PARAM.matcher(route.template);
                int group = 1;
                while (names.find()) {
                    params.put(names.group(1), matcher.group(group++));
                }
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** Problems with {@code body} as the request of the matched operation; empty when it conforms. */
    public List<String> validateRequest(Match match, JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (match.route.requestPointer.isEmpty()) {
            return problems;
        }
        for (ValidationMessage message :
                schema(match.route.requestPointer.get()).validate(body)) {
            problems.add(message.getMessage());
        }
        if (body.isObject() && !match.route.knownProperties.isEmpty()) {
            body.fieldNames().forEachRemaining(name -> {
                if (!match.route.knownProperties.contains(name)) {
                    problems.add("$." + name + ": is not a property of " + match.route.operationId + "'s request");
                }
            });
        }
        return problems;
    }

    /** Problems with {@code body} as the 2xx response of the matched operation; empty when it conforms. */
    public List<String> validateResponse(Match match, JsonNode body) {
        List<String> problems = new ArrayList<>();
        match.route.responsePointer.ifPresent(pointer -> {
            for (ValidationMessage message : schema(pointer).validate(body)) {
                problems.add(message.getMessage());
            }
        });
        return problems;
    }

    /** Problems with {@code body} as an instance of the spec's schema {@code name} (e.g. {@code MessageResponse}). */
    public List<String> validateSchema(String name, JsonNode body) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema("/components/schemas/" + name).validate(body)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
            JsonSchema schema = factory.getSchema(SchemaLocation.of(DOCUMENT + "#" + p), config);
            schema.initializeValidators();
            return schema;
        });
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                break;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append("([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static int parameterCount(String template) {
        int count = 0;
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static String escape(String pathKey) {
        return pathKey.replace("~", "~0").replace("/", "~1");
    }

    /** An operation of the spec. */
    static final class Route {
        final String method;
        final String template;
        final String operationId;
        final Pattern pattern;
        final Optional<String> requestPointer;
        final Set<String> knownProperties;
        final Optional<String> responsePointer;

        Route(
                String method,
                String template,
                String operationId,
                Pattern pattern,
                Optional<String> requestPointer,
                Set<String> knownProperties,
                Optional<String> responsePointer) {
            this.method = method;
            this.template = template;
            this.operationId = operationId;
            this.pattern = pattern;
            this.requestPointer = requestPointer;
            this.knownProperties = knownProperties;
            this.responsePointer = responsePointer;
        }
    }

    /** A request matched to an operation. */
    public static final class Match {
        private final Route route;
        private final Map<String, String> params;

        Match(Route route, Map<String, String> params) {
            this.route = route;
            this.params = Map.copyOf(params);
        }

        /** The spec's operation id, e.g. {@code update_original_webhook_message}. */
        public String operationId() {
            return route.operationId;
        }

        /** The spec's path template. */
        public String template() {
            return route.template;
        }

        /** The value of a path parameter, e.g. {@code webhook_token}. */
        public String param(String name) {
            return params.get(name);
        }
    }
}
