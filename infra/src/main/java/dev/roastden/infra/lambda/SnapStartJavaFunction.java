package dev.roastden.infra.lambda;

import dev.roastden.infra.Contracts;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A {@code java21} function with SnapStart on published versions, X-Ray active tracing, its own
 * log group with a retention period, and an execution role that holds nothing but what is granted
 * to it explicitly (no AWS managed policies).
 *
 * <p>SnapStart applies only to published versions, never to {@code $LATEST}. Every invoker (API
 * Gateway, the SQS event source, schedules) must therefore target {@link #alias()}, which always
 * points at the version published from the current code and configuration.
 */
public final class SnapStartJavaFunction extends Construct {

    private final Function function;
    private final Alias alias;
    private final Role role;
    private final LogGroup logGroup;

    public SnapStartJavaFunction(Construct scope, String id, SnapStartJavaFunctionProps props) {
        super(scope, id);

        logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of " + props.logicalId())
                .managedPolicies(List.of())
                .build();
        logGroup.grantWrite(role);

        function = Function.Builder.create(this, "Function")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .code(Code.fromAsset(props.jar().toAbsolutePath().toString()))
                .handler(props.entryPoint())
                .description(props.description())
                .memorySize(props.memoryMb())
                .timeout(props.timeout())
                .environment(props.environment())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .logGroup(logGroup)
                .role(role)
                .build();
        ((CfnFunction) function.getNode().getDefaultChild()).overrideLogicalId(props.logicalId());
        // CDK warns that SnapStart needs a published version; the alias below publishes one.
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "The live alias always points at a version published from the current code");

        alias = Alias.Builder.create(this, "LiveAlias")
                .aliasName(Contracts.LIVE_ALIAS)
                .version(function.getCurrentVersion())
                .description("Latest published version (SnapStart snapshots exist only for versions)")
                .build();
    }

    /** The function itself; invoke it through {@link #alias()}, never directly. */
    public Function function() {
        return function;
    }

    /** The alias that every invoker targets. */
    public Alias alias() {
        return alias;
    }

    /** The execution role. */
    public Role role() {
        return role;
    }

    /** The function's log group. */
    public LogGroup logGroup() {
        return logGroup;
    }
}
