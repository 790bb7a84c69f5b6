package dev.roastden.emulators.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roastden.emulators.http.HttpExchanges;
import dev.roastden.emulators.http.MultipartForm;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Discord REST endpoints Roast Den calls, served in this JVM: interaction webhooks (edit, read and delete the
 * original response, follow-ups, JSON or multipart with files), channel messages (create, with Discord's {@code
 * enforce_nonce} deduplication, and list), typing, application command registration (global and guild), and the
 * attachment CDN ({@link EmulatedCdn}). Every request is recorded; JSON bodies and multipart {@code payload_json}
 * parts are validated against Discord's official OpenAPI spec (and against the spec's property names, so a misspelt
 * field is caught), the User-Agent and content type are checked, and a script can answer chosen requests with 429
 * (with {@code Retry-After}), 404 (10015, 10008) or 5xx instead.
 *
 * <p>Like Discord, it knows the interactions it sent: {@link #receiveInteraction} before the app is called and
 * {@link #interactionAnswered} with the app's in-line answer, which it checks against the spec's callback schema and
 * turns into the original response (type 4 a message, 5 "thinking…", 6 and 7 the message the component sits on, 9
 * a modal for the client to show). A webhook call for an interaction the app has not answered yet waits for the
 * answer, at most Discord's three seconds, then gets 10015 as it would from Discord.
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
    public static final String GET_MESSAGE = "get_webhook_message";
    public static final String PATCH_MESSAGE = "update_webhook_message";
    public static final String DELETE_MESSAGE = "delete_webhook_message";
    public static final String CREATE_MESSAGE = "create_message";
    public static final String LIST_MESSAGES = "list_messages";
    public static final String TRIGGER_TYPING = "trigger_typing_indicator";

    /** How long a message's nonce is remembered when it is created with {@code enforce_nonce}. */
    public static final Duration NONCE_WINDOW = Duration.ofMinutes(2);

    /** Message flag Discord sets on a deferred response while the app is "thinking". */
    public static final int LOADING = 1 << 7;

    /** Message flag: only the user who caused the message sees it. */
    public static final int EPHEMERAL = MessageFactory.EPHEMERAL;

    /** How long Discord waits for an in-line answer before the interaction fails and its token is useless. */
    public static final Duration ANSWER_DEADLINE = Duration.ofSeconds(3);

    private static final String API_PREFIX = "/api/v10";
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
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
    private static final Set<String> WEBHOOK_ROUTES = Set.of(
            PATCH_ORIGINAL, GET_ORIGINAL, DELETE_ORIGINAL, EXECUTE_WEBHOOK, GET_MESSAGE, PATCH_MESSAGE, DELETE_MESSAGE);
    private final ObjectMapper mapper = new ObjectMapper();
    private final DiscordSpec spec = DiscordSpec.get();
    private final HttpServer server;
    private final ExecutorService executor;
    private final DiscordJournal.ReplayClock clock;
    private final DiscordJournal.Ids ids = new DiscordJournal.Ids();
    private DiscordJournal journal = DiscordJournal.none(mapper);
    private final AtomicInteger sequence = new AtomicInteger();

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<ScriptedFault> script = new ArrayDeque<>();

    private final CommandRegistry registry;
    private final MessageFactory factory;
    private final EmulatedCdn cdn;
    private final InteractionLedger ledger;
    private final Map<String, SentNonce> nonces = new LinkedHashMap<>();
    private volatile Function<RecordedRequest, Optional<Fault>> faultInjector = r -> Optional.empty();
    private volatile Optional<String> botToken = Optional.empty();
    private volatile boolean strictTokens;
    private volatile String botUserId = "1";

    private DiscordEmulator(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = new DiscordJournal.ReplayClock(clock);
        this.registry = new CommandRegistry(mapper, this::snowflake);
        this.factory = new MessageFactory(mapper, this.clock, this::snowflake, () -> botUserId);
        this.cdn = new EmulatedCdn(this::cdnOrigin, this::snowflake);
        this.ledger = new InteractionLedger(this, mapper, spec, factory, cdn);
    }

    /** Starts on a free loopback port. */
    public static DiscordEmulator start() {
        return start(0, Clock.systemUTC());
    }

    /** Starts on {@code port} (0 picks a free one), stamping messages with {@code clock}. */
    public static DiscordEmulator start(int port, Clock clock) {
        return start(port, clock, Optional.empty());
    }

    /**
     * Starts on {@code port} keeping its interactions and messages in {@code folder} ({@link DiscordJournal}): what
     * an earlier run there held is replayed first, so its tokens and message ids still work.
     */
    public static DiscordEmulator start(int port, Clock clock, Optional<java.nio.file.Path> folder) {
        try {
            HttpServer server = HttpExchanges.loopbackServer(port);
            ExecutorService executor = HttpExchanges.daemonPool(8, "discord-emulator");
            DiscordEmulator emulator = new DiscordEmulator(server, executor, clock);
            if (folder.isPresent()) {
                synchronized (emulator) {
                    emulator.journal = DiscordJournal.open(emulator.mapper, folder.get(), emulator::replay);
                }
            }
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

    /** The origin of the emulated attachment CDN ({@code http://127.0.0.1:{port}}), to allow where files are fetched. */
    public URI cdnOrigin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Stores a file on the emulated CDN, as Discord does with a file a user attaches to a command, and answers its
     * attachment object (id, filename, size, url, proxy_url, content_type) for {@code data.resolved.attachments}.
     *
     * @param contentType what the uploader said it is; empty to tell it from the name
     * @throws IllegalArgumentException when it is larger than Discord's upload limit
     */
    public synchronized JsonNode upload(String channelId, String filename, Optional<String> contentType, byte[] bytes) {
        ObjectNode event = journal.event("upload", clock.instant())
                .put("channel", channelId)
                .put("filename", filename)
                .put("bytes", bytes);
        contentType.ifPresent(t -> event.put("type", t));
        return journaled(event, () -> cdn.store(channelId, filename, contentType, bytes));
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
        ObjectNode event = journal.event("register", clock.instant())
                .put("app", applicationId)
                .put("token", token)
                .put("channel", channelId);
        journaled(event, () -> ledger.register(applicationId, token, channelId));
    }

    /**
     * Records an interaction Discord is about to send to the app (its full JSON, as signed). Until {@link
     * #interactionAnswered} says what the app answered, webhook calls with its token wait.
     *
     * @throws IllegalArgumentException when it has no token
     */
    public synchronized void receiveInteraction(JsonNode interaction) {
        ObjectNode event = journal.event("receive", clock.instant());
        event.set("interaction", interaction);
        journaled(event, () -> ledger.receive(interaction));
    }

    /**
     * Records the app's in-line answer to a {@link #receiveInteraction received} interaction: its HTTP status and
     * body. A 200 with a valid callback makes the original response; anything else fails the interaction, as in
     * Discord, and later webhook calls get 10015. Problems are kept in {@link ReceivedInteraction#problems()}.
     */
    public synchronized void interactionAnswered(String token, int status, String body) {
        ObjectNode event = journal.event("answered", clock.instant())
                .put("token", token)
                .put("status", status)
                .put("body", body);
        journaled(event, () -> ledger.answered(token, status, body));
    }

    /** The interaction with this token, as sent and as answered. */
    public synchronized Optional<ReceivedInteraction> interaction(String token) {
        return ledger.view(token);
    }

    /** Every interaction sent so far, oldest first. */
    public synchronized List<ReceivedInteraction> interactions() {
        return ledger.views();
    }

    /** Any message the emulator holds, by id (with the emulator-only {@code pinged_user_ids}). */
    public synchronized Optional<JsonNode> message(String messageId) {
        return ledger.message(messageId);
    }

    /**
     * Every message in a channel, oldest first: interaction responses (also "thinking…" and ephemeral ones, which
     * carry {@code interaction_metadata.user}, the only one who sees them), follow-ups and bot messages.
     */
    public synchronized List<JsonNode> messagesIn(String channelId) {
        return ledger.messagesIn(channelId);
    }

    /** Makes the token invalid, as 15 minutes after the interaction: later webhook calls get 404 10015. */
    public synchronized void expireInteraction(String token) {
        journaled(journal.event("expire", clock.instant()).put("token", token), () -> ledger.expire(token));
    }

    /** Deletes the original response, as a user can: later calls on it get 404 10008. */
    public synchronized void deleteOriginal(String token) {
        journaled(
                journal.event("delete_original", clock.instant()).put("token", token),
                () -> ledger.deleteOriginal(token));
    }

    /**
     * The original response of the interaction with this token, as Discord would return it, plus the emulator-only
     * field {@code pinged_user_ids}: the users the last edit actually pinged under its {@code allowed_mentions}.
     * Empty while the app has not answered, and for answers that make no message (a modal, choices, a PONG).
     */
    public synchronized Optional<JsonNode> originalMessage(String token) {
        return ledger.originalMessage(token);
    }

    /** How many times the app edited the original response of the interaction with this token. */
    public synchronized int originalEdits(String token) {
        return ledger.originalEdits(token);
    }

    /** The follow-up messages created for the interaction with this token. */
    public synchronized List<JsonNode> followUps(String token) {
        return ledger.followUps(token);
    }

    /** The messages created in a channel (each with the emulator-only {@code pinged_user_ids}). */
    public synchronized List<JsonNode> channelMessages(String channelId) {
        return List.copyOf(ledger.channelMessages(channelId));
    }

    /** The registered global commands of an application. */
    public synchronized List<JsonNode> commands(String applicationId) {
        return registry.commands(applicationId);
    }

    /** The registered commands of an application in a guild. */
    public synchronized List<JsonNode> guildCommands(String applicationId, String guildId) {
        return registry.commands(applicationId + "/" + guildId);
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
        return MessageFactory.pingedUsers(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        synchronized (this) {
            journal.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String fullPath = exchange.getRequestURI().getRawPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            Map<String, String> headers = HttpExchanges.headers(exchange);
            byte[] raw = HttpExchanges.bytes(exchange);
            if (method.equals("GET") && fullPath.startsWith("/attachments/")) {
                serveFile(exchange, fullPath);
                return;
            }
            if (!fullPath.startsWith(API_PREFIX + "/")) {
                HttpExchanges.send(exchange, 404, "application/json", "{\"message\":\"404: Not Found\",\"code\":0}");
                return;
            }
            String path = fullPath.substring(API_PREFIX.length());
            Instant at = clock.instant();
            IncomingRequest incoming = IncomingRequest.read(spec, mapper, method, path, query, headers, raw, at);
            RecordedRequest request = incoming.request();
            Map<Integer, MultipartForm.Part> files = incoming.files();
            Optional<ObjectNode> event = method.equals("GET") || !journal.enabled()
                    ? Optional.empty()
                    : Optional.of(requestEvent(method, path, query, headers, raw, at));
            Reply reply = respond(request, files, event);
            synchronized (this) {
                requests.add(request.answered(reply.status()));
            }
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
                exchange.getResponseHeaders().set("X-RateLimit-Scope", "user");
            }
            HttpExchanges.send(exchange, reply.status(), "application/json", reply.body());
        } catch (RuntimeException e) {
            HttpExchanges.send(exchange, 500, "application/json", "{\"message\":\"emulator error\",\"code\":0}");
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Optional<EmulatedCdn.StoredFile> file = cdn.find(path);
        if (file.isEmpty()) {
            HttpExchanges.send(exchange, 404, "text/plain", "Not Found");
            return;
        }
        byte[] bytes = file.get().bytes();
        exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply respond(RecordedRequest request, Map<Integer, MultipartForm.Part> files, Optional<ObjectNode> event)
            throws IOException {
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
                .map(ua -> !IncomingRequest.USER_AGENT.matcher(ua).matches())
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
            ids.record();
            Reply reply;
            try {
                reply = route(request, files);
            } catch (IOException | RuntimeException e) {
                ids.drawn();
                throw e;
            }
            List<String> drawn = ids.drawn();
            event.ifPresent(e -> journal.append(e, drawn));
            return reply;
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

    private Reply route(RecordedRequest request, Map<Integer, MultipartForm.Part> files) throws IOException {
        String op = request.operationId();
        JsonNode json = request.json().orElse(mapper.createObjectNode());
        if (WEBHOOK_ROUTES.contains(op)) {
            return ledger.webhook(request, json, files, strictTokens);
        }
        switch (op) {
            case TRIGGER_TYPING:
                return new Reply(204, null, null);
            case CREATE_MESSAGE:
                return createMessage(request, json, files);
            case LIST_MESSAGES:
                return listMessages(request);
            default:
                return registry.route(request, json);
        }
    }

    private Reply createMessage(RecordedRequest request, JsonNode json, Map<Integer, MultipartForm.Part> files)
            throws IOException {
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
        ObjectNode message = factory.create(
                channelId, json, json.has("message_reference") ? 19 : 0, ledger.uploads(channelId, files));
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
        ledger.addChannelMessage(channelId, message);
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
                new ArrayList<>(ledger.channelMessages(request.params().get("channel_id")));
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

    private Reply ok(JsonNode body) throws IOException {
        return Reply.json(mapper, body);
    }

    private Reply error(int status, int code, String message) throws IOException {
        return Reply.error(mapper, status, code, message);
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
        String id = ids.next().orElseGet(() -> {
            long millis = clock.millis() - DISCORD_EPOCH;
            return Long.toUnsignedString((millis << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
        });
        ids.note(id);
        return id;
    }

    /** Runs a change, journaling it with the snowflakes it drew; called holding the lock. */
    private <T> T journaled(ObjectNode event, java.util.function.Supplier<T> change) {
        ids.record();
        T result;
        try {
            result = change.get();
        } catch (RuntimeException e) {
            ids.drawn();
            throw e;
        }
        journal.append(event, ids.drawn());
        return result;
    }

    private void journaled(ObjectNode event, Runnable change) {
        journaled(event, () -> {
            change.run();
            return Boolean.TRUE;
        });
    }

    private ObjectNode requestEvent(
            String method, String path, String query, Map<String, String> headers, byte[] raw, Instant at) {
        ObjectNode event = journal.event("request", at)
                .put("method", method)
                .put("path", path)
                .put("query", query);
        ObjectNode kept = event.putObject("headers");
        // Only what routing reads; the Authorization header is a credential and never written.
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("content-type") || lower.equals("user-agent")) {
                kept.put(lower, value);
            }
        });
        event.put("raw", raw);
        return event;
    }

    /** Re-applies one journaled event, with its instant and its snowflakes; holding the lock, before serving. */
    private void replay(JsonNode event) {
        clock.pin(Instant.ofEpochMilli(event.path("at").asLong()));
        ids.replay(event.path("ids"));
        try {
            String token = event.path("token").asText("");
            switch (event.path("e").asText()) {
                case "register" ->
                    ledger.register(
                            event.path("app").asText(),
                            token,
                            event.path("channel").asText());
                case "receive" -> ledger.receive(event.path("interaction"));
                case "answered" ->
                    ledger.answered(
                            token,
                            event.path("status").asInt(),
                            event.path("body").asText());
                case "expire" -> ledger.expire(token);
                case "delete_original" -> ledger.deleteOriginal(token);
                case "upload" ->
                    cdn.store(
                            event.path("channel").asText(),
                            event.path("filename").asText(),
                            event.has("type") ? Optional.of(event.path("type").asText()) : Optional.empty(),
                            event.path("bytes").binaryValue());
                case "request" -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    event.path("headers")
                            .fields()
                            .forEachRemaining(
                                    h -> headers.put(h.getKey(), h.getValue().asText()));
                    IncomingRequest incoming = IncomingRequest.read(
                            spec,
                            mapper,
                            event.path("method").asText(),
                            event.path("path").asText(),
                            event.path("query").asText(""),
                            headers,
                            event.path("raw").binaryValue(),
                            clock.instant());
                    route(incoming.request(), incoming.files());
                }
                default -> {
                    // An event this version does not know: skipped.
                }
            }
        } catch (IOException | RuntimeException e) {
            // A change that failed live failed the same way; the rest of the journal still applies.
        } finally {
            clock.unpin();
            ids.replay(mapper.createArrayNode());
        }
    }

    private record SentNonce(ObjectNode message, Instant at) {}

    private record ScriptedFault(Predicate<RecordedRequest> which, Fault fault) {}
}
