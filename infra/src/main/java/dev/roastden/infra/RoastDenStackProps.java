package dev.roastden.infra;

import dev.roastden.infra.worker.BedrockModel;
import dev.roastden.infra.worker.Guardrail;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the stack needs from outside: built artifacts (by path) and deployment choices.
 *
 * @param handlerJar the handler's shaded jar
 * @param workerJar the worker's shaded jar
 * @param gatewayBuildContext the gateway image's build context, when the gateway is deployed: the
 *     repository root, which holds {@value Contracts#GATEWAY_DOCKERFILE}
 * @param discordPublicKey the public key, when given as context (else a stack parameter)
 * @param discordApplicationId the application id, when given as context (else a stack parameter)
 * @param bedrockModel the model or inference profile the worker invokes
 * @param guardrail the guardrail the worker applies, if any
 * @param alarmEmail an address that receives alarm notifications, if any
 * @param localEndpoints declare the endpoint overrides {@code SQS_ENDPOINT} (handler) and {@code
 *     DISCORD_API_BASE} (worker) with empty values, which the functions treat as unset. {@code sam
 *     local invoke --env-vars} only sets variables the template declares, so a template synthesized
 *     this way lets events/env.json point the functions at local emulators. Not for deployment.
 * @param options the optional features and cost switches
 */
public record RoastDenStackProps(
        Path handlerJar,
        Path workerJar,
        Optional<Path> gatewayBuildContext,
        Optional<String> discordPublicKey,
        Optional<String> discordApplicationId,
        BedrockModel bedrockModel,
        Optional<Guardrail> guardrail,
        Optional<String> alarmEmail,
        boolean localEndpoints,
        Options options) {

    /**
     * Switches that change cost or adopt existing resources.
     *
     * @param bedrockSourceRegions the Regions the model may be called from, replacing {@link
     *     dev.roastden.infra.worker.InferenceProfileRegions}; an empty list switches the check off
     * @param dashboard create the CloudWatch dashboard
     * @param detailedMetrics the worker publishes its per-request metrics
     * @param memoryTableName adopt this existing memory table instead of creating one
     * @param gatewaySpot the gateway task runs on Fargate Spot
     * @param gatewayPublicIpv4 the gateway task gets a public IPv4 address (else IPv6 only)
     * @param adminWebhookSecretArn an existing secret with the admin channel's webhook URL, for failure alerts
     * @param fallbackModel the cheaper model for servers past their soft budget limit, with its price
     */
    public record Options(
            Optional<List<String>> bedrockSourceRegions,
            boolean dashboard,
            boolean detailedMetrics,
            Optional<String> memoryTableName,
            boolean gatewaySpot,
            boolean gatewayPublicIpv4,
            Optional<String> adminWebhookSecretArn,
            Optional<dev.roastden.infra.worker.FallbackModel> fallbackModel) {

        public Options {
            Objects.requireNonNull(bedrockSourceRegions, "bedrockSourceRegions");
            bedrockSourceRegions = bedrockSourceRegions.map(List::copyOf);
            Objects.requireNonNull(memoryTableName, "memoryTableName");
            Objects.requireNonNull(adminWebhookSecretArn, "adminWebhookSecretArn");
            Objects.requireNonNull(fallbackModel, "fallbackModel");
        }

        /** No dashboard, no per-request metrics, a new table, the gateway on Spot over IPv6 only. */
        public static Options defaults() {
            return new Options(
                    Optional.empty(), false, false, Optional.empty(), true, false, Optional.empty(), Optional.empty());
        }

        public Options withDashboard(boolean value) {
            return new Options(
                    bedrockSourceRegions,
                    value,
                    detailedMetrics,
                    memoryTableName,
                    gatewaySpot,
                    gatewayPublicIpv4,
                    adminWebhookSecretArn,
                    fallbackModel);
        }

        public Options withDetailedMetrics(boolean value) {
            return new Options(
                    bedrockSourceRegions,
                    dashboard,
                    value,
                    memoryTableName,
                    gatewaySpot,
                    gatewayPublicIpv4,
                    adminWebhookSecretArn,
                    fallbackModel);
        }

        public Options withMemoryTableName(String name) {
            return new Options(
                    bedrockSourceRegions,
                    dashboard,
                    detailedMetrics,
                    Optional.of(name),
                    gatewaySpot,
                    gatewayPublicIpv4,
                    adminWebhookSecretArn,
                    fallbackModel);
        }

        public Options withBedrockSourceRegions(List<String> regions) {
            return new Options(
                    Optional.of(regions),
                    dashboard,
                    detailedMetrics,
                    memoryTableName,
                    gatewaySpot,
                    gatewayPublicIpv4,
                    adminWebhookSecretArn,
                    fallbackModel);
        }

        public Options withAdminWebhookSecretArn(String arn) {
            return new Options(
                    bedrockSourceRegions,
                    dashboard,
                    detailedMetrics,
                    memoryTableName,
                    gatewaySpot,
                    gatewayPublicIpv4,
                    Optional.of(arn),
                    fallbackModel);
        }

        public Options withFallbackModel(dev.roastden.infra.worker.FallbackModel model) {
            return new Options(
                    bedrockSourceRegions,
                    dashboard,
                    detailedMetrics,
                    memoryTableName,
                    gatewaySpot,
                    gatewayPublicIpv4,
                    adminWebhookSecretArn,
                    Optional.of(model));
        }

        public Options withGateway(boolean spot, boolean publicIpv4) {
            return new Options(
                    bedrockSourceRegions,
                    dashboard,
                    detailedMetrics,
                    memoryTableName,
                    spot,
                    publicIpv4,
                    adminWebhookSecretArn,
                    fallbackModel);
        }
    }

    public RoastDenStackProps {
        Objects.requireNonNull(handlerJar, "handlerJar");
        Objects.requireNonNull(workerJar, "workerJar");
        Objects.requireNonNull(gatewayBuildContext, "gatewayBuildContext");
        Objects.requireNonNull(discordPublicKey, "discordPublicKey");
        Objects.requireNonNull(discordApplicationId, "discordApplicationId");
        Objects.requireNonNull(bedrockModel, "bedrockModel");
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(alarmEmail, "alarmEmail");
        Objects.requireNonNull(options, "options");
    }

    /** The defaults: no gateway, Discord values as stack parameters, the default model, no guardrail. */
    public static RoastDenStackProps of(Path handlerJar, Path workerJar) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new BedrockModel(Contracts.DEFAULT_BEDROCK_MODEL_ID),
                Optional.empty(),
                Optional.empty(),
                false,
                Options.defaults());
    }

    /** Deploys the gateway, its image built from {@code buildContext} (the repository root). */
    public RoastDenStackProps withGateway(Path buildContext) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                Optional.of(buildContext),
                discordPublicKey,
                discordApplicationId,
                bedrockModel,
                guardrail,
                alarmEmail,
                localEndpoints,
                options);
    }

    public RoastDenStackProps withDiscord(String publicKey, String applicationId) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                Optional.of(publicKey),
                Optional.of(applicationId),
                bedrockModel,
                guardrail,
                alarmEmail,
                localEndpoints,
                options);
    }

    public RoastDenStackProps withModel(BedrockModel model) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                discordPublicKey,
                discordApplicationId,
                model,
                guardrail,
                alarmEmail,
                localEndpoints,
                options);
    }

    public RoastDenStackProps withGuardrail(Guardrail value) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                discordPublicKey,
                discordApplicationId,
                bedrockModel,
                Optional.of(value),
                alarmEmail,
                localEndpoints,
                options);
    }

    public RoastDenStackProps withAlarmEmail(String email) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                discordPublicKey,
                discordApplicationId,
                bedrockModel,
                guardrail,
                Optional.of(email),
                localEndpoints,
                options);
    }

    public RoastDenStackProps withLocalEndpoints() {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                discordPublicKey,
                discordApplicationId,
                bedrockModel,
                guardrail,
                alarmEmail,
                true,
                options);
    }

    public RoastDenStackProps withOptions(Options value) {
        return new RoastDenStackProps(
                handlerJar,
                workerJar,
                gatewayBuildContext,
                discordPublicKey,
                discordApplicationId,
                bedrockModel,
                guardrail,
                alarmEmail,
                localEndpoints,
                value);
    }
}
