package dev.roastden.infra.worker;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnRule;
import software.amazon.awscdk.CfnRuleAssertion;
import software.amazon.awscdk.Fn;
import software.constructs.Construct;

/**
 * A CloudFormation rule that refuses to deploy into a Region the configured inference profile
 * cannot be called from. Without it such a stack deploys cleanly and then answers every command
 * with an error, because Bedrock rejects each call with a validation error. The check runs before
 * CloudFormation creates anything, and its message names the profile and the Regions it serves.
 *
 * <p>A plain foundation-model id gets no rule (its Regions are not known here), and neither does
 * a profile whose prefix has no known Region list.
 */
public final class ModelRegionRule extends Construct {

    /** Logical id of the rule in the template. */
    public static final String RULE_ID = "BedrockModelRegion";

    private final Optional<List<String>> regions;

    /**
     * @param override Regions that replace {@link InferenceProfileRegions}'s list; an empty list
     *     means no rule
     */
    public ModelRegionRule(Construct scope, String id, BedrockModel model, Optional<List<String>> override) {
        super(scope, id);
        regions = override.or(() -> InferenceProfileRegions.sourceRegions(model))
                .filter(list -> !list.isEmpty())
                .map(list -> list.stream().sorted().distinct().toList());
        regions.ifPresent(allowed -> {
            CfnRule rule = CfnRule.Builder.create(scope, RULE_ID)
                    .assertions(List.of(CfnRuleAssertion.builder()
                            .assertValue(Fn.conditionContains(allowed, Aws.REGION))
                            .assertDescription("The Bedrock model " + model.modelId()
                                    + " cannot be called from this Region. Deploy to one of "
                                    + String.join(", ", allowed)
                                    + ", or choose a profile for this Region with -c bedrockModelId=… (docs/DEPLOY.md)")
                            .build()))
                    .build();
            rule.overrideLogicalId(RULE_ID);
        });
    }

    /** The Regions the rule admits; empty when there is no rule. */
    public Optional<List<String>> regions() {
        return regions;
    }
}
