package dev.roastden.infra;

import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class MemoryTableTest {

    private final Template template = Synthesized.defaults().template();
    private final Map<String, Object> table = Cfn.only(template, "AWS::DynamoDB::Table");

    private static Map<String, Object> key(String name, String type) {
        return Map.of("AttributeName", name, "KeyType", type);
    }

    @Test
    void keysArePkAndSkStrings() {
        Map<String, Object> props = properties(table);
        assertThat(list(props.get("KeySchema"))).containsExactly(key("pk", "HASH"), key("sk", "RANGE"));
        assertThat(list(props.get("AttributeDefinitions")))
                .contains(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "S"));
    }

    @Test
    void itemsExpireThroughExpiresAt() {
        assertThat(properties(table))
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true));
    }

    @Test
    void pointInTimeRecoveryIsOn() {
        assertThat(properties(table))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
    }

    @Test
    void billsOnDemand() {
        assertThat(properties(table)).containsEntry("BillingMode", "PAY_PER_REQUEST");
    }

    @Test
    void byUserIndexFindsEverythingAboutAUser() {
        List<Object> indexes = list(properties(table).get("GlobalSecondaryIndexes"));
        assertThat(indexes).singleElement().satisfies(raw -> {
            Map<String, Object> index = map(raw);
            assertThat(index).containsEntry("IndexName", "byUser");
            assertThat(list(index.get("KeySchema"))).containsExactly(key("gsi1pk", "HASH"), key("gsi1sk", "RANGE"));
        });
        assertThat(list(properties(table).get("AttributeDefinitions")))
                .contains(
                        Map.of("AttributeName", "gsi1pk", "AttributeType", "S"),
                        Map.of("AttributeName", "gsi1sk", "AttributeType", "S"));
    }

    @Test
    void survivesStackDeletionAndReplacement() {
        assertThat(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void isProtectedAgainstDeletionAndRetained() {
        assertThat(properties(table)).containsEntry("DeletionProtectionEnabled", true);
        assertThat(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void aRedeployAdoptsTheRetainedTableByNameAndGrantsOnIt() {
        Synthesized.Result adopting = Synthesized.adopting();
        Template template = adopting.template();
        assertThat(Cfn.resources(template, "AWS::DynamoDB::Table")).isEmpty();
        assertThat(adopting.stack().memory().adopted()).isTrue();
        Map<String, Object> environment = map(map(properties(Cfn.resource(template, Contracts.WORKER_LOGICAL_ID))
                        .get("Environment"))
                .get("Variables"));
        assertThat(environment).containsEntry("MEMORY_TABLE_NAME", Synthesized.RETAINED_TABLE);
        assertThat(Cfn.json(template)).contains(":table/" + Synthesized.RETAINED_TABLE);
        assertThat(Synthesized.defaults().stack().memory().adopted()).isFalse();
    }
}
