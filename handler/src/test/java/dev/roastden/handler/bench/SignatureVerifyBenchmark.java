package dev.roastden.handler.bench;

import dev.roastden.core.signature.SignatureVerifier;
import dev.roastden.handler.HttpApiEvents;
import dev.roastden.handler.HttpRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 verification alone ({@link SignatureVerifier#verify}, Bouncy Castle) of the signed {@code /roast}
 * sample: hex decoding of the header, timestamp + body concatenation and the curve arithmetic.
 *
 * <p>{@link Mode#SampleTime} so JMH reports the mean and the percentiles (p99) of single calls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class SignatureVerifyBenchmark {
    private SignatureVerifier verifier;
    private Optional<String> signature;
    private Optional<String> timestamp;
    private byte[] body;

    @Setup
    public void setUp() throws IOException {
        verifier = SampleEvents.verifier();
        HttpRequest request = HttpApiEvents.read(new ByteArrayInputStream(SampleEvents.apiGateway("roast")))
                .orElseThrow();
        signature = request.header("X-Signature-Ed25519");
        timestamp = request.header("X-Signature-Timestamp");
        body = request.body();
        if (!verify()) {
            throw new IllegalStateException("The roast sample does not verify with the test-only key");
        }
    }

    @Benchmark
    public boolean verify() {
        return verifier.verify(signature, timestamp, body);
    }
}
