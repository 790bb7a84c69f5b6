package dev.roastden.infra;

import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(service).containsEntry("LaunchType", "FARGATE");
        assertThat(Cfn.number(service.get("DesiredCount"))).isEqualTo(1);
    }

    @Test
    void imageIsBuiltFromTheGatewayDirectoryAsAnAsset() {
        Object image = container().get("Image");
        // Asset images are pushed to the bootstrap's container-assets repository.
        String sub = (String) map(image).get("Fn::Sub");
        assertThat(sub).startsWith("${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/cdk-");
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
                .containsExactlyInAnyOrder(
                        "WORK_QUEUE_URL", "DISCORD_APPLICATION_ID", "AWS_REGION", "METRICS_NAMESPACE", "HEALTH_PORT");
    }

    @Test
    void taskGetsAPublicIpAndNoNatGatewayIsCreated() {
        Map<String, Object> network =
                map(map(properties(Cfn.only(template, "AWS::ECS::Service")).get("NetworkConfiguration"))
                        .get("AwsvpcConfiguration"));
        assertThat(network).containsEntry("AssignPublicIp", "ENABLED");
        assertThat(Cfn.resources(template, "AWS::EC2::NatGateway")).isEmpty();
        Map<String, Object> securityGroup = properties(Cfn.only(template, "AWS::EC2::SecurityGroup"));
        assertThat(securityGroup).doesNotContainKey("SecurityGroupIngress");
    }

    @Test
    void logsAreKeptForAMonth() {
        Map<String, Object> options =
                map(map(container().get("LogConfiguration")).get("Options"));
        String logGroupId = (String) map(options.get("awslogs-group")).get("Ref");
        assertThat(Cfn.number(properties(Cfn.resource(template, logGroupId)).get("RetentionInDays")))
                .isEqualTo(30);
    }

    @Test
    void propsRequireADockerfile() throws Exception {
        Path empty = Files.createTempDirectory("no-dockerfile");
        assertThatThrownBy(() -> new GatewayServiceProps(
                        empty,
                        synthesized.stack().workQueue(),
                        synthesized.stack().secrets()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dockerfile");
    }
}
