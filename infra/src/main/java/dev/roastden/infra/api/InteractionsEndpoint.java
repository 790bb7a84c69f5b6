package dev.roastden.infra.api;

import dev.roastden.infra.Nag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The public HTTPS endpoint Discord sends interactions to: an API Gateway HTTP API with one route,
 * {@code POST /interactions}, integrated (payload format 2.0) with the handler's alias. The
 * default stage is throttled and writes JSON access logs.
 */
public final class InteractionsEndpoint extends Construct {

    public static final String ROUTE_PATH = "/interactions";

    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogs;

    public InteractionsEndpoint(Construct scope, String id, InteractionsEndpointProps props) {
        super(scope, id);

        api = HttpApi.Builder.create(this, "Api")
                .description("Roast Den: Discord interactions endpoint")
                .createDefaultStage(false)
                .build();

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        stage = api.addStage(
                "DefaultStage",
                HttpStageOptions.builder()
                        .stageName("$default")
                        .autoDeploy(true)
                        .throttle(ThrottleSettings.builder()
                                .rateLimit(props.rateLimit())
                                .burstLimit(props.burstLimit())
                                .build())
                        .accessLogSettings(new IAccessLogSettings() {
                            @Override
                            public LogGroupLogDestination getDestination() {
                                return new LogGroupLogDestination(accessLogs);
                            }

                            @Override
                            public AccessLogFormat getFormat() {
                                return AccessLogFormat.custom(accessLogFormat());
                            }
                        })
                        .build());

        api.addRoutes(AddRoutesOptions.builder()
                .path(ROUTE_PATH)
                .methods(List.of(HttpMethod.POST))
                .integration(new HttpLambdaIntegration("Handler", props.handler()))
                .build());

        Nag.accept(
                api,
                "AwsSolutions-APIG4",
                "Discord authenticates every request with an Ed25519 signature over the raw body, which the"
                        + " handler verifies before doing anything else and answers 401 when it fails. API Gateway"
                        + " authorizers cannot see the body, so they cannot check it; Discord sends no other credential.");
    }

    /** One JSON object per request; no headers or bodies, so no interaction tokens are logged. */
    private static String accessLogFormat() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("time", "$context.requestTime");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("method", "$context.httpMethod");
        fields.put("path", "$context.path");
        fields.put("status", "$context.status");
        fields.put("responseLength", "$context.responseLength");
        fields.put("responseLatency", "$context.responseLatency");
        fields.put("integrationLatency", "$context.integrationLatency");
        fields.put("integrationStatus", "$context.integrationStatus");
        fields.put("integrationError", "$context.integrationErrorMessage");
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":\"").append(value).append('"');
        });
        return json.append('}').toString();
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    /** The URL to paste into the Discord Developer Portal as the Interactions Endpoint URL. */
    public String interactionsUrl() {
        return api.getApiEndpoint() + ROUTE_PATH;
    }
}
