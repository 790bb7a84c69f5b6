package dev.roastden.infra;

import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roastden.infra.gateway.GatewayService;
import dev.roastden.infra.gateway.GatewayServiceProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class GatewayServiceTest {

    private final Synthesized.Result synthesized = Synthesized.alternative();
    private final Template template = synthesized.template();

    private Map<String, Object> container() {
        Map<String, Object> task = properties(Cfn.only(template, "AWS::ECS::TaskDefinition"));
        return map(list(task.get("ContainerDefinitions")).get(0));
    }

    @Test
    void isAbsentUnlessEnabled() {
        Template defaults = Synthesized.defaults().template();
        assertThat(Cfn.resources(defaults, "AWS::ECS::Service")).isEmpty();
        assertThat(Cfn.resources(defaults, "AWS::ECS::TaskDefinition")).isEmpty();
        assertThat(Cfn.resources(defaults, "AWS::EC2::VPC")).isEmpty();
    }

    @Test
    void runsOneQuarterVcpuHalfGigabyteFargateTask() {
        Map<String, Object> task = properties(Cfn.only(template, "AWS::ECS::TaskDefinition"));
        assertThat(task)
                .containsEntry("Cpu", "256")
                .containsEntry("Memory", "512")
                .containsEntry("NetworkMode", "awsvpc");
        assertThat(list(task.get("RequiresCompatibilities"))).containsExactly("FARGATE");
        Map<String, Object> service = properties(Cfn.only(template, "AWS::ECS::Service"));
        assertThat(Cfn.number(service.get("DesiredCount"))).isEqualTo(1);
    }

    @Test
    void runsOnFargateSpotWhichRunsOnlyX86() throws Exception {
        Map<String, Object> service = properties(Cfn.only(template, "AWS::ECS::Service"));
        assertThat(service).doesNotContainKey("LaunchType");
        assertThat(list(service.get("CapacityProviderStrategy")))
                .containsExactly(Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1));
        assertThat(list(properties(Cfn.only(template, "AWS::ECS::ClusterCapacityProviderAssociations"))
                        .get("CapacityProviders")))
                .contains("FARGATE_SPOT");
        Map<String, Object> task = properties(Cfn.only(template, "AWS::ECS::TaskDefinition"));
        assertThat(map(task.get("RuntimePlatform"))).containsEntry("CpuArchitecture", "X86_64");
        assertThat(imageAssetSource().path("platform").asText()).isEqualTo("linux/amd64");
    }

    @Test
    void onDemandItRunsOnGravitonWithAPublicIpv4Address() {
        Template onDemand = Synthesized.adopting().template();
        Map<String, Object> service = properties(Cfn.only(onDemand, "AWS::ECS::Service"));
        assertThat(service).containsEntry("LaunchType", "FARGATE").doesNotContainKey("CapacityProviderStrategy");
        Map<String, Object> task = properties(Cfn.only(onDemand, "AWS::ECS::TaskDefinition"));
        assertThat(map(task.get("RuntimePlatform"))).containsEntry("CpuArchitecture", "ARM64");
        Map<String, Object> network =
                map(map(service.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(network).containsEntry("AssignPublicIp", "ENABLED");
        assertThat(Cfn.resources(onDemand, "AWS::EC2::VPCCidrBlock")).isEmpty();
    }

    @Test
    void imageIsAnAssetImage() {
        Object image = container().get("Image");
        // Asset images are pushed to the bootstrap's container-assets repository.
        String sub = (String) map(image).get("Fn::Sub");
        assertThat(sub).startsWith("${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/cdk-");
    }

    /** The one image asset's {@code source} in the cloud assembly's asset manifest. */
    private JsonNode imageAssetSource() throws Exception {
        JsonNode manifest = new ObjectMapper()
                .readTree(synthesized
                        .assembly()
                        .resolve(Contracts.STACK_ID + ".assets.json")
                        .toFile());
        JsonNode images = manifest.path("dockerImages");
        assertThat(images.size()).as("image assets").isEqualTo(1);
        return images.elements().next().path("source");
    }

    @Test
    void imageIsBuiltWithTheGatewayDockerfileFromTheRepositoryRoot() throws Exception {
        JsonNode source = imageAssetSource();
        assertThat(source.path("dockerFile").asText()).isEqualTo("gateway/Dockerfile");

        // The staged build context is a copy of the repository root: the parent pom is at its top.
        Path context = synthesized.assembly().resolve(source.path("directory").asText());
        assertThat(context.resolve("pom.xml")).isRegularFile();
        assertThat(context.resolve("gateway/Dockerfile")).isRegularFile();
    }

    @Test
    void buildContextLeavesOutBuildOutputDependenciesAssembliesAndLocalData() throws Exception {
        Path context = synthesized
                .assembly()
                .resolve(imageAssetSource().path("directory").asText());
        assertThat(Synthesized.OUTSIDE_BUILD_CONTEXT)
                .allSatisfy(relative -> assertThat(context.resolve(relative)).doesNotExist());
        // Nor the assembly being written, which lies inside the context as cdk.out does in the repository.
        assertThat(context.resolve("cdk.out")).doesNotExist();
        assertThat(context.resolve("handler/target")).doesNotExist();
        assertThat(GatewayService.BUILD_CONTEXT).startsWith("*").contains("**/target");
    }

    @Test
    void buildContextHoldsThePomsAndTheSourcesTheGatewayIsBuiltFrom() throws Exception {
        Path context = synthesized
                .assembly()
                .resolve(imageAssetSource().path("directory").asText());
        assertThat(Synthesized.INSIDE_BUILD_CONTEXT)
                .allSatisfy(relative -> assertThat(context.resolve(relative)).isRegularFile());
    }

    @Test
    void healthCheckCallsPort8080() {
        Map<String, Object> healthCheck = map(container().get("HealthCheck"));
        assertThat(list(healthCheck.get("Command"))).isEqualTo(List.copyOf(GatewayServiceProps.DEFAULT_HEALTH_CHECK));
        assertThat(GatewayServiceProps.HEALTH_PORT).isEqualTo(8080);
        assertThat(Cfn.number(healthCheck.get("StartPeriod"))).isPositive();
    }

    @Test
    void failedDeploymentsRollBack() {
        Map<String, Object> deployment =
                map(properties(Cfn.only(template, "AWS::ECS::Service")).get("DeploymentConfiguration"));
        assertThat(deployment).containsEntry("DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true));
    }

    @Test
    void botTokenIsInjectedFromSecretsManagerNotPlainEnvironment() {
        String secretId = Cfn.logicalId(synthesized.stack().secrets().botToken());
        assertThat(list(container().get("Secrets")))
                .containsExactly(Map.of("Name", "DISCORD_BOT_TOKEN", "ValueFrom", ref(secretId)));
        assertThat(list(container().get("Environment")))
                .extracting(e -> map(e).get("Name"))
                .doesNotContain("DISCORD_BOT_TOKEN");
    }

    @Test
    void environmentNamesTheQueueApplicationRegionAndMetrics() {
        assertThat(list(container().get("Environment")))
                .extracting(e -> (String) map(e).get("Name"))
                .containsExactly(
                        "AWS_REGION",
                        "AWS_USE_DUALSTACK_ENDPOINT",
                        "DISCORD_APPLICATION_ID",
                        "HEALTH_PORT",
                        "METRICS_NAMESPACE",
                        "WORK_QUEUE_URL");
    }

    @Test
    void byDefaultTheTaskHasNoPublicIpv4AndReachesOutOverIpv6WithoutANatGateway() {
        Map<String, Object> network =
                map(map(properties(Cfn.only(template, "AWS::ECS::Service")).get("NetworkConfiguration"))
                        .get("AwsvpcConfiguration"));
        assertThat(network).containsEntry("AssignPublicIp", "DISABLED");
        assertThat(Cfn.resources(template, "AWS::EC2::NatGateway")).isEmpty();
        assertThat(Cfn.resources(template, "AWS::EC2::VPCCidrBlock").values())
                .singleElement()
                .satisfies(block -> assertThat(properties(block)).containsEntry("AmazonProvidedIpv6CidrBlock", true));
        assertThat(Cfn.resources(template, "AWS::EC2::Subnet").values())
                .isNotEmpty()
                .allSatisfy(subnet -> assertThat(properties(subnet))
                        .containsEntry("AssignIpv6AddressOnCreation", true)
                        .containsEntry("MapPublicIpOnLaunch", false));
        assertThat(Cfn.resources(template, "AWS::EC2::Route").values())
                .anySatisfy(route -> assertThat(properties(route)).containsEntry("DestinationIpv6CidrBlock", "::/0"));
        Map<String, Object> securityGroup = properties(Cfn.only(template, "AWS::EC2::SecurityGroup"));
        assertThat(securityGroup).doesNotContainKey("SecurityGroupIngress");
        assertThat(list(securityGroup.get("SecurityGroupEgress")))
                .extracting(rule -> map(rule).getOrDefault("CidrIpv6", map(rule).get("CidrIp")))
                .contains("0.0.0.0/0", "::/0");
    }

    @Test
    void logsAreKeptForAMonth() {
        Map<String, Object> options =
                map(map(container().get("LogConfiguration")).get("Options"));
        String logGroupId = (String) map(options.get("awslogs-group")).get("Ref");
        assertThat(Cfn.number(properties(Cfn.resource(template, logGroupId)).get("RetentionInDays")))
                .isEqualTo(30);
    }

    private GatewayServiceProps props(Path buildContext, String dockerfile) {
        return new GatewayServiceProps(
                buildContext,
                dockerfile,
                synthesized.stack().workQueue(),
                synthesized.stack().secrets());
    }

    @Test
    void propsAcceptADockerfileInsideTheBuildContext() throws Exception {
        Path root = Synthesized.placeholderArtifacts();
        assertThat(props(root, "gateway/Dockerfile").buildContext()).isEqualTo(root);
    }

    @Test
    void propsRequireTheDockerfileUnderTheBuildContext() throws Exception {
        Path empty = Files.createTempDirectory("no-dockerfile");
        assertThatThrownBy(() -> props(empty, "gateway/Dockerfile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway/Dockerfile");

        // A Dockerfile directly in the gateway directory is not enough: the context must be the root.
        Path root = Synthesized.placeholderArtifacts();
        assertThatThrownBy(() -> props(root.resolve("gateway"), "gateway/Dockerfile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dockerfile");
    }

    @Test
    void propsRejectADockerfileOutsideTheBuildContext() throws Exception {
        Path root = Synthesized.placeholderArtifacts();
        Path core = Files.createDirectories(root.resolve("core"));
        assertThatThrownBy(() -> props(core, "../gateway/Dockerfile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> props(core, root.resolve("gateway/Dockerfile").toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void propsRequireTheBuildContextToBeADirectory() {
        Path root = Synthesized.placeholderArtifacts();
        assertThatThrownBy(() -> props(root.resolve("pom.xml"), "gateway/Dockerfile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory");
    }
}
