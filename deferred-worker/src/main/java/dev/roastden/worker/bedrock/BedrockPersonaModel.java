package dev.roastden.worker.bedrock;

import dev.roastden.core.model.ModelException;
import dev.roastden.core.model.ModelReply;
import dev.roastden.core.model.ModelRequest;
import dev.roastden.core.model.PersonaModel;
import dev.roastden.core.prompt.Prompt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Claude through Bedrock's Converse API. The static system text is followed by a prompt-cache point, then the
 * per-request context (Bedrock caches only prefixes of at least the model's minimum, 4,096 tokens on Claude Haiku
 * 4.5, and ignores the point below it, without charge; docs/DEPLOY.md measures the prefix at about 1,150 tokens, so
 * the point pays off only for larger personas or models with a lower minimum); the user turn carries the trusted instruction as text and the users' words as a separate
 * block — a {@code guardContent} block when a guardrail is configured, so only what users typed is screened.
 *
 * <p>The client should not retry by itself: throttling is retried by {@link dev.roastden.worker.RetryingModel} with
 * an injectable sleeper, and longer outages by the queue.
 */
public final class BedrockPersonaModel implements PersonaModel {
    private final BedrockRuntimeClient client;
    private final String modelId;
    private final Optional<GuardrailConfiguration> guardrail;

    public BedrockPersonaModel(
            BedrockRuntimeClient client,
            String modelId,
            Optional<String> guardrailId,
            Optional<String> guardrailVersion) {
        this.client = client;
        this.modelId = modelId;
        this.guardrail = guardrailId.map(id -> GuardrailConfiguration.builder()
                .guardrailIdentifier(id)
                .guardrailVersion(guardrailVersion.orElse("DRAFT"))
                .build());
    }

    @Override
    public String label() {
        return "Claude on Amazon Bedrock (" + modelId + ")";
    }

    /** The Converse request for {@code request} (to its model override, if any); public for priming and tests. */
    public ConverseRequest converseRequest(ModelRequest request) {
        Prompt prompt = request.prompt();
        List<SystemContentBlock> system = new ArrayList<>(3);
        system.add(SystemContentBlock.fromText(prompt.system()));
        system.add(SystemContentBlock.fromCachePoint(c -> c.type(CachePointType.DEFAULT)));
        system.add(SystemContentBlock.fromText(prompt.context()));
        List<ContentBlock> user = new ArrayList<>(2);
        user.add(ContentBlock.fromText(prompt.instruction()));
        if (guardrail.isPresent()) {
            user.add(ContentBlock.fromGuardContent(g -> g.text(t -> t.text(prompt.userData()))));
        } else {
            user.add(ContentBlock.fromText(prompt.userData()));
        }
        ConverseRequest.Builder builder = ConverseRequest.builder()
                .modelId(request.model().orElse(modelId))
                .system(system)
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(user)
                        .build())
                .inferenceConfig(c -> c.maxTokens(request.maxTokens()).temperature(0.9f));
        guardrail.ifPresent(builder::guardrailConfig);
        return builder.build();
    }

    @Override
    public ModelReply generate(ModelRequest request) throws ModelException {
        return call(converseRequest(request));
    }

    /** One call that the SDK abandons after {@code timeout} (a transient failure then). */
    @Override
    public ModelReply generate(ModelRequest request, Duration timeout) throws ModelException {
        ConverseRequest bounded = converseRequest(request).toBuilder()
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
        return call(bounded);
    }

    private ModelReply call(ConverseRequest converse) throws ModelException {
        ConverseResponse response;
        try {
            response = client.converse(converse);
        } catch (SdkException e) {
            throw BedrockErrors.classify(e);
        }
        StringBuilder text = new StringBuilder();
        if (response.output() != null && response.output().message() != null) {
            for (ContentBlock block : response.output().message().content()) {
                if (block.text() != null) {
                    text.append(block.text());
                }
            }
        }
        boolean blocked = response.stopReason() == StopReason.GUARDRAIL_INTERVENED
                || response.stopReason() == StopReason.CONTENT_FILTERED;
        int in = response.usage() == null || response.usage().inputTokens() == null
                ? 0
                : response.usage().inputTokens();
        int out = response.usage() == null || response.usage().outputTokens() == null
                ? 0
                : response.usage().outputTokens();
        int cacheRead = response.usage() == null || response.usage().cacheReadInputTokens() == null
                ? 0
                : response.usage().cacheReadInputTokens();
        int cacheWrite = response.usage() == null || response.usage().cacheWriteInputTokens() == null
                ? 0
                : response.usage().cacheWriteInputTokens();
        String reply = text.toString().strip();
        if (reply.isEmpty() && !blocked) {
            throw new ModelException(ModelException.Kind.TRANSIENT, "Bedrock returned an empty answer");
        }
        return new ModelReply(reply, in, out, blocked, cacheRead, cacheWrite);
    }
}
