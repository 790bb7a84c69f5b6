package dev.roastden.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Synthesizes the default and the alternative deployment from the placeholder repository {@code
 * args[0]} and writes their templates to {@code args[1]}. {@link DeterministicSynthesisTest} runs
 * it in two separate JVMs, because {@code Map.of} iteration order is fixed within one JVM and
 * changes only between JVMs.
 */
public final class SynthesizeMain {

    private SynthesizeMain() {}

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        Synthesized.Result defaults = Synthesized.synthesize(repository, artifacts -> RoastDenStackProps.of(
                        artifacts.resolve(Contracts.HANDLER_JAR), artifacts.resolve(Contracts.WORKER_JAR))
                .withGuardrail(Synthesized.GUARDRAIL)
                .withAlarmEmail(Synthesized.ALARM_EMAIL));
        copyTemplate(defaults, out.resolve("defaults.template.json"));
        Synthesized.Result gateway = Synthesized.synthesize(repository, artifacts -> RoastDenStackProps.of(
                        artifacts.resolve(Contracts.HANDLER_JAR), artifacts.resolve(Contracts.WORKER_JAR))
                .withDiscord(Synthesized.PUBLIC_KEY, Synthesized.APPLICATION_ID)
                .withGateway(artifacts)
                .withOptions(RoastDenStackProps.Options.defaults().withDashboard(true)));
        copyTemplate(gateway, out.resolve("gateway.template.json"));
        System.exit(0);
    }

    /** The template file as {@code cdk synth} writes it into the cloud assembly. */
    private static void copyTemplate(Synthesized.Result result, Path to) throws Exception {
        Files.copy(result.assembly().resolve(Contracts.STACK_ID + ".template.json"), to);
    }
}
