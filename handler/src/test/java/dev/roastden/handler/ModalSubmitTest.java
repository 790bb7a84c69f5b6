package dev.roastden.handler;

import static dev.roastden.handler.Interactions.MANAGE_SERVER;
import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.OTHER;
import static dev.roastden.handler.Interactions.inGuild;
import static dev.roastden.handler.Interactions.modal;
import static dev.roastden.handler.Interactions.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.job.DeferredJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Persona form submits: deferred publicly only when a member is asked to accept, and queued; anything else is a stale form. */
class ModalSubmitTest extends RouterFixture {
    @Test
    void aNewPersonaOfAMemberIsDeferredPubliclyAndQueued() {
        JsonNode answer = answer(modal(inGuild(other), "rd1:pc:" + MEMBER));
        assertThat(answer.toString()).isEqualTo("{\"type\":5}");
        DeferredJob job = queue.jobs.get(0);
        assertThat(job.kind()).isEqualTo(DeferredJob.Kind.COMPONENT);
        assertThat(job.option(DeferredJob.CUSTOM_ID)).contains("rd1:pc:" + MEMBER);
        assertThat(job.field("name")).contains("Sam");
        assertThat(job.token()).contains("test-token");
    }

    @Test
    void aFictionalPersonaIsDeferredPrivately() {
        assertThat(answer(modal(inGuild(manager), "rd1:pc:-")).toString())
                .isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
        assertThat(queue.jobs).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
        // higher self in the id, invoker, public?
        MEMBER + "," + OTHER + ",true", // a manager's edit asks the member again
        MEMBER + "," + MEMBER + ",false", // the member's own edit
        "-," + OTHER + ",false" // a fictional persona
    })
    void anEditIsPublicOnlyWhenItAsksTheMemberAgain(String higherSelf, String invoker, boolean publicly) {
        JsonNode answer = answer(modal(inGuild(user(invoker, MANAGE_SERVER)), "rd1:pe:sam:3:" + higherSelf));
        assertThat(answer.path("type").asInt()).isEqualTo(5);
        assertThat(answer.path("data").path("flags").asInt(0)).isEqualTo(publicly ? 0 : 64);
        assertThat(queue.jobs).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"again", "rd1:zz:1", "rd2:pc:-", "rd1:pe:sam", "rd1:pc", "rd1:pa:sam:1:2"})
    void anUnknownFormIsExplainedPrivatelyAndNotQueued(String customId) {
        assertPrivateMessage(answer(modal(inGuild(member), customId)), ComponentRouter.FORM_GONE);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void aQueueThatIsDownGetsATryAgain() {
        queue.down = true;
        assertPrivateMessage(answer(modal(inGuild(member), "rd1:pc:-")), InteractionRouter.QUEUE_FAILED);
    }
}
