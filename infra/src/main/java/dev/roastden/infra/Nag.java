package dev.roastden.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/**
 * Records why a cdk-nag AwsSolutions finding is accepted. Every suppression in the app goes
 * through here so that each one carries a written reason next to the resource it concerns.
 */
public final class Nag {

    private Nag() {}

    /** Accepts {@code ruleId} on {@code construct} and its children, for the stated reason. */
    public static void accept(IConstruct construct, String ruleId, String reason) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()),
                true);
    }

    /**
     * Accepts {@code ruleId} on {@code construct} only for the listed findings (for example
     * {@code Resource::*} of IAM5), for the stated reason.
     */
    public static void acceptOnly(IConstruct construct, String ruleId, String reason, String... appliesTo) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder()
                        .id(ruleId)
                        .reason(reason)
                        .appliesTo(List.of((Object[]) appliesTo))
                        .build()),
                true);
    }
}
