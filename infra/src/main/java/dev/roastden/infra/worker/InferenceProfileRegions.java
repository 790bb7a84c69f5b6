package dev.roastden.infra.worker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Regions a system-defined inference profile can be called from (its source Regions), by
 * profile prefix, for Claude Haiku 4.5 as Bedrock's "Supported Regions and models for inference
 * profiles" page lists them. A profile called from any other Region fails with a validation error
 * on every request, so the stack refuses such a Region at deploy time (a CloudFormation rule).
 *
 * <p>AWS adds source Regions over time; a Region missing here can be allowed with the {@code
 * bedrockSourceRegions} setting (a comma-separated list that replaces this one).
 */
public final class InferenceProfileRegions {

    private static final List<String> US = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2");
    private static final List<String> EU = List.of(
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3");
    private static final List<String> APAC = List.of(
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4");
    private static final List<String> JP = List.of("ap-northeast-1", "ap-northeast-3");
    private static final List<String> AU = List.of("ap-southeast-2", "ap-southeast-4");
    private static final List<String> CA = List.of("ca-central-1", "ca-west-1");
    private static final List<String> GLOBAL = List.of(
            "af-south-1",
            "ap-east-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-7",
            "ca-central-1",
            "ca-west-1",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "me-central-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2");

    private static final Map<String, List<String>> BY_PREFIX =
            Map.of("us", US, "eu", EU, "apac", APAC, "jp", JP, "au", AU, "ca", CA, "global", GLOBAL);

    private InferenceProfileRegions() {}

    /** The source Regions of {@code model}'s profile; empty for a plain model id or an unknown prefix. */
    public static Optional<List<String>> sourceRegions(BedrockModel model) {
        return model.profilePrefix().map(BY_PREFIX::get);
    }
}
