package dev.roastden.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.job.DeferredJob;
import dev.roastden.core.memory.Fact;
import dev.roastden.core.memory.NameMentions;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /forget me} keeps its promise: a fact that names a member without an @ is theirs to delete, {@code
 * /remember about:} links a fact to a member, and the answer counts exactly what was deleted.
 */
class ForgetMeByNameTest {
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
    void aFactThatNamesAMemberWithoutAnAtIsDeletedByTheirForgetMeAndCounted() {
        DeferredJob named = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "riles puts pineapple on every pizza");
        DeferredJob unrelated = h.jobs.remember(Jobs.FORD_HIGHER_SELF, "ford", "Rilesville has the best diner");
        h.deliver(named, unrelated);

        DeferredJob forgetMe = h.jobs.forgetMe(Jobs.RILES);
        h.deliver(forgetMe);

        assertThat(h.shown(forgetMe)).contains("1 fact and 0 conversation turns");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10))
                .extracting(Fact::text)
                .containsExactly("Rilesville has the best diner");
    }

    @Test
    void rememberAboutLinksTheFactToTheMemberWhoCanThenDeleteIt() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("fact", "once fell asleep in a hammock for nine hours");
        options.put("persona", "ford");
        options.put("about", Jobs.RILES.id());
        DeferredJob about = h.jobs.command(
                "remember", Optional.empty(), options, Jobs.FORD_HIGHER_SELF, Map.of(Jobs.RILES.id(), Jobs.RILES));
        h.deliver(about);
        assertThat(h.shown(about)).contains("will remember that");
        Fact stored = h.wiring.memory().facts(Jobs.GUILD, "ford", 10).get(0);
        assertThat(stored.subjectId()).isEqualTo(Jobs.RILES.id());
        assertThat(stored.userIds()).contains(Jobs.RILES.id(), Jobs.FORD_HIGHER_SELF.id());
        assertThat(stored.names()).containsEntry(Jobs.RILES.id(), "Riles");

        DeferredJob forgetMe = h.jobs.forgetMe(Jobs.RILES);
        h.deliver(forgetMe);
        assertThat(h.shown(forgetMe)).contains("1 fact and 0 conversation turns");
        assertThat(h.wiring.memory().facts(Jobs.GUILD, "ford", 10)).isEmpty();
    }

    @Test
    void aMemberTheCommandKnowsIsLinkedWhenTheFactUsesTheirName() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("fact", "Sammy and Riles share a sourdough starter");
        options.put("persona", "ford");
        options.put("about", Jobs.SAMMY.id());
        DeferredJob job = h.jobs.command(
                "remember",
                Optional.empty(),
                options,
                Jobs.FORD_HIGHER_SELF,
                Map.of(Jobs.SAMMY.id(), Jobs.SAMMY, Jobs.RILES.id(), Jobs.RILES));
        h.deliver(job);
        Fact stored = h.wiring.memory().facts(Jobs.GUILD, "ford", 10).get(0);
        assertThat(stored.subjectId()).isEqualTo(Jobs.SAMMY.id());
        assertThat(stored.userIds()).contains(Jobs.SAMMY.id(), Jobs.RILES.id());
        assertThat(stored.names()).containsEntry(Jobs.RILES.id(), "Riles").containsEntry(Jobs.SAMMY.id(), "Sammy");
    }

    @Test
    void aTurnWhoseReplyMentionsTheMemberIsDeletedOnceAndCountedOnce() {
        DeferredJob ask = h.jobs.ask(Jobs.SAMMY, "ford", "who is the pizza criminal?");
        h.bedrock.enqueue(dev.roastden.emulators.bedrock.Outcome.answer("Obviously <@" + Jobs.RILES.id() + ">."));
        h.deliver(ask);
        DeferredJob forgetMe = h.jobs.forgetMe(Jobs.RILES);
        h.deliver(forgetMe);
        assertThat(h.shown(forgetMe)).contains("0 facts and 1 conversation turn");
        DeferredJob again = h.jobs.forgetMe(Jobs.RILES);
        h.deliver(again);
        assertThat(h.shown(again)).contains("0 facts and 0 conversation turns");
    }

    @Test
    void namesMatchAsWholeWordsIgnoringCase() {
        assertThat(NameMentions.names("Riley puts pineapple on every pizza", "riley"))
                .isTrue();
        assertThat(NameMentions.names("ask RILEY!", "Riley")).isTrue();
        assertThat(NameMentions.names("Admin Alex runs the server", "Admin Alex"))
                .isTrue();
        assertThat(NameMentions.names("Rileys diner", "Riley")).isFalse();
        assertThat(NameMentions.names("Kiley", "Riley")).isFalse();
        assertThat(NameMentions.names("a b c", "a")).isFalse();
        assertThat(NameMentions.mentions("hi <@!123456789012345678>", "123456789012345678"))
                .isTrue();
    }
}
