package dev.roastden.emulators.bedrock;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bedrock Runtime's {@code POST /model/{modelId}/converse} served in this JVM, for a real {@code BedrockRuntimeClient}
 * pointed at {@link #endpoint()}. Answers at once: by default with a short canned reply, or as scripted — answers,
 * {@code ThrottlingException} (429), {@code ValidationException} (400), 5xx — and records every call.
 *
 * <p>It also serves {@code POST /guardrail/{id}/version/{version}/apply} (ApplyGuardrail): the guardrail lets text
 * through ({@code action: NONE}) unless {@link #guardrailIntervenesWhen} says it breaks the rules, in which case it
 * answers {@code GUARDRAIL_INTERVENED} with a blocked message and a denied-topic assessment, as Bedrock does. Failures
 * can be scripted with {@link #enqueueGuardrail}; those calls are recorded apart from Converse calls.
 */
public final class BedrockEmulator implements AutoCloseable {
    private static final Pattern CONVERSE = Pattern.compile("^/model/([^/]+)/converse$");
    private static final Pattern APPLY_GUARDRAIL = Pattern.compile("^/guardrail/([^/]+)/version/([^/]+)/apply$");

    /** The message the emulated guardrail shows in place of text it blocks. */
    public static final String GUARDRAIL_BLOCKED_MESSAGE = "Sorry, the model cannot answer this question.";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final List<ConverseCall> calls = new ArrayList<>();
    private final Deque<Outcome> script = new ArrayDeque<>();
    private volatile Function<ConverseCall, Optional<Outcome>> faultInjector = c -> Optional.empty();
    private volatile Function<ConverseCall, Outcome> responder = BedrockEmulator::cannedAnswer;
    private final List<GuardrailCall> guardrailCalls = new ArrayList<>();
    private final Deque<Outcome.Failure> guardrailScript = new ArrayDeque<>();
    private volatile Predicate<String> guardrailIntervenes = text -> false;

    private BedrockEmulator(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts on a free loopback port. */
    public static BedrockEmulator start() {
        return start(0, Clock.systemUTC());
    }

    /** Starts on {@code port} (0 picks a free one). */
    public static BedrockEmulator start(int port, Clock clock) {
        try {
            HttpServer server = HttpExchanges.loopbackServer(port);
            ExecutorService executor = HttpExchanges.daemonPool(8, "bedrock-emulator");
            BedrockEmulator emulator = new BedrockEmulator(server, executor, clock);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("The Bedrock emulator did not start", e);
        }
    }

    /** The endpoint to configure as the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next calls with these outcomes, in order, before anything else. */
    public synchronized void enqueue(Outcome... outcomes) {
        for (Outcome outcome : outcomes) {
            script.addLast(outcome);
        }
    }

    /** Sets how calls are answered when nothing is scripted (default: a short canned reply). */
    public void respondWith(Function<ConverseCall, Outcome> responder) {
        this.responder = responder;
    }

    /** Decides per call whether to fail it (after the script); for chaos tests. */
    public void setFaultInjector(Function<ConverseCall, Optional<Outcome>> injector) {
        this.faultInjector = injector;
    }

    /** Every Converse call so far, oldest first. */
    public synchronized List<ConverseCall> calls() {
        return List.copyOf(calls);
    }

    /** Makes the guardrail intervene on content in which some text block matches (default: it never does). */
    public void guardrailIntervenesWhen(Predicate<String> breaksTheRules) {
        this.guardrailIntervenes = breaksTheRules;
    }

    /** Fails the next ApplyGuardrail calls with these errors, in order, before evaluating anything. */
    public synchronized void enqueueGuardrail(Outcome.Failure... failures) {
        for (Outcome.Failure failure : failures) {
            guardrailScript.addLast(failure);
        }
    }

    /** Every ApplyGuardrail call so far, oldest first. */
    public synchronized List<GuardrailCall> guardrailCalls() {
        return List.copyOf(guardrailCalls);
    }

    /** Forgets recorded calls and the scripts. */
    public synchronized void reset() {
        calls.clear();
        script.clear();
        guardrailCalls.clear();
        guardrailScript.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The default answer: one line that quotes the start of the user's text. */
    public static Outcome cannedAnswer(ConverseCall call) {
        String user = call.lastUserText().replace('\n', ' ');
        String gist = user.length() > 80 ? user.substring(0, 80) : user;
        return Outcome.answer("Emulated reply to: " + gist);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            Matcher converse = CONVERSE.matcher(path);
            Matcher apply = APPLY_GUARDRAIL.matcher(path);
            String body = HttpExchanges.body(exchange);
            boolean post = exchange.getRequestMethod().equals("POST");
            if (!post || !(converse.matches() || apply.matches())) {
                sendFailure(exchange, new Outcome.Failure(404, "UnknownOperationException", "Unknown operation"));
                return;
            }
            Map<String, String> headers = HttpExchanges.headers(exchange);
            if (!headers.getOrDefault("authorization", "").startsWith("AWS4-HMAC-SHA256")) {
                sendFailure(
                        exchange, new Outcome.Failure(403, "MissingAuthenticationTokenException", "Missing signature"));
                return;
            }
            JsonNode json;
            try {
                json = mapper.readTree(body);
            } catch (IOException e) {
                sendFailure(exchange, Outcome.validationError("Malformed input request"));
                return;
            }
            if (apply.matches()) {
                applyGuardrail(exchange, apply, json, headers);
            } else {
                converse(exchange, converse, json, headers);
            }
        } catch (RuntimeException e) {
            sendFailure(exchange, Outcome.serverError());
        }
    }

    private void converse(HttpExchange exchange, Matcher path, JsonNode json, Map<String, String> headers)
            throws IOException {
        String modelId = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        ConverseCall call = new ConverseCall(modelId, json, headers, clock.instant());
        Outcome outcome;
        synchronized (this) {
            calls.add(call);
            outcome = script.pollFirst();
        }
        if (outcome == null) {
            outcome = faultInjector.apply(call).orElseGet(() -> responder.apply(call));
        }
        if (outcome instanceof Outcome.Answer answer) {
            sendAnswer(exchange, call, answer);
        } else {
            sendFailure(exchange, (Outcome.Failure) outcome);
        }
    }

    private void applyGuardrail(HttpExchange exchange, Matcher path, JsonNode json, Map<String, String> headers)
            throws IOException {
        String source = json.path("source").asText("");
        if (!source.equals("INPUT") && !source.equals("OUTPUT")) {
            sendFailure(exchange, Outcome.validationError("source must be INPUT or OUTPUT"));
            return;
        }
        if (!json.path("content").isArray() || json.path("content").isEmpty()) {
            sendFailure(exchange, Outcome.validationError("content must not be empty"));
            return;
        }
        GuardrailCall call = new GuardrailCall(
                URLDecoder.decode(path.group(1), StandardCharsets.UTF_8),
                URLDecoder.decode(path.group(2), StandardCharsets.UTF_8),
                json,
                headers,
                clock.instant());
        Outcome.Failure failure;
        synchronized (this) {
            guardrailCalls.add(call);
            failure = guardrailScript.pollFirst();
        }
        if (failure != null) {
            sendFailure(exchange, failure);
            return;
        }
        Predicate<String> intervenes = guardrailIntervenes;
        boolean intervened = call.texts().stream().anyMatch(intervenes);
        int characters = call.texts().stream().mapToInt(String::length).sum();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode usage = root.putObject("usage");
        int units = Math.max(1, (characters + 999) / 1000);
        usage.put("topicPolicyUnits", units);
        usage.put("contentPolicyUnits", units);
        usage.put("wordPolicyUnits", units);
        usage.put("sensitiveInformationPolicyUnits", 0);
        usage.put("sensitiveInformationPolicyFreeUnits", 0);
        usage.put("contextualGroundingPolicyUnits", 0);
        root.put("action", intervened ? "GUARDRAIL_INTERVENED" : "NONE");
        root.put("actionReason", intervened ? "Guardrail blocked." : "No action.");
        ArrayNode outputs = root.putArray("outputs");
        ObjectNode assessment = root.putArray("assessments").addObject();
        if (intervened) {
            outputs.addObject().put("text", GUARDRAIL_BLOCKED_MESSAGE);
            ObjectNode topic =
                    assessment.putObject("topicPolicy").putArray("topics").addObject();
            topic.put("name", "Emulated denied topic");
            topic.put("type", "DENY");
            topic.put("action", "BLOCKED");
            topic.put("detected", true);
        }
        ObjectNode metrics = assessment.putObject("invocationMetrics");
        metrics.put("guardrailProcessingLatency", 1);
        metrics.set("usage", usage.deepCopy());
        ObjectNode coverage = root.putObject("guardrailCoverage").putObject("textCharacters");
        coverage.put("guarded", characters);
        coverage.put("total", characters);
        metrics.putObject("guardrailCoverage").set("textCharacters", coverage.deepCopy());
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        HttpExchanges.send(exchange, 200, "application/json", mapper.writeValueAsString(root));
    }

    private void sendAnswer(HttpExchange exchange, ConverseCall call, Outcome.Answer answer) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.putArray("content").addObject().put("text", answer.text());
        root.put("stopReason", answer.stopReason());
        int input = answer.inputTokens() > 0
                ? answer.inputTokens()
                : Math.max(1, call.body().toString().length() / 4);
        ObjectNode usage = root.putObject("usage");
        usage.put("inputTokens", input);
        usage.put("outputTokens", answer.outputTokens());
        usage.put("totalTokens", input + answer.outputTokens());
        root.putObject("metrics").put("latencyMs", 1);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        HttpExchanges.send(exchange, 200, "application/json", mapper.writeValueAsString(root));
    }

    private void sendFailure(HttpExchange exchange, Outcome.Failure failure) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", failure.errorType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        ObjectNode body = mapper.createObjectNode();
        body.put("message", failure.message());
        HttpExchanges.send(exchange, failure.status(), "application/json", mapper.writeValueAsString(body));
    }
}
