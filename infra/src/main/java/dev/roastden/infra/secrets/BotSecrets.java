package dev.roastden.infra.secrets;

import dev.roastden.infra.Nag;
import java.util.List;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The bot's Discord credentials.
 *
 * <p>The bot token is a secret: it lives only in Secrets Manager. The stack creates the secret
 * with a random placeholder value; the operator stores the real token with {@code aws
 * secretsmanager put-secret-value} (docs/DEPLOY.md). The public key and the application id are
 * public values and travel as plain environment variables, so the handler never calls Secrets
 * Manager on its three-second path. They come from CDK context when given there, otherwise from
 * the stack parameters {@value #PUBLIC_KEY_PARAMETER} and {@value #APPLICATION_ID_PARAMETER}.
 */
public final class BotSecrets extends Construct {

    public static final String PUBLIC_KEY_PARAMETER = "DiscordPublicKey";
    public static final String APPLICATION_ID_PARAMETER = "DiscordApplicationId";

    private final Secret botToken;
    private final String discordPublicKey;
    private final String discordApplicationId;

    public BotSecrets(Construct scope, String id, BotSecretsProps props) {
        super(scope, id);

        botToken = Secret.Builder.create(this, "BotToken")
                .description("Roast Den Discord bot token (Developer Portal > Bot > Token)")
                .build();
        Nag.accept(
                botToken,
                "AwsSolutions-SMG4",
                "A Discord bot token can only be reset in the Discord Developer Portal; there is no API a"
                        + " rotation Lambda could call. The operator rotates it by resetting it there and putting the"
                        + " new value into this secret.");

        discordPublicKey = props.discordPublicKey()
                .orElseGet(() -> parameter(
                        PUBLIC_KEY_PARAMETER,
                        "Discord application PUBLIC KEY (64 hex characters); public, used to verify request"
                                + " signatures",
                        BotSecretsProps.PUBLIC_KEY_PATTERN.pattern()));
        discordApplicationId = props.discordApplicationId()
                .orElseGet(() -> parameter(
                        APPLICATION_ID_PARAMETER,
                        "Discord APPLICATION ID (numeric)",
                        BotSecretsProps.APPLICATION_ID_PATTERN.pattern()));
    }

    private String parameter(String name, String description, String pattern) {
        CfnParameter parameter = CfnParameter.Builder.create(this, name)
                .type("String")
                .description(description)
                .allowedPattern(pattern)
                .constraintDescription("see the parameter description")
                .build();
        parameter.overrideLogicalId(name);
        return parameter.getValueAsString();
    }

    /** The Secrets Manager secret holding the bot token. */
    public Secret botToken() {
        return botToken;
    }

    /** The public key, as a literal or as a reference to its stack parameter. */
    public String discordPublicKey() {
        return discordPublicKey;
    }

    /** The application id, as a literal or as a reference to its stack parameter. */
    public String discordApplicationId() {
        return discordApplicationId;
    }

    /** Lets {@code reader} read the token's value: {@code secretsmanager:GetSecretValue} on this secret only. */
    public void grantTokenRead(IGrantable reader) {
        reader.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("secretsmanager:GetSecretValue"))
                        .resources(List.of(botToken.getSecretArn()))
                        .build());
    }
}
