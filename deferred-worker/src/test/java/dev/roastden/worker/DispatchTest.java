package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.worker.commands.CommandRegistry;
import dev.roastden.worker.commands.ReplyProducer;
import dev.roastden.worker.reply.Reply;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher: every job reaches its family's handler, and what no family handles gets a clear notice. */
class DispatchTest {
    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theWiringRegistersEveryCommandFamilyOnce() {
        assertThat(h.wiring.commands().routes()).contains("roast", "ask", "mention", "remember", "forget");
    }

    @Test
    void anUnknownCommandGetsANoticeAndNoModelCall() {
        DeferredJob job = h.jobs.command("dance", Optional.of("now"), Map.of(), Jobs.SAMMY, Map.of());

        h.deliver(job);

        assertThat(h.shown(job)).contains("I don't know the command /dance now.");
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void aButtonWhoseCustomIdIsNotOursOrMalformedGetsANotice() {
        DeferredJob foreign = h.jobs.component(Jobs.SAMMY, "someone-elses-button");
        DeferredJob badArgs = h.jobs.component(Jobs.SAMMY, "rd1:mp:<@1>:x");
        DeferredJob unknownKind = h.jobs.component(Jobs.SAMMY, "rd1:zz:1");

        h.deliver(foreign, badArgs, unknownKind);

        assertThat(h.shown(foreign)).contains("I don't recognise that button");
        assertThat(h.shown(badArgs)).contains("I don't recognise that button");
        assertThat(h.shown(unknownKind)).contains("That button doesn't do anything any more");
        assertThat(h.bedrock.calls()).isEmpty();
    }

    @Test
    void aHandlerThatThrowsIsRetryableUntilTheLastChanceThenAFriendlyError() throws Exception {
        CommandRegistry registry = CommandRegistry.builder()
                .command("boom", (job, attempt) -> {
                    throw new IllegalStateException("store down");
                })
                .build();
        ReplyProducer producer = new ReplyProducer(registry);
        DeferredJob job = h.jobs.command("boom", Optional.empty(), Map.of(), Jobs.SAMMY, Map.of());
        var budget = dev.roastden.worker.time.TimeBudget.of(java.time.Duration.ofSeconds(5));

        assertThatThrownBy(() -> producer.produce(job, new dev.roastden.worker.commands.Attempt(false, false, budget)))
                .isInstanceOf(dev.roastden.worker.commands.RetryableFailure.class);
        Reply last = producer.produce(job, new dev.roastden.worker.commands.Attempt(true, false, budget))
                .reply();
        assertThat(last.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(last.text()).contains("Something broke on our side");
    }

    @Test
    void aSubcommandsOwnHandlerWinsOverItsCommandsAndTwoHandlersForOneRouteFailAtStartUp() throws Exception {
        CommandRegistry registry = CommandRegistry.builder()
                .command("persona", (job, attempt) -> ReplyProducer.Produced.of(Reply.notice("family")))
                .subcommand("persona", "list", (job, attempt) -> ReplyProducer.Produced.of(Reply.notice("list")))
                .build();
        assertThat(registry.command("persona", Optional.of("list"))
                        .orElseThrow()
                        .handle(null, null)
                        .reply()
                        .text())
                .isEqualTo("list");
        assertThat(registry.command("persona", Optional.of("show"))
                        .orElseThrow()
                        .handle(null, null)
                        .reply()
                        .text())
                .isEqualTo("family");
        assertThat(registry.command("personas", Optional.empty())).isEmpty();

        assertThatThrownBy(() -> CommandRegistry.builder()
                        .component("mp", (job, attempt) -> null)
                        .component("mp", (job, attempt) -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp");
    }
}
