package dev.roastden.infra.gateway;

import dev.roastden.infra.Contracts;
import dev.roastden.infra.Nag;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The gateway task: one Fargate task (0.25 vCPU, 0.5 GB) holding Discord's websocket and queueing
 * every message that mentions the bot as a {@code MENTION} job.
 *
 * <p>It runs in public subnets with a public IP and no inbound rules: it only dials out (Discord,
 * SQS), so it needs no load balancer and no NAT gateway. The container's health check calls {@code
 * GET /health} on port 8080; a deployment whose tasks never become healthy is stopped by the circuit
 * breaker and rolled back.
 *
 * <p>The image is built from the gateway's Dockerfile with the repository root as build context
 * (the Dockerfile builds the jar from the Maven reactor), minus {@link #BUILD_CONTEXT_EXCLUDES}.
 *
 * <p>The task role may only send to the work queue. The heartbeat metric is a CloudWatch Embedded
 * Metric Format line on standard output, which the awslogs driver ships with the execution role's
 * {@code logs:PutLogEvents} and CloudWatch turns into the metric; the task never calls {@code
 * cloudwatch:PutMetricData}.
 */
public final class GatewayService extends Construct {

    public static final int CPU_UNITS = 256;
    public static final int MEMORY_MIB = 512;

    /**
     * Left out of the image build context (Docker ignore-file syntax, relative to the context):
     * build output, dependencies of the CDK CLI, synthesized assemblies (the CDK writes {@code
     * cdk.out} into the repository root, which would otherwise copy itself into every new asset),
     * version control, editor files and local run data. They would only slow the build and change
     * the asset hash, and so force a new image, without changing the image.
     */
    public static final List<String> BUILD_CONTEXT_EXCLUDES = List.of(
            ".git",
            ".github",
            ".idea",
            ".vscode",
            ".roastden",
            "cdk.out",
            "infra/cdk.out",
            "**/cdk.out",
            "**/target",
            "**/node_modules",
            "**/.jqwik-database",
            "**/*.iml",
            "**/.DS_Store");

    private final FargateService service;
    private final FargateTaskDefinition taskDefinition;

    public GatewayService(Construct scope, String id, GatewayServiceProps props) {
        super(scope, id);

        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("public")
                        .subnetType(SubnetType.PUBLIC)
                        .cidrMask(24)
                        .build()))
                .build();
        Nag.accept(
                vpc,
                "AwsSolutions-VPC7",
                "The VPC holds a single outbound-only task with no inbound rules; its traffic is Discord's"
                        + " websocket and AWS API calls, which are logged by the task and by CloudTrail. Flow logs would"
                        + " cost more than the task itself and show nothing new.");

        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();
        Nag.accept(
                cluster,
                "AwsSolutions-ECS4",
                "One task: the heartbeat metric, the health check and ECS service events cover it; Container"
                        + " Insights would add per-task custom metrics that cost more than they tell here.");

        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(CPU_UNITS)
                .memoryLimitMiB(MEMORY_MIB)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        taskDefinition.addContainer(
                "Gateway",
                ContainerDefinitionOptions.builder()
                        .image(ContainerImage.fromAsset(
                                props.buildContext()
                                        .toAbsolutePath()
                                        .normalize()
                                        .toString(),
                                AssetImageProps.builder()
                                        .file(props.dockerfile())
                                        .ignoreMode(IgnoreMode.DOCKER)
                                        .exclude(BUILD_CONTEXT_EXCLUDES)
                                        .platform(Platform.LINUX_AMD64)
                                        .build()))
                        .environment(Map.of(
                                "WORK_QUEUE_URL", props.workQueue().queue().getQueueUrl(),
                                "DISCORD_APPLICATION_ID", props.secrets().discordApplicationId(),
                                "AWS_REGION", Stack.of(this).getRegion(),
                                "METRICS_NAMESPACE", Contracts.METRICS_NAMESPACE,
                                "HEALTH_PORT", Integer.toString(GatewayServiceProps.HEALTH_PORT)))
                        .secrets(Map.of(
                                "DISCORD_BOT_TOKEN",
                                Secret.fromSecretsManager(props.secrets().botToken())))
                        .healthCheck(HealthCheck.builder()
                                .command(props.healthCheckCommand())
                                .interval(Duration.seconds(30))
                                .timeout(Duration.seconds(5))
                                .retries(3)
                                .startPeriod(Duration.seconds(60))
                                .build())
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix("gateway")
                                .build()))
                        .stopTimeout(Duration.seconds(30))
                        .build());

        // The task role's only permission. The heartbeat needs none: it is an EMF line on stdout.
        props.workQueue().grantSendOnly(taskDefinition.getTaskRole());

        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(1)
                .assignPublicIp(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                // During a deployment the new task starts before the old one stops, so mentions are
                // never missed; the worker claims each message once, so the brief overlap answers
                // nothing twice.
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .build();

        Nag.accept(
                taskDefinition,
                "AwsSolutions-ECS2",
                "The plain environment variables are non-secret configuration (queue URL, application id,"
                        + " Region, metric namespace, port); the bot token is injected from Secrets Manager, not set here.");
        Nag.acceptOnly(
                taskDefinition,
                "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken (the execution role's, to pull the image) has no resource-level"
                        + " permissions.",
                "Resource::*");
    }

    public FargateService service() {
        return service;
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }
}
