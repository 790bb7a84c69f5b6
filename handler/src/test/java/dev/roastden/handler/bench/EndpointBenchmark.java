package dev.roastden.handler.bench;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.job.DeferredJobCodec;
import dev.roastden.core.job.JobQueue;
import dev.roastden.core.json.MalformedJsonException;
import dev.roastden.core.persona.PersonaCatalog;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import dev.roastden.handler.HttpApiEvents;
import dev.roastden.handler.HttpRequest;
import dev.roastden.handler.HttpResponse;
import dev.roastden.handler.InteractionEndpoint;
import dev.roastden.handler.InteractionRouter;
import dev.roastden.handler.InteractionsHandler;
import dev.roastden.handler.PersonaReads;
import dev.roastden.handler.RequestLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm request path without the SQS round trip, on the signed sample events: the queue serialises the job
 * with {@link DeferredJobCodec} (everything the real queue does before the network) and keeps it.
 *
 * <ul>
 *   <li>{@link #endpoint}: verify + parse + route + render through {@link InteractionEndpoint#handle}, including
 *       the request log line (built, written to a null stream).
 *   <li>{@link #handler}: the whole {@link InteractionsHandler#handleRequest}: also reading the API Gateway event
 *       JSON and writing the response event.
 * </ul>
 *
 * <p>Autocomplete ("fo") reads a server roster of 12 personas that all match (parsed from its stored JSON on every request, as the
 * DynamoDB reads do) through an in-process {@link PersonaReads}: the handler's own work without the GetItem's round
 * trip. {@link Mode#SampleTime} so JMH reports the mean and the percentiles (p99) of single calls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class EndpointBenchmark {
    /** A sample in {@code events/apigw/}: a deferred command, an in-line autocomplete, a PING. */
    @Param({"roast", "autocomplete-persona", "ping"})
    public String event;

    private byte[] eventJson;
    private HttpRequest request;
    private InteractionEndpoint endpoint;
    private InteractionsHandler handler;
    private String lastJob;

    @Setup
    public void setUp() throws IOException {
        eventJson = SampleEvents.apiGateway(event);
        request = HttpApiEvents.read(new ByteArrayInputStream(eventJson)).orElseThrow();
        JobQueue serialisingQueue = (DeferredJob job) -> lastJob = DeferredJobCodec.write(job);
        Roster roster = Roster.EMPTY;
        for (int i = 0; i < 12; i++) {
            roster = roster.with(new RosterEntry(
                    "member-" + i,
                    "Fox " + i,
                    "A persona of member " + i + " of the server",
                    i % 3 == 0 ? PersonaStatus.PENDING : PersonaStatus.ACTIVE,
                    Optional.of("10000000000000000" + i)));
        }
        String storedRoster = roster.toJson();
        PersonaReads reads = new PersonaReads() {
            @Override
            public Roster roster(String guildId) throws Unavailable {
                try {
                    return Roster.fromJson(storedRoster);
                } catch (MalformedJsonException e) {
                    throw new Unavailable("unreadable", e);
                }
            }

            @Override
            public Optional<StoredPersona> persona(String guildId, String personaId) {
                return Optional.empty();
            }
        };
        endpoint = new InteractionEndpoint(
                SampleEvents.verifier(),
                new InteractionRouter(serialisingQueue, PersonaCatalog.fromClasspath(), reads),
                RequestLog.silent());
        handler = new InteractionsHandler(endpoint);
        HttpResponse response = endpoint();
        if (response.statusCode() != 200 || (event.equals("roast") && lastJob == null)) {
            throw new IllegalStateException("The " + event + " sample was not answered: " + response);
        }
        String full = new String(handler().toByteArray(), StandardCharsets.UTF_8);
        if (event.startsWith("autocomplete") && !full.contains("member-11")) {
            throw new IllegalStateException("The autocomplete did not offer the roster's personas: " + full);
        }
        if (!full.contains("\"statusCode\":200")) {
            throw new IllegalStateException("The " + event + " event was not answered: " + full);
        }
    }

    @Benchmark
    public HttpResponse endpoint() {
        return endpoint.handle(request);
    }

    @Benchmark
    public ByteArrayOutputStream handler() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        handler.handleRequest(new ByteArrayInputStream(eventJson), out, null);
        return out;
    }
}
