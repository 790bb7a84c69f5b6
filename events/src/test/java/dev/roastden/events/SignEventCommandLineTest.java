package dev.roastden.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SignEvent} run the way the README says, as a single source file on a bare JDK: it reproduces the committed
 * events exactly.
 */
class SignEventCommandLineTest {
    private static final Path EVENTS = SampleEventsTest.EVENTS;
    private static final Path SOURCE = EVENTS.resolve("src/main/java/dev/roastden/events/SignEvent.java");

    @Test
    void allRegeneratesTheCommittedEventsByteForByte(@TempDir Path copy) throws Exception {
        copyFolder(EVENTS.resolve("interactions"), copy.resolve("interactions"));
        copyFolder(EVENTS.resolve("test-only-key"), copy.resolve("test-only-key"));

        Result result = java("--all", copy.toString());

        assertThat(result.exit()).as(result.stderr()).isZero();
        List<String> made = names(copy.resolve("apigw"));
        assertThat(made).isEqualTo(names(EVENTS.resolve("apigw")));
        for (String name : made) {
            assertThat(Files.readString(copy.resolve("apigw").resolve(name), UTF_8))
                    .as(name)
                    .isEqualTo(Files.readString(EVENTS.resolve("apigw").resolve(name), UTF_8));
        }
    }

    @Test
    void oneBodyWithTheSampleTimestampPrintsItsCommittedEvent() throws Exception {
        Result result = java(
                "--timestamp",
                SignEvent.SAMPLE_TIMESTAMP,
                EVENTS.resolve("interactions/ping.json").toString());

        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(Files.readString(EVENTS.resolve("apigw/ping.json"), UTF_8));
    }

    @Test
    void refreshGivesAnEventANewInteractionIdOfNowAndANewSignature() throws Exception {
        long before = System.currentTimeMillis();
        Result result = java("--refresh", EVENTS.resolve("apigw/roast.json").toString());
        assertThat(result.exit()).as(result.stderr()).isZero();
        com.fasterxml.jackson.databind.JsonNode event =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.stdout());
        String body = event.path("body").asText();
        String committed = Files.readString(EVENTS.resolve("interactions/roast.json"), UTF_8);
        String id = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body)
                .path("id")
                .asText();
        assertThat(id).matches("[0-9]{19}").isNotEqualTo("1310000000000000001");
        assertThat(body.replace(id, "1310000000000000001")).isEqualTo(committed);
        assertThat((Long.parseUnsignedLong(id) >>> 22) + 1_420_070_400_000L).isGreaterThanOrEqualTo(before - 1000);
        String timestamp =
                event.path("headers").path(SignEvent.TIMESTAMP_HEADER).asText();
        assertThat(Long.parseLong(timestamp)).isGreaterThanOrEqualTo(before / 1000);
        byte[] message = (timestamp + body).getBytes(UTF_8);
        assertThat(SampleEventsTest.verify(
                        java.util.HexFormat.of()
                                .parseHex(event.path("headers")
                                        .path(SignEvent.SIGNATURE_HEADER)
                                        .asText()),
                        message))
                .isTrue();
    }

    @Test
    void refreshGivesAnSqsJobANewInteractionIdAndCreationTime() throws Exception {
        long before = System.currentTimeMillis();
        Result result =
                java("--refresh", EVENTS.resolve("sqs/deferred-job.json").toString());
        assertThat(result.exit()).as(result.stderr()).isZero();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var record = mapper.readTree(result.stdout()).path("Records").get(0);
        var job = mapper.readTree(record.path("body").asText());
        String id = job.path("interaction_id").asText();
        assertThat(id).isNotEqualTo("1310000000000000001");
        assertThat((Long.parseUnsignedLong(id) >>> 22) + 1_420_070_400_000L).isGreaterThanOrEqualTo(before - 1000);
        assertThat(java.time.Instant.parse(job.path("created_at").asText()).toEpochMilli())
                .isGreaterThanOrEqualTo(before - 1000);
        assertThat(job.path("token").asText()).isEqualTo("test-only-token-roast");
        assertThat(record.path("md5OfBody").asText())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("MD5")
                                .digest(record.path("body").asText().getBytes(UTF_8))));
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(SOURCE.toString());
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("sign-event", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(EVENTS.toFile())
                    .redirectError(errors.toFile())
                    .start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES))
                    .as("SignEvent finished")
                    .isTrue();
            return new Result(process.exitValue(), stdout, Files.readString(errors, UTF_8));
        } finally {
            Files.delete(errors);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
