package dev.roastden.handler;

import static dev.roastden.handler.Interactions.GUILD;
import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.command;
import static dev.roastden.handler.Interactions.context;
import static dev.roastden.handler.Interactions.option;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /persona create}: the form for a member, or for a fictional persona (managers only); never a bot. */
class PersonaCreateTest extends RouterFixture {
    private Interaction.ApplicationCommand create(DiscordUser invoker, Optional<DiscordUser> of) {
        Map<String, DiscordUser> resolved = of.map(u -> Map.of(u.id(), u)).orElse(Map.of());
        var context = context(invoker, Optional.of(GUILD), resolved);
        return of.isPresent()
                ? command(
                        context,
                        "persona",
                        Optional.of("create"),
                        option("name", "Sam"),
                        option("member", of.get().id()))
                : command(context, "persona", Optional.of("create"), option("name", "Sam"));
    }

    @Test
    void ofAMemberAnswersWithTheModalForThatMember() {
        JsonNode answer = answer(create(other, Optional.of(member)));
        assertThat(answer.path("type").asInt()).isEqualTo(9);
        assertThat(customId(answer)).isEqualTo("rd1:pc:" + MEMBER);
        assertThat(input(answer, "name")).isEqualTo("Sam");
        assertThat(answer.path("data").path("components")).hasSize(5);
        assertThat(queue.jobs).isEmpty();
        assertThat(reads.reads).isZero();
    }

    @Test
    void aFictionalOneByAManagerAnswersWithTheModal() {
        JsonNode answer = answer(create(manager, Optional.empty()));
        assertThat(answer.path("type").asInt()).isEqualTo(9);
        assertThat(customId(answer)).isEqualTo("rd1:pc:-");
    }

    @Test
    void aFictionalOneByAnyoneElseIsExplainedPrivately() {
        assertPrivateMessage(answer(create(other, Optional.empty())), PersonaCommands.FICTIONAL_NEEDS_MANAGER);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void aBotIsRefusedPrivately() {
        DiscordUser bot = new DiscordUser("100000000000000077", "Some Bot", true, "0");
        assertPrivateMessage(answer(create(manager, Optional.of(bot))), PersonaCommands.NO_BOT_PERSONAS);
    }
}
