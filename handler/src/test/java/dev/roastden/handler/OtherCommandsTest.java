package dev.roastden.handler;

import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.command;
import static dev.roastden.handler.Interactions.context;
import static dev.roastden.handler.Interactions.inGuild;
import static dev.roastden.handler.Interactions.option;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every other command is deferred with the catalog's visibility and queued; nothing happens outside a server. */
class OtherCommandsTest extends RouterFixture {
    @ParameterizedTest
    @CsvSource({
        "persona,list,false,false",
        "persona,show,false,true",
        "persona,retire,false,true",
        "persona,export,false,true",
        "persona,import,true,false",
        "persona,import,false,true",
        "memories,,false,true",
        "optout,,false,true",
        "optin,,false,true",
        "roast,,false,false",
        "remember,,false,true"
    })
    void areDeferredWithTheCatalogsVisibility(String name, String subcommand, boolean memberGiven, boolean privately) {
        var options = memberGiven
                ? new dev.roastden.core.interaction.CommandOptions.OptionValue[] {option("member", MEMBER)}
                : new dev.roastden.core.interaction.CommandOptions.OptionValue[0];
        JsonNode answer = answer(command(inGuild(member), name, Optional.ofNullable(subcommand), options));
        assertThat(answer.path("type").asInt()).isEqualTo(5);
        assertThat(answer.path("data").path("flags").asInt(0)).isEqualTo(privately ? 64 : 0);
        assertThat(queue.jobs).singleElement().satisfies(job -> {
            assertThat(job.command()).isEqualTo(name);
            assertThat(job.subcommand()).isEqualTo(Optional.ofNullable(subcommand));
        });
        assertThat(reads.reads).isZero();
    }

    @Test
    void personaCommandsOutsideAServerDoNothing() {
        var dm = context(manager, Optional.empty(), Map.of());
        assertPrivateMessage(
                answer(command(dm, "persona", Optional.of("create"), option("name", "Sam"))),
                InteractionRouter.GUILD_ONLY);
        assertPrivateMessage(
                answer(command(dm, "persona", Optional.of("edit"), option("persona", "ford"))),
                InteractionRouter.GUILD_ONLY);
        assertThat(reads.reads).isZero();
    }
}
