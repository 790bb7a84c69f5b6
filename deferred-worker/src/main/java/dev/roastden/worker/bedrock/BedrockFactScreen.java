package dev.roastden.worker.bedrock;

import dev.roastden.core.model.ModelException;
import dev.roastden.worker.commands.FactScreen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;

/**
 * Screens facts with Bedrock's ApplyGuardrail, which evaluates text against the configured guardrail without
 * invoking a model. The fact is sent as user input; a {@code GUARDRAIL_INTERVENED} action refuses it.
 *
 * <p>Like the model, the call is not retried by the client: throttling and outages are retryable failures (retried
 * briefly by {@code RetryingFactScreen}, then by the queue), while a missing guardrail or a missing permission is
 * not.
 */
public final class BedrockFactScreen implements FactScreen {
    private final BedrockRuntimeClient client;
    private final String guardrailId;
    private final String guardrailVersion;

    public BedrockFactScreen(BedrockRuntimeClient client, String guardrailId, String guardrailVersion) {
        this.client = client;
        this.guardrailId = guardrailId;
        this.guardrailVersion = guardrailVersion;
    }

    /** The ApplyGuardrail request for {@code fact}: one text block, screened as user input. */
    private ApplyGuardrailRequest request(String fact) {
        return ApplyGuardrailRequest.builder()
                .guardrailIdentifier(guardrailId)
                .guardrailVersion(guardrailVersion)
                .source(GuardrailContentSource.INPUT)
                .content(GuardrailContentBlock.fromText(t -> t.text(fact)))
                .build();
    }

    @Override
    public Verdict screen(String fact, Duration timeout) throws Unavailable {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new Unavailable("No time left to screen the fact", true, null);
        }
        ApplyGuardrailRequest request = request(fact).toBuilder()
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
        ApplyGuardrailResponse response;
        try {
            response = client.applyGuardrail(request);
        } catch (SdkException e) {
            ModelException failure = BedrockErrors.classify(e);
            throw new Unavailable(
                    "The guardrail could not screen the fact: " + failure.getMessage(), failure.retryable(), e);
        }
        if (response.action() == GuardrailAction.GUARDRAIL_INTERVENED) {
            return new Verdict.Refused(policies(response));
        }
        return new Verdict.Allowed();
    }

    /** The names of the policies that assessed the text, e.g. "topicPolicy, wordPolicy". */
    private static String policies(ApplyGuardrailResponse response) {
        List<String> names = new ArrayList<>();
        for (GuardrailAssessment a : response.assessments()) {
            addIf(names, a.topicPolicy() != null, "topicPolicy");
            addIf(names, a.contentPolicy() != null, "contentPolicy");
            addIf(names, a.wordPolicy() != null, "wordPolicy");
            addIf(names, a.sensitiveInformationPolicy() != null, "sensitiveInformationPolicy");
            addIf(names, a.contextualGroundingPolicy() != null, "contextualGroundingPolicy");
            addIf(names, a.automatedReasoningPolicy() != null, "automatedReasoningPolicy");
        }
        return names.isEmpty() ? "guardrail intervened" : "guardrail intervened: " + String.join(", ", names);
    }

    private static void addIf(List<String> names, boolean present, String name) {
        if (present && !names.contains(name)) {
            names.add(name);
        }
    }
}
