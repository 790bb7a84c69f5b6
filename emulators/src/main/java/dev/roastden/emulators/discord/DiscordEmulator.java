package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.emulators.http.HttpExchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Discord REST endpoints Roast Den calls, served in this JVM: interaction webhooks (edit, read and delete the
 * original response, follow-ups), channel messages (create, with Discord's {@code enforce_nonce} deduplication, and
 * list), typing, and application command registration (global and guild). Every request is recorded; JSON bodies are validated against Discord's official OpenAPI spec (and against
 * the spec's property names, so a misspelt field is caught), the User-Agent and content type are checked, and a
 * script can answer chosen requests with 429 (with {@code Retry-After}), 404 (10015, 10008) or 5xx instead.
 *
 * <p>Invalid requests are answered like Discord does, 400 with code 50035, and keep their problems in {@link
 * RecordedRequest#problems()}.
 */
public final class DiscordEmulator implements AutoCloseable {
    /** Operation ids from the official spec, for matching recorded requests. */
    public static final String PATCH_ORIGINAL = "update_original_webhook_message";

    public static final String GET_ORIGINAL = "get_original_webhook_message";
    public static final String DELETE_ORIGINAL = "delete_original_webhook_message";
    public static final String EXECUTE_WEBHOOK = "execute_webhook";
    public static final String CREATE_MESSAGE = "create_message";
    public static final String LIST_MESSAGES = "list_messages";
    public static final String TRIGGER_TYPING = "trigger_typing_indicator";

    /** How long a message's nonce is remembered when it is created with {@code enforce_nonce}. */
    public static final Duration NONCE_WINDOW = Duration.ofMinutes(2);

    /** Message flag Discord sets on a deferred response while the app is "thinking". */
    public static final int LOADING = 1 << 7;

    private static final String API_PREFIX = "/api/v10";
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final Pattern USER_AGENT = Pattern.compile("^DiscordBot \\(\\S+, [^)\\s]+\\).*");
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
    private static final Set<String> BOT_ROUTES = Set.of(
            CREATE_MESSAGE,
            LIST_MESSAGES,
            TRIGGER_TYPING,
            "list_application_commands",
            "bulk_set_application_commands",
            "create_application_command",
            "get_application_command",
            "update_application_command",
            "delete_application_command",
            "list_guild_application_commands",
            "bulk_set_guild_application_commands",
            "create_guild_application_command",
            "get_guild_application_command",
            "update_guild_application_command",
            "delete_guild_application_command");
    private static final Set<String> WEBHOOK_ROUTES =
            Set.of(PATCH_ORIGINAL, GET_ORIGINAL, DELETE_ORIGINAL, EXECUTE_WEBHOOK);

    private final ObjectMapper mapper = new ObjectMapper();
    private final DiscordSpec spec = DiscordSpec.get();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<ScriptedFault> script = new ArrayDeque<>();
    private final Map<String, InteractionState> interactions = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> channelMessages = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> commands = new LinkedHashMap<>();
    private final Map<String, SentNonce> nonces = new LinkedHashMap<>();
    private volatile Function<RecordedRequest, Optional<Fault>> faultInjector = r -> Optional.empty();
    private volatile Optional<String> botToken = Optional.empty();
    private volatile boolean strictTokens;
    private volatile String botUserId = "1";

    private DiscordEmulator(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts on a free loopback port. */
    public static DiscordEmulator start() {
        return start(0, Clock.systemUTC());
    }

    /** Starts on {@code port} (0 picks a free one), stamping messages with {@code clock}. */
    public static DiscordEmulator start(int port, Clock clock) {
        try {
            HttpServer server = HttpExchanges.loopbackServer(port);
            ExecutorService executor = HttpExchanges.daemonPool(8, "discord-emulator");
            DiscordEmulator emulator = new DiscordEmulator(server, executor, clock);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("The Discord emulator did not start", e);
        }
    }

    /** The API base to configure instead of {@code https://discord.com/api/v10}. */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API_PREFIX);
    }

    /** Requires {@code Authorization: Bot <token>} with exactly this token on bot routes (default: any token). */
    public void requireBotToken(String token) {
        this.botToken = Optional.of(token);
    }

    /** The bot user's id, the author of the messages the bot creates (default {@code 1}). */
    public void botUserId(String id) {
        this.botUserId = id;
    }

    /** When on, webhook calls for tokens never {@link #registerInteraction registered} get 404 10015. */
    public void strictTokens(boolean strict) {
        this.strictTokens = strict;
    }

    /** Records that Discord received an interaction and showed its deferred "thinking…" response. */
    public synchronized void registerInteraction(String applicationId, String token, String channelId) {
        interactions.put(token, new InteractionState(applicationId, token, channelId));
    }

    /** Makes the token invalid, as 15 minutes after the interaction: later webhook calls get 404 10015. */
    public synchronized void expireInteraction(String token) {
        interaction(token, "0").expired = true;
    }

    /** Deletes the original response, as a user can: later calls on it get 404 10008. */
    public synchronized void deleteOriginal(String token) {
        interaction(token, "0").deleted = true;
    }

    /**
     * The original response of the interaction with this token, as Discord would return it, plus the emulator-only
     * field {@code pinged_user_ids}: the users the last edit actually pinged under its {@code allowed_mentions}.
     */
    public synchronized Optional<JsonNode> originalMessage(String token) {
        InteractionState state = interactions.get(token);
        return state == null ? Optional.empty() : Optional.of(state.original.deepCopy());
    }

    /** The follow-up messages created for the interaction with this token. */
    public synchronized List<JsonNode> followUps(String token) {
        InteractionState state = interactions.get(token);
        return state == null ? List.of() : List.copyOf(state.followUps);
    }

    /** The messages created in a channel (each with the emulator-only {@code pinged_user_ids}). */
    public synchronized List<JsonNode> channelMessages(String channelId) {
        return List.copyOf(channelMessages.getOrDefault(channelId, List.of()));
    }

    /** The registered global commands of an application. */
    public synchronized List<JsonNode> commands(String applicationId) {
        return List.copyOf(commands.getOrDefault(applicationId, Map.of()).values());
    }

    /** The registered commands of an application in a guild. */
    public synchronized List<JsonNode> guildCommands(String applicationId, String guildId) {
        return List.copyOf(
                commands.getOrDefault(applicationId + "/" + guildId, Map.of()).values());
    }

    /** Every request so far, oldest first. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests for one spec operation, oldest first. */
    public synchronized List<RecordedRequest> requests(String operationId) {
        return requests.stream()
                .filter(r -> r.operationId().equals(operationId))
                .toList();
    }

    /** Every problem found in any request so far. */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : requests) {
            r.problems().forEach(p -> out.add(r.method() + " " + r.operationId() + ": " + p));
        }
        return out;
    }

    /** Forgets recorded requests (state such as messages and commands stays). */
    public synchronized void clearRequests() {
        requests.clear();
    }

    /** Answers the next requests that match {@code which} with {@code faults}, one each, in order. */
    public synchronized void failNext(Predicate<RecordedRequest> which, Fault... faults) {
        for (Fault fault : faults) {
            script.addLast(new ScriptedFault(which, fault));
        }
    }

    /** Decides per request whether to fail it (after the {@link #failNext script}); for chaos tests. */
    public void setFaultInjector(Function<RecordedRequest, Optional<Fault>> injector) {
        this.faultInjector = injector;
    }

    /** Matches PATCHes of original responses. */
    public static Predicate<RecordedRequest> patchOriginal() {
        return RecordedRequest::isPatchOriginal;
    }

    /** Matches every request. */
    public static Predicate<RecordedRequest> anyRequest() {
        return r -> true;
    }

    /**
     * The users a message body actually pings, following Discord's rules for webhooks and interactions: without
     * {@code allowed_mentions}, every user mentioned in {@code content}; with it, only what it allows.
     */
    public static Set<String> pingedUsers(JsonNode body) {
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher m = USER_MENTION.matcher(body.path("content").asText(""));
        while (m.find()) {
            mentioned.add(m.group(1));
        }
        JsonNode allowed = body.get("allowed_mentions");
        if (allowed == null || allowed.isNull()) {
            return mentioned;
        }
        boolean parseUsers = false;
        for (JsonNode p : allowed.path("parse")) {
            parseUsers |= p.asText().equals("users");
        }
        if (parseUsers) {
            return mentioned;
        }
        Set<String> listed = new LinkedHashSet<>();
        allowed.path("users").forEach(u -> listed.add(u.asText()));
        mentioned.retainAll(listed);
        return mentioned;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String fullPath = exchange.getRequestURI().getRawPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            Map<String, String> headers = HttpExchanges.headers(exchange);
            String body = HttpExchanges.body(exchange);
            if (!fullPath.startsWith(API_PREFIX + "/")) {
                HttpExchanges.send(exchange, 404, "application/json", "{\"message\":\"404: Not Found\",\"code\":0}");
                return;
            }
            String path = fullPath.substring(API_PREFIX.length());
            Optional<DiscordSpec.Match> match = spec.match(method, path);
            List<String> problems = new ArrayList<>();
            String ua = headers.get("user-agent");
            if (ua == null || !USER_AGENT.matcher(ua).matches()) {
                problems.add("User-Agent must look like 'DiscordBot ($url, $versionNumber)', was '" + ua + "'");
            }
            JsonNode json = null;
            if (!body.isEmpty()) {
                String contentType = headers.getOrDefault("content-type", "");
                if (!contentType.startsWith("application/json")) {
                    problems.add("Content-Type must be application/json, was '" + contentType + "'");
                }
                try {
                    json = mapper.readTree(body);
                } catch (IOException notJson) {
                    problems.add("The body is not JSON");
                }
            }
            if (match.isPresent() && json != null) {
                problems.addAll(spec.validateRequest(match.get(), json));
            }
            String operationId = match.map(DiscordSpec.Match::operationId).orElse("unknown");
            if (operationId.equals(LIST_MESSAGES)) {
                problems.addAll(listQueryProblems(HttpExchanges.query(query)));
            }
            Map<String, String> params = new LinkedHashMap<>();
            if (match.isPresent()) {
                for (String name : List.of(
                        "webhook_id", "webhook_token", "channel_id", "application_id", "guild_id", "command_id")) {
                    String value = match.get().param(name);
                    if (value != null) {
                        params.put(name, value);
                    }
                }
            }
            RecordedRequest request = new RecordedRequest(
                    method,
                    path,
                    query,
                    operationId,
                    params,
                    headers,
                    body,
                    Optional.ofNullable(json),
                    problems,
                    0,
                    clock.instant());
            Reply reply = respond(request);
            synchronized (this) {
                requests.add(request.answered(reply.status));
            }
            if (reply.retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter);
                exchange.getResponseHeaders().set("X-RateLimit-Scope", "user");
            }
            HttpExchanges.send(exchange, reply.status, "application/json", reply.body);
        } catch (RuntimeException e) {
            HttpExchanges.send(exchange, 500, "application/json", "{\"message\":\"emulator error\",\"code\":0}");
        }
    }

    private Reply respond(RecordedRequest request) throws IOException {
        String op = request.operationId();
        if (!BOT_ROUTES.contains(op) && !WEBHOOK_ROUTES.contains(op)) {
            return error(404, 0, "404: Not Found");
        }
        if (BOT_ROUTES.contains(op)) {
            String auth = request.header("authorization").orElse("");
            boolean ok = auth.startsWith("Bot ")
                    && auth.length() > 4
                    && botToken.map(t -> auth.equals("Bot " + t)).orElse(true);
            if (!ok) {
                return error(401, 0, "401: Unauthorized");
            }
        }
        if (request.header("user-agent")
                .map(ua -> !USER_AGENT.matcher(ua).matches())
                .orElse(true)) {
            return error(403, 0, "User-Agent rejected");
        }
        if (!request.problems().isEmpty()) {
            ObjectNode body = mapper.createObjectNode();
            body.put("code", 50035);
            body.put("message", "Invalid Form Body");
            ArrayNode errors = body.putObject("errors").putArray("_errors");
            request.problems()
                    .forEach(p -> errors.addObject().put("code", "INVALID").put("message", p));
            return new Reply(400, mapper.writeValueAsString(body), null);
        }
        Optional<Fault> fault = nextFault(request);
        if (fault.isPresent()) {
            return fault(fault.get());
        }
        synchronized (this) {
            return route(request);
        }
    }

    private Optional<Fault> nextFault(RecordedRequest request) {
        synchronized (this) {
            Iterator<ScriptedFault> it = script.iterator();
            while (it.hasNext()) {
                ScriptedFault scripted = it.next();
                if (scripted.which.test(request)) {
                    it.remove();
                    return Optional.of(scripted.fault);
                }
            }
        }
        return faultInjector.apply(request);
    }

    private Reply route(RecordedRequest request) throws IOException {
        String op = request.operationId();
        JsonNode json = request.json().orElse(mapper.createObjectNode());
        if (WEBHOOK_ROUTES.contains(op)) {
            String token = request.params().get("webhook_token");
            InteractionState state = interactions.get(token);
            if (state == null && strictTokens) {
                return error(404, 10015, "Unknown Webhook");
            }
            state = interaction(token, request.params().get("webhook_id"));
            if (state.expired || !state.applicationId.equals(request.params().get("webhook_id"))) {
                return error(404, 10015, "Unknown Webhook");
            }
            if (op.equals(EXECUTE_WEBHOOK)) {
                ObjectNode message = message(state.channelId, json, 20, true);
                message.put("webhook_id", state.applicationId);
                message.put("application_id", state.applicationId);
                state.followUps.add(message);
                return ok(message);
            }
            if (state.deleted) {
                return error(404, 10008, "Unknown Message");
            }
            switch (op) {
                case GET_ORIGINAL:
                    return ok(state.original);
                case DELETE_ORIGINAL:
                    state.deleted = true;
                    return new Reply(204, null, null);
                case PATCH_ORIGINAL:
                default:
                    apply(state.original, json);
                    state.edits++;
                    return ok(state.original);
            }
        }
        switch (op) {
            case TRIGGER_TYPING:
                return new Reply(204, null, null);
            case CREATE_MESSAGE:
                return createMessage(request, json);
            case LIST_MESSAGES:
                return listMessages(request);
            default:
                return commandRoute(request, json);
        }
    }

    private Reply createMessage(RecordedRequest request, JsonNode json) throws IOException {
        String channelId = request.params().get("channel_id");
        Optional<String> nonce =
                json.hasNonNull("nonce") ? Optional.of(json.get("nonce").asText()) : Optional.empty();
        boolean enforced = nonce.isPresent() && json.path("enforce_nonce").asBoolean(false);
        // Discord keys the nonce on the message's author: the bot behind the token.
        String nonceKey = request.header("authorization").orElse("") + "\n" + nonce.orElse("");
        Instant now = clock.instant();
        nonces.values().removeIf(sent -> !now.isBefore(sent.at().plus(NONCE_WINDOW)));
        if (enforced && nonces.containsKey(nonceKey)) {
            return ok(nonces.get(nonceKey).message());
        }
        ObjectNode message = message(channelId, json, json.has("message_reference") ? 19 : 0, false);
        if (json.has("message_reference")) {
            message.set("message_reference", json.get("message_reference"));
            // A reply is always newer than the message it replies to, even when the clock stands still.
            String referenced =
                    json.path("message_reference").path("message_id").asText("");
            if (SNOWFLAKE.matcher(referenced).matches()
                    && Long.compareUnsigned(id(message), Long.parseUnsignedLong(referenced)) <= 0) {
                message.put(
                        "id", Long.toUnsignedString(Long.parseUnsignedLong(referenced) + sequence.incrementAndGet()));
            }
        }
        nonce.ifPresent(n -> message.put("nonce", n));
        channelMessages.computeIfAbsent(channelId, c -> new ArrayList<>()).add(message);
        if (enforced) {
            nonces.put(nonceKey, new SentNonce(message, now));
        }
        return ok(message);
    }

    /** Newest first, like Discord; {@code after} gives the {@code limit} messages right after that id. */
    private Reply listMessages(RecordedRequest request) throws IOException {
        Map<String, String> query = HttpExchanges.query(request.query());
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        List<ObjectNode> all =
                new ArrayList<>(channelMessages.getOrDefault(request.params().get("channel_id"), List.of()));
        all.sort((a, b) -> Long.compareUnsigned(id(a), id(b)));
        List<ObjectNode> picked = new ArrayList<>();
        if (query.containsKey("after")) {
            long after = Long.parseUnsignedLong(query.get("after"));
            for (ObjectNode m : all) {
                if (Long.compareUnsigned(id(m), after) > 0 && picked.size() < limit) {
                    picked.add(m);
                }
            }
        } else {
            long before = query.containsKey("before") ? Long.parseUnsignedLong(query.get("before")) : -1L;
            for (int i = all.size() - 1; i >= 0 && picked.size() < limit; i--) {
                if (Long.compareUnsigned(id(all.get(i)), before) < 0) {
                    picked.add(0, all.get(i));
                }
            }
        }
        ArrayNode out = mapper.createArrayNode();
        for (int i = picked.size() - 1; i >= 0; i--) {
            out.add(picked.get(i));
        }
        return ok(out);
    }

    private static long id(JsonNode message) {
        return Long.parseUnsignedLong(message.path("id").asText("0"));
    }

    private static List<String> listQueryProblems(Map<String, String> query) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            switch (e.getKey()) {
                case "around", "before", "after" -> {
                    if (!SNOWFLAKE.matcher(e.getValue()).matches()) {
                        problems.add("query " + e.getKey() + " must be a snowflake, was '" + e.getValue() + "'");
                    }
                }
                case "limit" -> {
                    if (!e.getValue().matches("\\d{1,3}")
                            || Integer.parseInt(e.getValue()) < 1
                            || Integer.parseInt(e.getValue()) > 100) {
                        problems.add("query limit must be an integer from 1 to 100, was '" + e.getValue() + "'");
                    }
                }
                default -> problems.add("unknown query parameter '" + e.getKey() + "'");
            }
        }
        if (query.keySet().stream().filter(k -> !k.equals("limit")).count() > 1) {
            problems.add("around, before and after are mutually exclusive");
        }
        return problems;
    }

    private Reply commandRoute(RecordedRequest request, JsonNode json) throws IOException {
        String app = request.params().get("application_id");
        String guild = request.params().get("guild_id");
        String key = guild == null ? app : app + "/" + guild;
        Map<String, ObjectNode> registered = commands.computeIfAbsent(key, k -> new LinkedHashMap<>());
        String op = request.operationId().replace("guild_", "");
        String commandId = request.params().get("command_id");
        switch (op) {
            case "list_application_commands":
                return ok(mapper.valueToTree(new ArrayList<>(registered.values())));
            case "bulk_set_application_commands": {
                Map<String, ObjectNode> next = new LinkedHashMap<>();
                for (JsonNode item : json) {
                    ObjectNode existing = findByName(registered, item);
                    ObjectNode command = command(app, guild, item, existing);
                    next.put(command.get("id").asText(), command);
                }
                registered.clear();
                registered.putAll(next);
                return ok(mapper.valueToTree(new ArrayList<>(registered.values())));
            }
            case "create_application_command": {
                ObjectNode existing = findByName(registered, json);
                ObjectNode command = command(app, guild, json, existing);
                registered.put(command.get("id").asText(), command);
                return new Reply(existing == null ? 201 : 200, mapper.writeValueAsString(command), null);
            }
            case "get_application_command":
                return registered.containsKey(commandId)
                        ? ok(registered.get(commandId))
                        : error(404, 10063, "Unknown application command");
            case "update_application_command": {
                ObjectNode existing = registered.get(commandId);
                if (existing == null) {
                    return error(404, 10063, "Unknown application command");
                }
                ObjectNode merged = existing.deepCopy();
                json.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                ObjectNode command = command(app, guild, merged, existing);
                registered.put(commandId, command);
                return ok(command);
            }
            case "delete_application_command":
                return registered.remove(commandId) != null
                        ? new Reply(204, null, null)
                        : error(404, 10063, "Unknown application command");
            default:
                return error(404, 0, "404: Not Found");
        }
    }

    private static ObjectNode findByName(Map<String, ObjectNode> registered, JsonNode item) {
        int type = item.path("type").asInt(1);
        for (ObjectNode existing : registered.values()) {
            if (existing.path("name").asText().equals(item.path("name").asText())
                    && existing.path("type").asInt(1) == type) {
                return existing;
            }
        }
        return null;
    }

    private ObjectNode command(String app, String guild, JsonNode item, ObjectNode existing) {
        ObjectNode command = mapper.createObjectNode();
        command.put("id", existing != null ? existing.get("id").asText() : snowflake());
        command.put("application_id", app);
        command.put("version", snowflake());
        JsonNode permissions = item.get("default_member_permissions");
        if (permissions == null || permissions.isNull()) {
            command.putNull("default_member_permissions");
        } else {
            command.put("default_member_permissions", permissions.asText());
        }
        command.put("type", item.path("type").asInt(1));
        command.put("name", item.path("name").asText());
        command.put("description", item.path("description").asText(""));
        if (guild != null) {
            command.put("guild_id", guild);
        }
        for (String copy : List.of(
                "options",
                "contexts",
                "integration_types",
                "nsfw",
                "name_localizations",
                "description_localizations",
                "handler")) {
            if (item.has(copy) && !item.get(copy).isNull()) {
                command.set(copy, item.get(copy));
            }
        }
        return command;
    }

    private InteractionState interaction(String token, String applicationId) {
        return interactions.computeIfAbsent(token, t -> new InteractionState(applicationId, t, "0"));
    }

    private void apply(ObjectNode original, JsonNode patch) {
        if (patch.has("content")) {
            original.put(
                    "content",
                    patch.get("content").isNull() ? "" : patch.get("content").asText());
        }
        if (patch.has("embeds")) {
            ArrayNode embeds = original.putArray("embeds");
            for (JsonNode embed : patch.path("embeds")) {
                ObjectNode copy = embed.deepCopy();
                copy.put("type", "rich");
                embeds.add(copy);
            }
        }
        if (patch.has("components")) {
            original.set("components", patch.get("components"));
        }
        int flags = original.path("flags").asInt(0) & ~LOADING;
        if (patch.has("flags") && !patch.get("flags").isNull()) {
            flags |= patch.get("flags").asInt();
        }
        original.put("flags", flags);
        original.put("edited_timestamp", clock.instant().toString());
        original.set("pinged_user_ids", mapper.valueToTree(pingedUsers(patch)));
    }

    private ObjectNode message(String channelId, JsonNode body, int type, boolean fromWebhook) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", snowflake());
        message.put("channel_id", channelId);
        ObjectNode author = message.putObject("author");
        author.put("id", botUserId);
        author.put("username", "roastden");
        author.putNull("avatar");
        author.put("discriminator", "0000");
        author.put("public_flags", 0);
        author.put("flags", 0);
        author.putNull("global_name");
        author.putNull("primary_guild");
        author.put("bot", true);
        message.put("content", body.path("content").asText(""));
        message.put("timestamp", clock.instant().toString());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        ArrayNode embeds = message.putArray("embeds");
        for (JsonNode embed : body.path("embeds")) {
            ObjectNode copy = embed.deepCopy();
            copy.put("type", "rich");
            embeds.add(copy);
        }
        message.putArray("components");
        message.put("pinned", false);
        message.put("type", type);
        message.put("flags", body.path("flags").asInt(0));
        message.set("pinged_user_ids", mapper.valueToTree(pingedUsers(body)));
        return message;
    }

    private Reply ok(JsonNode body) throws IOException {
        JsonNode copy = body.deepCopy();
        stripPrivate(copy);
        return new Reply(200, mapper.writeValueAsString(copy), null);
    }

    private static void stripPrivate(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("pinged_user_ids");
        } else if (node instanceof ArrayNode array) {
            array.forEach(DiscordEmulator::stripPrivate);
        }
    }

    private Reply error(int status, int code, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("message", message);
        body.put("code", code);
        return new Reply(status, mapper.writeValueAsString(body), null);
    }

    private Reply fault(Fault fault) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("message", fault.message());
        body.put("code", fault.code());
        String retryAfter = null;
        if (fault.retryAfterSeconds().isPresent()) {
            double seconds = fault.retryAfterSeconds().getAsDouble();
            body.put("retry_after", seconds);
            body.put("global", fault.global());
            retryAfter = Long.toString((long) Math.ceil(seconds));
        }
        return new Reply(fault.status(), mapper.writeValueAsString(body), retryAfter);
    }

    private String snowflake() {
        long millis = clock.millis() - DISCORD_EPOCH;
        return Long.toUnsignedString((millis << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }

    private final class InteractionState {
        final String applicationId;
        final ObjectNode original;
        final String channelId;
        final List<ObjectNode> followUps = new ArrayList<>();
        boolean expired;
        boolean deleted;
        int edits;

        InteractionState(String applicationId, String token, String channelId) {
            this.applicationId = applicationId;
            this.channelId = channelId;
            ObjectNode deferred = mapper.createObjectNode();
            this.original = message(channelId, deferred, 20, true);
            original.put("flags", LOADING);
            original.put("webhook_id", applicationId);
            original.put("application_id", applicationId);
        }
    }

    private record SentNonce(ObjectNode message, Instant at) {}

    private record ScriptedFault(Predicate<RecordedRequest> which, Fault fault) {}

    private record Reply(int status, String body, String retryAfter) {}
}
