package dev.roastden.infra;

import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static dev.roastden.infra.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.infra.worker.BedrockModel;
import dev.roastden.infra.worker.InferenceProfileRegions;
import dev.roastden.infra.worker.ModelRegionRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class ModelRegionRuleTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Template template) {
        Map<String, Object> rules = map(template.toJSON().get("Rules"));
        return map(rules.get(ModelRegionRule.RULE_ID));
    }

    private static List<Object> allowedRegions(Map<String, Object> rule) {
        Map<String, Object> assertion = map(list(rule.get("Assertions")).get(0));
        List<Object> contains = list(map(assertion.get("Assert")).get("Fn::Contains"));
        assertThat(contains.get(1)).isEqualTo(ref("AWS::Region"));
        return list(contains.get(0));
    }

    @Test
    void theDefaultTemplateRefusesRegionsTheGlobalProfileCannotServe() {
        Map<String, Object> rule = rule(Synthesized.defaults().template());
        assertThat(allowedRegions(rule))
                .contains("us-east-1", "eu-west-1", "ap-northeast-1")
                .doesNotContain("cn-north-1");
        Map<String, Object> assertion = map(list(rule.get("Assertions")).get(0));
        assertThat((String) assertion.get("AssertDescription"))
                .contains("global.anthropic.claude-haiku-4-5-20251001-v1:0")
                .contains("bedrockModelId");
    }

    @Test
    void aUsProfileAdmitsOnlyUsRegions() {
        assertThat(allowedRegions(rule(Synthesized.adopting().template())))
                .containsExactly("us-east-1", "us-east-2", "us-west-1", "us-west-2");
    }

    @Test
    void aListFromTheSettingsReplacesTheBuiltInOneAndAnEmptyListOrAPlainModelMeansNoRule() {
        Stack stack = new Stack(new App(), "Rules");
        BedrockModel eu = new BedrockModel("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
        new ModelRegionRule(stack, "Override", eu, Optional.of(List.of("eu-west-1", "eu-central-1")));
        assertThat(allowedRegions(rule(Template.fromStack(stack)))).containsExactly("eu-central-1", "eu-west-1");

        Stack none = new Stack(new App(), "NoRules");
        assertThat(new ModelRegionRule(none, "Off", eu, Optional.of(List.of())).regions())
                .isEmpty();
        assertThat(new ModelRegionRule(
                                none,
                                "Plain",
                                new BedrockModel("anthropic.claude-haiku-4-5-20251001-v1:0"),
                                Optional.empty())
                        .regions())
                .isEmpty();
        assertThat(map(Template.fromStack(none).toJSON().getOrDefault("Rules", Map.of())))
                .doesNotContainKey(ModelRegionRule.RULE_ID);
    }

    @Test
    void everyKnownProfilePrefixHasRegions() {
        for (String prefix : List.of("us", "eu", "apac", "jp", "au", "ca", "global")) {
            assertThat(InferenceProfileRegions.sourceRegions(
                            new BedrockModel(prefix + ".anthropic.claude-haiku-4-5-20251001-v1:0")))
                    .as(prefix)
                    .hasValueSatisfying(regions -> assertThat(regions).isNotEmpty());
        }
    }
}
