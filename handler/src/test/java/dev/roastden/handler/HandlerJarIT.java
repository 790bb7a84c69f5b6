package dev.roastden.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.handler.bench.ColdStart;
import dev.roastden.handler.bench.ColdStartResult;
import dev.roastden.handler.bench.FirstRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact itself, in a fresh JVM: the shaded jar (with its trimmed Bouncy Castle) builds the
 * handler from the environment, verifies a signed {@code /roast}, queues the job on SQS (ElasticMQ) and answers
 * type 5, without loading any of Jackson's databind. Behaviour only; the cold-start timings are the harness's
 * business ({@code docs/PERFORMANCE.md}).
 */
class HandlerJarIT {
    @Test
    void theShadedJarAnswersASignedCommandAndQueuesItsJob() throws Exception {
        Path jar = Path.of(System.getProperty("handler.jar", "target/roastden-handler.jar"));
        assertThat(jar).as("the shaded jar, built in the package phase").isRegularFile();
        assertThat(Files.size(jar)).as("Lambda artifact budget").isLessThanOrEqualTo(10L * 1024 * 1024);

        Path classLog = Files.createTempFile("roastden-handler-classes", ".log");
        try (ColdStart coldStart = ColdStart.start()) {
            ColdStartResult result = coldStart.run(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    jar,
                    List.of("-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classLog),
                    false,
                    1);

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.body()).isEqualTo("{\"type\":5}");
            assertThat(result.jobs()).singleElement().satisfies((DeferredJob job) -> {
                assertThat(job.interactionId()).isEqualTo(result.interactionId());
                assertThat(job.command()).isEqualTo("roast");
                assertThat(job.options()).containsEntry("persona", "ford");
            });

            List<String> loaded = Files.readAllLines(classLog);
            assertThat(loaded)
                    .as("the class-load log names the handler's own classes and Jackson's streaming API")
                    .anyMatch(line -> line.contains(" dev.roastden.handler.InteractionsHandler "))
                    .anyMatch(line -> line.contains(" com.fasterxml.jackson.core.JsonFactory "));
            assertThat(loaded)
                    .as("classes loaded in the fresh JVM")
                    .noneMatch(line -> line.contains("com.fasterxml.jackson.databind"))
                    .noneMatch(line -> line.contains("com.fasterxml.jackson.annotation"));
        } finally {
            Files.deleteIfExists(classLog);
        }
    }

    @Test
    void theShadedJarPrimedForSnapStartAnswersAutocompleteFromTheStoredRoster() throws Exception {
        Path jar = Path.of(System.getProperty("handler.jar", "target/roastden-handler.jar"));
        try (ColdStart coldStart = ColdStart.startWithPersonaTable()) {
            // Priming waits for the DynamoDB client's background build, so the read cannot race it.
            ColdStartResult result = coldStart.run(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    jar,
                    List.of("-XX:TieredStopAtLevel=1"),
                    true,
                    2,
                    FirstRequest.AUTOCOMPLETE);

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.behaved()).as(result.body()).isTrue();
            assertThat(result.fromRoster()).as(result.body()).isTrue();
            assertThat(result.body()).contains("\"value\":\"ford\"");
            assertThat(result.primeMs()).isNotNegative();
            assertThat(result.jobs()).as("priming queues nothing for real").isEmpty();
        }
    }

    @Test
    void theShadedJarHoldsNoJacksonDatabind() throws Exception {
        Path jar = Path.of(System.getProperty("handler.jar", "target/roastden-handler.jar"));
        try (JarFile contents = new JarFile(jar.toFile())) {
            assertThat(contents.stream().map(JarEntry::getName))
                    .anyMatch(name -> name.startsWith("com/fasterxml/jackson/core/"))
                    .noneMatch(name -> name.startsWith("com/fasterxml/jackson/databind/"))
                    .noneMatch(name -> name.startsWith("com/fasterxml/jackson/annotation/"));
        }
    }
}
