package dev.roastden.infra.lambda;

import dev.roastden.infra.Ordered;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * Keeps a SnapStart version active. Lambda marks a SnapStart version inactive after 14 days
 * without an invocation, and invoking an inactive version fails until Lambda has restored it: a
 * friend group that is quiet for two weeks would lose its next command. A schedule therefore
 * invokes the alias with a harmless event (one the function answers without side effects).
 */
public final class SnapStartKeepAlive extends Construct {

    /** Lambda marks a SnapStart version inactive after this long without invocations. */
    public static final Duration INACTIVITY_LIMIT = Duration.days(14);

    /** Once a day: well inside the inactivity limit, and about thirty invocations a month. */
    public static final Duration DEFAULT_RATE = Duration.days(1);

    private final Rule rule;

    public SnapStartKeepAlive(
            Construct scope, String id, IFunction alias, Duration rate, Map<String, Object> event, String description) {
        super(scope, id);
        requireValidRate(rate);
        rule = Rule.Builder.create(this, "Schedule")
                .description(description)
                .schedule(Schedule.rate(rate))
                .build();
        rule.addTarget(LambdaFunction.Builder.create(alias)
                .event(RuleTargetInput.fromObject(Ordered.sorted(event)))
                .retryAttempts(0)
                .maxEventAge(Duration.minutes(5))
                .build());
    }

    /** Throws unless {@code rate} is at least a minute and shorter than the inactivity limit. */
    public static void requireValidRate(Duration rate) {
        long minutes = rate.toMinutes().longValue();
        if (minutes < 1 || minutes >= INACTIVITY_LIMIT.toMinutes().longValue()) {
            throw new IllegalArgumentException(
                    "A keep-alive rate must be at least a minute and shorter than 14 days, the SnapStart inactivity"
                            + " limit");
        }
    }

    public Rule rule() {
        return rule;
    }
}
