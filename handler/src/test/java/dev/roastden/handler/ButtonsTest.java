package dev.roastden.handler;

import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.button;
import static dev.roastden.handler.Interactions.context;
import static dev.roastden.handler.Interactions.inGuild;
import static dev.roastden.handler.Interactions.modal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Consent and page buttons: only the named member answers; the press updates its message and is queued. */
class ButtonsTest extends RouterFixture {
    @ParameterizedTest
    @ValueSource(strings = {"rd1:pa:sam:" + MEMBER + ":3", "rd1:pd:sam:" + MEMBER + ":3", "rd1:pw:sam:" + MEMBER})
    void theNamedMemberUpdatesTheMessageAndTheJobIsQueued(String customId) {
        JsonNode answer = answer(button(inGuild(member), customId));
        assertThat(answer.toString()).isEqualTo("{\"type\":6}");
        DeferredJob job = queue.jobs.get(0);
        assertThat(job.kind()).isEqualTo(DeferredJob.Kind.COMPONENT);
        assertThat(job.option(DeferredJob.CUSTOM_ID)).contains(customId);
        assertThat(job.option(DeferredJob.MESSAGE_ID)).contains("1310000000000000099");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rd1:pa:sam:" + MEMBER + ":3", "rd1:pd:sam:" + MEMBER + ":3", "rd1:pw:sam:" + MEMBER})
    void anyoneElseIsToldPrivatelyWhoCanAnswer(String customId) {
        assertPrivateMessage(answer(button(inGuild(manager), customId)), "Only <@" + MEMBER + "> can answer this.");
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void aMemoriesPageUpdatesItsMessage() {
        assertThat(answer(button(inGuild(other), "rd1:mp:2:-:-")).toString()).isEqualTo("{\"type\":6}");
        assertThat(queue.jobs).singleElement().satisfies(job -> assertThat(job.option(DeferredJob.CUSTOM_ID))
                .contains("rd1:mp:2:-:-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"again", "rd1:xx:1", "rd1:pa", "rd1:pa:sam", "rd1:pa:-:" + MEMBER + ":3", "rd1:pc:-"})
    void anUnknownControlIsExplainedPrivately(String customId) {
        assertPrivateMessage(answer(button(inGuild(member), customId)), ComponentRouter.CONTROL_GONE);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void aQueueThatIsDownGetsATryAgain() {
        queue.down = true;
        assertPrivateMessage(
                answer(button(inGuild(member), "rd1:pa:sam:" + MEMBER + ":3")), InteractionRouter.QUEUE_FAILED);
    }

    @Test
    void outsideAServerNothingHappens() {
        var dm = context(member, Optional.empty(), Map.of());
        assertPrivateMessage(answer(button(dm, "rd1:pa:sam:" + MEMBER + ":3")), InteractionRouter.GUILD_ONLY);
        assertPrivateMessage(answer(modal(dm, "rd1:pc:-")), InteractionRouter.GUILD_ONLY);
        assertThat(queue.jobs).isEmpty();
    }
}
