package dev.roastden.infra;

import static dev.roastden.infra.Cfn.getAtt;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class InteractionsEndpointTest {

    private final Synthesized.Result synthesized = Synthesized.defaults();
    private final Template template = synthesized.template();
    private final String aliasId = Cfn.logicalId(synthesized.stack().handler().alias());

    @Test
    void isAnHttpApiWithTheSingleRoutePostInteractions() {
        assertThat(properties(Cfn.only(template, "AWS::ApiGatewayV2::Api"))).containsEntry("ProtocolType", "HTTP");
        assertThat(properties(Cfn.only(template, "AWS::ApiGatewayV2::Route")))
                .containsEntry("RouteKey", "POST /interactions");
    }

    @Test
    void routeIntegratesWithTheHandlerAliasNotLatest() {
        Map<String, Map<String, Object>> integrations = Cfn.resources(template, "AWS::ApiGatewayV2::Integration");
        assertThat(integrations).hasSize(1);
        String integrationId = integrations.keySet().iterator().next();
        Map<String, Object> integration = properties(integrations.get(integrationId));

        assertThat(integration)
                .containsEntry("IntegrationType", "AWS_PROXY")
                .containsEntry("PayloadFormatVersion", "2.0")
                .containsEntry("IntegrationUri", ref(aliasId));
        assertThat(integration.get("IntegrationUri"))
                .isNotEqualTo(getAtt(Contracts.HANDLER_LOGICAL_ID, "Arn"))
                .isNotEqualTo(ref(Contracts.HANDLER_LOGICAL_ID));

        // The route's target is "integrations/<that integration>".
        Object target =
                properties(Cfn.only(template, "AWS::ApiGatewayV2::Route")).get("Target");
        assertThat(Cfn.list(Cfn.list(map(target).get("Fn::Join")).get(1))).contains(ref(integrationId));
    }

    @Test
    void apiGatewayMayInvokeTheAliasOnly() {
        assertThat(Cfn.resources(template, "AWS::Lambda::Permission").values().stream()
                        .map(Cfn::properties)
                        .filter(p -> "apigateway.amazonaws.com".equals(p.get("Principal"))))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).containsEntry("FunctionName", ref(aliasId)));
    }

    @Test
    void defaultStageIsThrottled() {
        Map<String, Object> stage = properties(Cfn.only(template, "AWS::ApiGatewayV2::Stage"));
        assertThat(stage).containsEntry("StageName", "$default").containsEntry("AutoDeploy", true);
        Map<String, Object> route = map(stage.get("DefaultRouteSettings"));
        assertThat(Cfn.number(route.get("ThrottlingRateLimit"))).isEqualTo(25);
        assertThat(Cfn.number(route.get("ThrottlingBurstLimit"))).isEqualTo(50);
    }

    @Test
    void accessLogsAreJsonInALogGroupKeptForAMonth() throws Exception {
        Map<String, Object> settings =
                map(properties(Cfn.only(template, "AWS::ApiGatewayV2::Stage")).get("AccessLogSettings"));
        String logGroupId = (String)
                Cfn.list(map(settings.get("DestinationArn")).get("Fn::GetAtt")).get(0);
        assertThat(Cfn.number(properties(Cfn.resource(template, logGroupId)).get("RetentionInDays")))
                .isEqualTo(30);

        JsonNode format = new ObjectMapper().readTree((String) settings.get("Format"));
        assertThat(format.path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.path("status").asText()).isEqualTo("$context.status");
        assertThat(format.path("integrationLatency").asText()).isEqualTo("$context.integrationLatency");
    }

    @Test
    void stackOutputsTheInteractionsEndpointUrl() {
        Map<String, Object> output = map(map(template.toJSON().get("Outputs")).get("InteractionsEndpointUrl"));
        Object value = output.get("Value");
        String apiId = Cfn.logicalId(synthesized.stack().endpoint().api());
        assertThat(Cfn.list(Cfn.list(map(value).get("Fn::Join")).get(1)))
                .contains(getAtt(apiId, "ApiEndpoint"), "/interactions");
    }
}
