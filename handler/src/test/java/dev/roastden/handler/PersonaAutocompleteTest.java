package dev.roastden.handler;

import static dev.roastden.handler.Interactions.GUILD;
import static dev.roastden.handler.Interactions.MEMBER;
import static dev.roastden.handler.Interactions.OTHER;
import static dev.roastden.handler.Interactions.autocomplete;
import static dev.roastden.handler.Interactions.context;
import static dev.roastden.handler.Interactions.focused;
import static dev.roastden.handler.Interactions.inGuild;
import static dev.roastden.handler.Interactions.option;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.core.persona.Roster;
import dev.roastden.core.persona.RosterEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Persona autocomplete from the server's roster: active only where a persona speaks, the bundled personas when the read fails. */
class PersonaAutocompleteTest extends RouterFixture {
    private final Roster roster = Roster.EMPTY
            .with(new RosterEntry("sam", "Sam", "always late", PersonaStatus.ACTIVE, Optional.of(MEMBER)))
            .with(new RosterEntry("sal", "Sal", "new here", PersonaStatus.PENDING, Optional.of(OTHER)))
            .with(new RosterEntry("sid", "Sid", "", PersonaStatus.RETIRED, Optional.empty()))
            .hiding("mags", true);

    private List<String> values(JsonNode answer) {
        assertThat(answer.path("type").asInt()).isEqualTo(8);
        List<String> values = new ArrayList<>();
        answer.path("data")
                .path("choices")
                .forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    private List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("data")
                .path("choices")
                .forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void aCommandThatMakesAPersonaSpeakOffersOnlyActiveOnes() {
        reads.rosters.put(GUILD, roster);
        JsonNode answer = answer(autocomplete(
                inGuild(member), "roast", Optional.empty(), option("target", OTHER), focused("persona", "")));
        assertThat(values(answer)).containsExactly("ford", "juniper", "bex", "sam");
        assertThat(names(answer)).contains("Sam — always late");
        assertThat(reads.reads).isEqualTo(1);
        assertThat(queue.jobs).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"persona,edit", "persona,show", "persona,retire", "persona,export", "forget,persona", "memories,"})
    void managingCommandsOfferEveryStatusLabelled(String name, String subcommand) {
        reads.rosters.put(GUILD, roster);
        JsonNode answer =
                answer(autocomplete(inGuild(member), name, Optional.ofNullable(subcommand), focused("persona", "s")));
        assertThat(values(answer)).containsExactly("sam", "sal", "sid");
        assertThat(names(answer)).startsWith("Sam — always late", "Sal — new here (pending)", "Sid (retired)");
    }

    @Test
    void aServerWithoutARosterOffersTheBundledPersonas() {
        JsonNode answer = answer(autocomplete(inGuild(member), "ask", Optional.empty(), focused("persona", "")));
        assertThat(values(answer)).containsExactly("ford", "juniper", "mags", "bex");
    }

    @Test
    void aStoreThatCannotAnswerFallsBackToTheBundledPersonas() {
        reads.down = true;
        JsonNode answer = answer(autocomplete(inGuild(member), "roast", Optional.empty(), focused("persona", "fo")));
        assertThat(values(answer)).containsExactly("ford");
        assertThat(names(answer).get(0)).startsWith("Captain Ford — ");
        assertThat(reads.reads).isEqualTo(1);
    }

    @Test
    void outsideAServerItOffersTheBundledPersonasWithoutARead() {
        var dm = context(member, Optional.empty(), Map.of());
        assertThat(values(answer(autocomplete(dm, "ask", Optional.empty(), focused("persona", "j")))))
                .containsExactly("juniper");
        assertThat(reads.reads).isZero();
    }

    @Test
    void anotherOptionGetsNoChoicesAndNoRead() {
        JsonNode answer = answer(autocomplete(inGuild(member), "roast", Optional.empty(), focused("topic", "x")));
        assertThat(values(answer)).isEmpty();
        assertThat(reads.reads).isZero();
    }

    @Test
    void aLongLabelIsShortenedInTheTaglineSoTheStatusStillShows() {
        String label = PersonaAutocomplete.label("Sam", "x".repeat(200), " (pending)");
        assertThat(label).hasSize(100).startsWith("Sam — xxx").endsWith("x… (pending)");
    }
}
