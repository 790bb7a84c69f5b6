package dev.roastden.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The CDK app ({@code cdk.json} runs it through Maven from {@code infra/}). It finds the
 * repository root, checks that the Lambda jars (and the gateway's Dockerfile, when the gateway is
 * enabled; its image is built with the repository root as build context) exist, synthesizes {@link
 * RoastDenStack} from the CDK context and the committed {@value Settings#FILE}, and stops with an
 * error if cdk-nag reported an unsuppressed finding.
 */
public final class RoastDenApp {

    private RoastDenApp() {}

    public static void main(String[] args) {
        App app = new App();
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        Settings settings = Settings.from(app.getNode()::tryGetContext, Settings.readFile(root));
        new RoastDenStack(
                app,
                Contracts.STACK_ID,
                StackProps.builder().description(RoastDenStack.DESCRIPTION).build(),
                stackProps(root, settings));
        CloudAssembly assembly = app.synth();
        List<String> errors = errors(assembly);
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            throw new IllegalStateException(errors.size() + " unsuppressed cdk-nag or synthesis error(s); see above");
        }
    }

    /** The stack's props for a repository checked out at {@code root}. */
    public static RoastDenStackProps stackProps(Path root, Settings settings) {
        Path handlerJar = requireFile(root, Contracts.HANDLER_JAR);
        Path workerJar = requireFile(root, Contracts.WORKER_JAR);
        Optional<Path> gatewayBuildContext = Optional.empty();
        if (settings.gateway()) {
            if (!Files.isRegularFile(root.resolve(Contracts.GATEWAY_DOCKERFILE))) {
                throw new IllegalStateException("The gateway is enabled (-c " + Settings.GATEWAY + "=true) but "
                        + Contracts.GATEWAY_DOCKERFILE + " does not exist under " + root
                        + ". Deploy without the gateway, or add its Dockerfile.");
            }
            // The Dockerfile builds the gateway from the Maven reactor, so the whole repository is the context.
            gatewayBuildContext = Optional.of(root);
        }
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                settings.discordPublicKey(),
                settings.discordApplicationId(),
                settings.bedrockModel(),
                settings.guardrail(),
                settings.alarmEmail(),
                settings.localEndpoints(),
                new RoastDenStackProps.Options(
                        settings.bedrockSourceRegions(),
                        settings.dashboard(),
                        settings.detailedMetrics(),
                        settings.memoryTableName(),
                        settings.gatewaySpot(),
                        settings.gatewayPublicIpv4(),
                        settings.adminWebhookSecretArn(),
                        settings.fallbackModel()));
    }

    private static Path requireFile(Path root, String relative) {
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + relative + " under " + root
                    + ". Build the Lambda jars first, from the repository root: " + Contracts.BUILD_COMMAND);
        }
        return file;
    }

    /**
     * The nearest directory at or above {@code start} that holds both the Maven parent
     * ({@code pom.xml}) and {@code infra/cdk.json}.
     */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("infra/cdk.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the CDK app from inside the Roast Den repository (no pom.xml with"
                + " infra/cdk.json found at or above " + start + ")");
    }

    /** Error-level messages (unsuppressed cdk-nag findings among them) of every stack. */
    static List<String> errors(CloudAssembly assembly) {
        return assembly.getStacks().stream()
                .map(CloudFormationStackArtifact::getMessages)
                .flatMap(List::stream)
                .filter(message -> message.getLevel() == SynthesisMessageLevel.ERROR)
                .map(RoastDenApp::describe)
                .toList();
    }

    private static String describe(SynthesisMessage message) {
        return message.getId() + ": " + message.getEntry().getData();
    }
}
