package dev.roastden.infra;

import dev.roastden.infra.worker.BedrockModel;
import dev.roastden.infra.worker.Guardrail;
import java.nio.file.Path;
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
        boolean localEndpoints) {

    public RoastDenStackProps {
        Objects.requireNonNull(handlerJar, "handlerJar");
        Objects.requireNonNull(workerJar, "workerJar");
        Objects.requireNonNull(gatewayBuildContext, "gatewayBuildContext");
        Objects.requireNonNull(discordPublicKey, "discordPublicKey");
        Objects.requireNonNull(discordApplicationId, "discordApplicationId");
        Objects.requireNonNull(bedrockModel, "bedrockModel");
        Objects.requireNonNull(guardrail, "guardrail");
        Objects.requireNonNull(alarmEmail, "alarmEmail");
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
                false);
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
                localEndpoints);
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
                localEndpoints);
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
                localEndpoints);
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
                localEndpoints);
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
                localEndpoints);
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
                true);
    }
}
