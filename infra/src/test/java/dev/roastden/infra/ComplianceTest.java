package dev.roastden.infra;

import static dev.roastden.infra.Cfn.list;
import static dev.roastden.infra.Cfn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;

/** cdk-nag's AwsSolutions pack runs on every synthesis of the stack. */
class ComplianceTest {

    static List<Synthesized.Result> stacks() {
        return List.of(Synthesized.defaults(), Synthesized.alternative());
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void awsSolutionsChecksReportNoUnsuppressedFinding(Synthesized.Result synthesized) {
        synthesized.annotations().hasNoError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        synthesized.annotations().hasNoWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void synthesisReportsNoErrorAtAll(Synthesized.Result synthesized) {
        assertThat(synthesized.annotations().findError("*", Match.anyValue())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void checksRanOnEveryResourceAndLeftNothingNonCompliant(Synthesized.Result synthesized) throws Exception {
        Path report = Path.of(((App) synthesized.stack().getNode().getRoot()).getOutdir())
                .resolve("AwsSolutions-" + Contracts.STACK_ID + "-NagReport.csv");
        List<List<String>> rows = Files.readAllLines(report).stream()
                .skip(1)
                .map(ComplianceTest::csv)
                .toList();
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(row -> row.get(2)).allMatch(status -> List.of("Compliant", "Suppressed")
                .contains(status));
        String queuePath = synthesized.stack().workQueue().queue().getNode().getPath() + "/Resource";
        assertThat(rows).contains(List.of("AwsSolutions-SQS2", queuePath, "Compliant"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everySuppressionGivesAReason(Synthesized.Result synthesized) {
        List<Map<String, Object>> suppressions = new ArrayList<>();
        Map<String, Object> resources = map(synthesized.template().toJSON().get("Resources"));
        for (Object resource : resources.values()) {
            Object metadata = map(resource).get("Metadata");
            if (metadata == null || !map(metadata).containsKey("cdk_nag")) {
                continue;
            }
            list(map(map(metadata).get("cdk_nag")).get("rules_to_suppress"))
                    .forEach(rule -> suppressions.add(map(rule)));
        }
        assertThat(suppressions).isNotEmpty().allSatisfy(rule -> {
            assertThat((String) rule.get("id")).startsWith("AwsSolutions-");
            assertThat((String) rule.get("reason")).isNotBlank().hasSizeGreaterThan(40);
        });
    }

    /** Rule id, resource path and status of one report line ("quoted","csv","fields",...). */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() && fields.size() < 3; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return List.copyOf(fields);
    }
}
