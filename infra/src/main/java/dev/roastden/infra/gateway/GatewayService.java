package dev.roastden.infra.gateway;

import dev.roastden.infra.Contracts;
import dev.roastden.infra.Nag;
import dev.roastden.infra.Ordered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IpProtocol;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
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
 * The gateway task: one Fargate task (0.25 vCPU, 0.5 GB, the smallest Fargate size) holding
 * Discord's websocket and queueing every message that mentions the bot as a {@code MENTION} job.
 *
 * <p>Cost is the rule here, since the task runs every hour of the month. By default it runs on
 * Fargate Spot (about 70% below on-demand; Spot runs only x86_64 tasks, so the image is x86_64);
 * with Spot off it runs on-demand on Graviton (ARM64, 20% below x86_64). A Spot interruption gives
 * two minutes' notice and ECS starts a replacement; mentions sent in the gap are not answered.
 *
 * <p>It only dials out (Discord, SQS), so it needs no load balancer and no NAT gateway and has no
 * inbound rules. With {@code publicIpv4} it gets a public IPv4 address ($3.65 a month); without, the
 * VPC is dual-stack and the task reaches Discord and AWS over IPv6 only (the AWS SDK then uses the
 * dual-stack endpoints; see docs/DEPLOY.md for the account setting this needs). The container's
 * health check calls {@code GET /health} on port 8080; a deployment whose tasks never become
 * healthy is stopped by the circuit breaker and rolled back.
 *
 * <p>The image is built from the gateway's Dockerfile with the repository root as build context,
 * reduced to {@link #BUILD_CONTEXT} (the Maven poms and the sources of the modules the gateway is
 * built from), so that a change anywhere else neither rebuilds the image nor replaces the task.
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
     * The image build context, as Docker ignore-file patterns relative to the repository root:
     * everything is left out except the parent pom, every module's pom (Maven reads the whole
     * reactor, even for {@code -pl gateway -am}), the main sources of the modules the gateway jar is
     * built from (core, personalities, and events and emulators, which the reactor builds for their
     * test-scoped use) and the gateway's Dockerfile. Build output, the CDK's own assemblies, docs,
     * infra and the Lambda modules therefore never change the asset hash, and so never force a new
     * image or a new task.
     */
    public static final List<String> BUILD_CONTEXT = List.of(
            "*",
            "!pom.xml",
            "!*/pom.xml",
            "!core/src/main",
            "!personalities/src/main",
            "!events/src/main",
            "!emulators/src/main",
            "!gateway/src/main",
            "!gateway/Dockerfile",
            "!gateway/Dockerfile.dockerignore",
            "**/target",
            "**/.DS_Store");

    private final FargateService service;
    private final FargateTaskDefinition taskDefinition;

    public GatewayService(Construct scope, String id, GatewayServiceProps props) {
        super(scope, id);

        boolean ipv6Only = !props.publicIpv4();
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .ipProtocol(ipv6Only ? IpProtocol.DUAL_STACK : IpProtocol.IPV4_ONLY)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("public")
                        .subnetType(SubnetType.PUBLIC)
                        .cidrMask(24)
                        .mapPublicIpOnLaunch(!ipv6Only)
                        .build()))
                .build();
        Nag.accept(
                vpc,
                "AwsSolutions-VPC7",
                "The VPC holds a single outbound-only task with no inbound rules; its traffic is Discord's"
                        + " websocket and AWS API calls, which are logged by the task and by CloudTrail. Flow logs would"
                        + " cost more than the task itself and show nothing new.");

        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(vpc)
                .enableFargateCapacityProviders(props.spot())
                .build();
        Nag.accept(
                cluster,
                "AwsSolutions-ECS4",
                "One task: the heartbeat metric, the health check and ECS service events cover it; Container"
                        + " Insights would add per-task custom metrics that cost more than they tell here.");

        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(CPU_UNITS)
                .memoryLimitMiB(MEMORY_MIB)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(props.spot() ? CpuArchitecture.X86_64 : CpuArchitecture.ARM64)
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
                                        .exclude(BUILD_CONTEXT)
                                        .platform(props.spot() ? Platform.LINUX_AMD64 : Platform.LINUX_ARM64)
                                        .build()))
                        .environment(environment(props, ipv6Only))
                        .secrets(Ordered.sorted(Map.of(
                                "DISCORD_BOT_TOKEN",
                                Secret.fromSecretsManager(props.secrets().botToken()))))
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

        SecurityGroup outboundOnly = SecurityGroup.Builder.create(this, "OutboundOnly")
                .vpc(vpc)
                .description("Roast Den gateway task: outbound only (Discord, AWS APIs), no inbound rules")
                .allowAllOutbound(true)
                .allowAllIpv6Outbound(ipv6Only)
                .build();

        FargateService.Builder builder = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(1)
                .securityGroups(List.of(outboundOnly))
                .assignPublicIp(!ipv6Only)
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
                        .build());
        if (props.spot()) {
            builder.capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                    .capacityProvider("FARGATE_SPOT")
                    .weight(1)
                    .build()));
        }
        service = builder.build();

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

    private static Map<String, String> environment(GatewayServiceProps props, boolean ipv6Only) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("WORK_QUEUE_URL", props.workQueue().queue().getQueueUrl());
        environment.put("DISCORD_APPLICATION_ID", props.secrets().discordApplicationId());
        environment.put("AWS_REGION", Stack.of(props.workQueue()).getRegion());
        environment.put("METRICS_NAMESPACE", Contracts.METRICS_NAMESPACE);
        environment.put("HEALTH_PORT", Integer.toString(GatewayServiceProps.HEALTH_PORT));
        if (ipv6Only) {
            // The AWS SDK's switch to the dual-stack (IPv6-reachable) service endpoints.
            environment.put("AWS_USE_DUALSTACK_ENDPOINT", "true");
        }
        return Ordered.sorted(environment);
    }

    public FargateService service() {
        return service;
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }
}
