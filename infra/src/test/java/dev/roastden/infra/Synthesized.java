package dev.roastden.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roastden.infra.worker.Guardrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesized stacks shared by every test class in the run: starting jsii and synthesizing the
 * whole system takes seconds, so each configuration is synthesized once per JVM and only read
 * afterwards.
 *
 * <p>The app gets the same context as {@code cdk synth} (the feature flags in {@code cdk.json}),
 * and the Lambda jars and the gateway's Dockerfile are placeholders in a temporary,
 * repository-shaped directory, which is also the gateway image's build context. The cloud assembly
 * is written to {@code cdk.out} inside it, as {@code cdk synth} writes it into the repository root.
 */
final class Synthesized {

    static final String PUBLIC_KEY = "a".repeat(64);
    static final String APPLICATION_ID = "123456789012345678";
    static final Guardrail GUARDRAIL = new Guardrail("abc123def456", "3");
    static final String ALARM_EMAIL = "ops@example.com";

    /**
     * A synthesized stack, what the assertions library reads from it, and the directory of the
     * cloud assembly (asset manifest, staged assets) it was written to.
     */
    record Result(RoastDenStack stack, Template template, Annotations annotations, Path assembly) {}

    private Synthesized() {}

    /**
     * The default deployment: Discord values as stack parameters, the default inference profile,
     * a guardrail, an alarm e-mail, no gateway.
     */
    static Result defaults() {
        return DefaultHolder.RESULT;
    }

    /**
     * The other choices: Discord values from context, no guardrail, no alarm e-mail, the gateway
     * task deployed (Spot, IPv6 only), the dashboard, and the local endpoint overrides declared for
     * {@code sam local}.
     */
    static Result alternative() {
        return GatewayHolder.RESULT;
    }

    /** The admin webhook secret {@link #adopting()} names. */
    static final String ADMIN_WEBHOOK_SECRET =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:roastden/admin-webhook-AbCdEf";

    /** The cheaper fallback model {@link #adopting()} configures. */
    static final dev.roastden.infra.worker.FallbackModel FALLBACK_MODEL = new dev.roastden.infra.worker.FallbackModel(
            new dev.roastden.infra.worker.BedrockModel("us.amazon.nova-micro-v1:0"), "0.035/0.14/0.00875/0");

    /** Name of the retained table {@link #adopting()} adopts. */
    static final String RETAINED_TABLE = "RoastDenStack-MemoryTable-OLD123";

    /**
     * A redeploy's choices: the retained memory table adopted by name, the US profile, detailed
     * metrics, a fallback model, and the gateway on demand (Graviton) with a public IPv4 address.
     */
    static Result adopting() {
        return AdoptingHolder.RESULT;
    }

    private static final class DefaultHolder {
        static final Result RESULT = synthesize(artifacts -> RoastDenStackProps.of(
                        artifacts.resolve(Contracts.HANDLER_JAR), artifacts.resolve(Contracts.WORKER_JAR))
                .withGuardrail(GUARDRAIL)
                .withAlarmEmail(ALARM_EMAIL));
    }

    private static final class GatewayHolder {
        static final Result RESULT = synthesize(artifacts -> RoastDenStackProps.of(
                        artifacts.resolve(Contracts.HANDLER_JAR), artifacts.resolve(Contracts.WORKER_JAR))
                .withDiscord(PUBLIC_KEY, APPLICATION_ID)
                .withGateway(artifacts)
                .withLocalEndpoints()
                .withOptions(RoastDenStackProps.Options.defaults().withDashboard(true)));
    }

    private static final class AdoptingHolder {
        static final Result RESULT = synthesize(artifacts -> RoastDenStackProps.of(
                        artifacts.resolve(Contracts.HANDLER_JAR), artifacts.resolve(Contracts.WORKER_JAR))
                .withGateway(artifacts)
                .withModel(new dev.roastden.infra.worker.BedrockModel("us.anthropic.claude-haiku-4-5-20251001-v1:0"))
                .withOptions(RoastDenStackProps.Options.defaults()
                        .withMemoryTableName(RETAINED_TABLE)
                        .withDetailedMetrics(true)
                        .withAdminWebhookSecretArn(ADMIN_WEBHOOK_SECRET)
                        .withFallbackModel(FALLBACK_MODEL)
                        .withGateway(false, true)));
    }

    private static Result synthesize(Function<Path, RoastDenStackProps> props) {
        return synthesize(placeholderArtifacts(), props);
    }

    /** Synthesizes with the placeholder repository {@code artifacts} (see {@link #placeholderArtifacts()}). */
    static Result synthesize(Path artifacts, Function<Path, RoastDenStackProps> props) {
        Path assembly = artifacts.resolve("cdk.out");
        App app = new App(AppProps.builder()
                .context(cdkJsonContext())
                .outdir(assembly.toString())
                .build());
        RoastDenStack stack = new RoastDenStack(app, Contracts.STACK_ID, props.apply(artifacts));
        return new Result(stack, Template.fromStack(stack), Annotations.fromStack(stack), assembly);
    }

    /**
     * Files of the placeholder repository that must stay out of the gateway image's build context:
     * build output (the placeholder jars among them), CDK CLI dependencies, an earlier assembly,
     * version control and local run data.
     */
    static final List<String> OUTSIDE_BUILD_CONTEXT = List.of(
            "docs/DEPLOY.md",
            "README.md",
            "infra/src/main/java/Infra.java",
            "deferred-worker/src/main/java/Worker.java",
            "gateway/src/test/java/GatewayTest.java",
            "core/src/test/java/CoreTest.java",
            Contracts.HANDLER_JAR,
            Contracts.WORKER_JAR,
            "gateway/target/classes/Placeholder.class",
            "infra/node_modules/aws-cdk/package.json",
            "infra/cdk.out/manifest.json",
            ".git/HEAD",
            ".roastden/dynamodb/placeholder.db");

    /** Files of the placeholder repository that the gateway image is built from. */
    static final List<String> INSIDE_BUILD_CONTEXT = List.of(
            "pom.xml",
            "core/pom.xml",
            "core/src/main/java/Core.java",
            "personalities/src/main/resources/personalities/index.json",
            "events/src/main/java/Events.java",
            "emulators/src/main/java/Emulators.java",
            "gateway/pom.xml",
            "gateway/src/main/java/Gateway.java",
            "infra/pom.xml",
            "deferred-worker/pom.xml",
            "gateway/Dockerfile");

    /**
     * A repository-shaped directory: the parent pom, a minimal gateway Dockerfile, placeholder jars
     * and the other {@link #OUTSIDE_BUILD_CONTEXT} files.
     */
    static Path placeholderArtifacts() {
        try {
            Path root = Files.createTempDirectory("roastden-infra-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            Files.writeString(root.resolve("pom.xml"), "<project/>\n");
            writeEmptyJar(root.resolve(Contracts.HANDLER_JAR));
            writeEmptyJar(root.resolve(Contracts.WORKER_JAR));
            Path dockerfile = root.resolve(Contracts.GATEWAY_DOCKERFILE);
            Files.createDirectories(dockerfile.getParent());
            Files.writeString(dockerfile, "FROM scratch\n");
            for (String relative : java.util.stream.Stream.concat(
                            OUTSIDE_BUILD_CONTEXT.stream(), INSIDE_BUILD_CONTEXT.stream())
                    .toList()) {
                Path file = root.resolve(relative);
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "placeholder\n");
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is in the system's temporary directory anyway.
        }
    }

    /** An empty zip archive: enough for an asset, never deployed. */
    static void writeEmptyJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        byte[] endOfCentralDirectory = new byte[22];
        endOfCentralDirectory[0] = 'P';
        endOfCentralDirectory[1] = 'K';
        endOfCentralDirectory[2] = 5;
        endOfCentralDirectory[3] = 6;
        Files.write(jar, endOfCentralDirectory);
    }

    /** The {@code context} block of {@code infra/cdk.json}, as the CDK CLI would pass it. */
    static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson =
                    new ObjectMapper().readValue(Path.of("cdk.json").toFile(), new TypeReference<>() {});
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
