package dev.roastden.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoastDenAppTest {

    private static final Settings DEFAULTS = Settings.from(key -> null);

    private static Path repository() throws Exception {
        Path root = Synthesized.placeholderArtifacts();
        Files.createDirectories(root.resolve("infra"));
        Files.writeString(root.resolve("infra/cdk.json"), "{}");
        return root;
    }

    @Test
    void resolvesArtifactsRelativeToTheRepositoryRoot() throws Exception {
        Path root = repository();
        RoastDenStackProps props = RoastDenApp.stackProps(root, DEFAULTS);
        assertThat(props.handlerJar()).isEqualTo(root.resolve("handler/target/roastden-handler.jar"));
        assertThat(props.workerJar()).isEqualTo(root.resolve("deferred-worker/target/roastden-worker.jar"));
        assertThat(props.gatewayBuildContext()).isEmpty();
    }

    @Test
    void missingHandlerJarNamesTheFileAndTheBuildCommand() throws Exception {
        Path root = repository();
        Files.delete(root.resolve(Contracts.HANDLER_JAR));
        assertThatThrownBy(() -> RoastDenApp.stackProps(root, DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handler/target/roastden-handler.jar")
                .hasMessageContaining("mvn -B package -DskipTests");
    }

    @Test
    void missingWorkerJarNamesTheFileAndTheBuildCommand() throws Exception {
        Path root = repository();
        Files.delete(root.resolve(Contracts.WORKER_JAR));
        assertThatThrownBy(() -> RoastDenApp.stackProps(root, DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deferred-worker/target/roastden-worker.jar")
                .hasMessageContaining("mvn -B package -DskipTests");
    }

    @Test
    void gatewayIsBuiltFromTheRepositoryRootAndNeedsItsDockerfile() throws Exception {
        Path root = repository();
        Settings withGateway = Settings.from(Map.<String, Object>of("gateway", "true")::get);
        assertThat(RoastDenApp.stackProps(root, withGateway).gatewayBuildContext())
                .contains(root);
        assertThat(Contracts.GATEWAY_DOCKERFILE).isEqualTo("gateway/Dockerfile");

        Files.delete(root.resolve("gateway/Dockerfile"));
        assertThatThrownBy(() -> RoastDenApp.stackProps(root, withGateway))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway/Dockerfile");
    }

    @Test
    void findsTheRepositoryRootFromInfra() throws Exception {
        Path root = repository();
        assertThat(RoastDenApp.repositoryRoot(root.resolve("infra"))).isEqualTo(root.toAbsolutePath());
        assertThat(RoastDenApp.repositoryRoot(root)).isEqualTo(root.toAbsolutePath());
    }

    @Test
    void refusesToRunOutsideTheRepository() throws Exception {
        Path elsewhere = Files.createTempDirectory("not-a-repository");
        assertThatThrownBy(() -> RoastDenApp.repositoryRoot(elsewhere)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thisModuleLivesInTheRepository() {
        Path root = RoastDenApp.repositoryRoot(Path.of(""));
        assertThat(root.resolve("infra/cdk.json")).isRegularFile();
    }
}
