package dev.roastden.handler;

import static dev.roastden.handler.Interactions.GUILD;
import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.command;
import static dev.roastden.handler.Interactions.inGuild;
import static dev.roastden.handler.Interactions.option;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.interaction.DiscordUser;
import dev.roastden.core.interaction.Interaction;
import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.handler.PersonaReads.StoredPersona;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /persona edit}: one read of the stored persona (or a bundled one) prefills the form, for its Higher Self or managers. */
class PersonaEditTest extends RouterFixture {
    private Interaction.ApplicationCommand edit(DiscordUser invoker, String persona) {
        return command(inGuild(invoker), "persona", Optional.of("edit"), option("persona", persona));
    }

    private void store(Persona persona, long version) {
        reads.personas.put(GUILD + "/" + persona.id(), new StoredPersona(persona, version, PersonaStatus.ACTIVE));
    }

    @Test
    void theHigherSelfGetsTheFormPrefilledWithTheStoredPersonaAndItsVersion() {
        store(persona("sam", "Sam", Optional.of(MEMBER)), 3);
        JsonNode answer = answer(edit(member, "sam"));
        assertThat(answer.path("type").asInt()).isEqualTo(9);
        assertThat(customId(answer)).isEqualTo("rd1:pe:sam:3:" + MEMBER);
        assertThat(input(answer, "name")).isEqualTo("Sam");
        assertThat(input(answer, "summary")).isEqualTo("The one who is always late.");
        assertThat(input(answer, "traits")).isEqualTo("late\nkind");
        assertThat(input(answer, "speech")).isEqualTo("short sentences\n\"Not this again.\"");
        assertThat(reads.reads).isEqualTo(1);
        assertThat(queue.jobs).isEmpty();
    }

    @Test
    void aManagerGetsTheFormOfSomeoneElsesPersona() {
        store(persona("sam", "Sam", Optional.of(MEMBER)), 7);
        assertThat(customId(answer(edit(manager, "Sam ")))).isEqualTo("rd1:pe:sam:7:" + MEMBER);
    }

    @Test
    void anyoneElseIsRefusedPrivatelyWithoutAPing() {
        store(persona("sam", "Sam", Optional.of(MEMBER)), 3);
        assertPrivateMessage(
                answer(edit(other, "sam")),
                "Only <@" + MEMBER + "> (whose persona it is) or members with Manage Server can edit Sam.");
    }

    @Test
    void aFictionalPersonaIsForManagersOnly() {
        store(persona("zed", "Zed", Optional.empty()), 1);
        assertPrivateMessage(
                answer(edit(member, "zed")), "Only members with Manage Server can edit Zed, a fictional persona.");
        assertThat(customId(answer(edit(manager, "zed")))).isEqualTo("rd1:pe:zed:1:-");
    }

    @Test
    void aBundledPersonaTheServerHasNotStoredIsPrefilledAtVersionZero() {
        Persona ford = bundled.find("ford").orElseThrow();
        JsonNode answer = answer(edit(manager, "ford"));
        assertThat(customId(answer))
                .isEqualTo("rd1:pe:ford:0:" + ford.higherSelf().orElseThrow());
        assertThat(input(answer, "summary")).isEqualTo(ford.summary());
        assertThat(reads.reads).isEqualTo(1);
    }

    @Test
    void theServersOwnPersonaWinsOverABundledOneWithTheSameId() {
        store(persona("ford", "Our Ford", Optional.of(MEMBER)), 2);
        assertThat(customId(answer(edit(member, "ford")))).isEqualTo("rd1:pe:ford:2:" + MEMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody", "", "not an id!", "PERSONA#x"})
    void anUnknownPersonaIsExplainedPrivately(String typed) {
        assertPrivateMessage(answer(edit(manager, typed)), PersonaCommands.NO_SUCH_PERSONA);
    }

    @Test
    void aStoreThatCannotAnswerGetsATryAgainNeverAnError() {
        reads.down = true;
        assertPrivateMessage(answer(edit(manager, "ford")), PersonaCommands.EDIT_UNAVAILABLE);
        assertThat(reads.reads).isEqualTo(1);
    }
}
