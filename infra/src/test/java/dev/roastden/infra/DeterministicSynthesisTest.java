package dev.roastden.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A deploy with no change must change nothing: the same inputs give byte-identical templates. The
 * app is synthesized in two fresh JVMs, since iteration order of {@code Map.of}/{@code Map.copyOf}
 * is randomized per JVM (a map that reached the template unsorted gave a different container
 * environment, and so a new gateway task definition, on every deploy).
 */
class DeterministicSynthesisTest {

    @Test
    void twoSynthesesInSeparateJvmsGiveByteIdenticalTemplates() throws Exception {
        Path repository = Synthesized.placeholderArtifacts();
        Path first = Files.createTempDirectory("synth-first");
        Path second = Files.createTempDirectory("synth-second");
        synthesizeInANewJvm(repository, first);
        synthesizeInANewJvm(repository, second);
        for (String name : List.of("defaults.template.json", "gateway.template.json")) {
            byte[] one = Files.readAllBytes(first.resolve(name));
            byte[] two = Files.readAllBytes(second.resolve(name));
            assertThat(one).as(name).isNotEmpty();
            assertThat(two).as(name + " synthesized twice").isEqualTo(one);
        }
    }

    @Test
    void orderedSortsNestedMapsAndMapsInLists() {
        var sorted = Ordered.sorted(java.util.Map.<String, Object>of(
                "b", java.util.Map.of("z", 1, "a", 2), "a", List.of(java.util.Map.of("y", 1, "x", 2))));
        assertThat(sorted.toString()).isEqualTo("{a=[{x=2, y=1}], b={a=2, z=1}}");
    }

    private static void synthesizeInANewJvm(Path repository, Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SynthesizeMain.class.getName(),
                        repository.toString(),
                        out.toString())
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("synth.log").toFile())
                .start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("synthesis finished").isTrue();
        assertThat(process.exitValue())
                .as("synthesis exit code; log: %s", Files.readString(out.resolve("synth.log")))
                .isZero();
    }
}
