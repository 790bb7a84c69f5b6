package dev.roastden.worker.persona.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PersonaValidatorTest {
    private final PersonaValidator validator = new PersonaValidator();

    private static ObjectNode valid() {
        return ((Imported.Persona) CardImporter.read(CardFixtures.bytes("fictional.roastden.json"))).persona();
    }

    @Test
    void acceptsAValidPersona() {
        assertThat(validator.problems(valid())).isEmpty();
    }

    @Test
    void namesTheFieldAndPathInPlainWords() {
        ObjectNode persona = valid();
        persona.withArray("traits").set(1, persona.textNode("x".repeat(81)));
        PersonaValidator.Problem problem = validator.firstProblem(persona).orElseThrow();
        assertThat(problem.field()).isEqualTo("traits");
        assertThat(problem.path()).isEqualTo("$.traits[1]");
        assertThat(problem.describe())
                .isEqualTo("the field `traits` (at $.traits[1]) must be at most 80 characters long");
    }

    @Test
    void explainsEachKindOfRule() {
        ObjectNode name = valid();
        name.put("name", "Discord Dan");
        assertThat(validator.firstProblem(name).orElseThrow().rule()).contains("'discord' or 'clyde'");

        ObjectNode missing = valid();
        missing.remove("roast_style");
        assertThat(validator.firstProblem(missing).orElseThrow())
                .isEqualTo(new PersonaValidator.Problem("roast_style", "$.roast_style", "is missing"));

        ObjectNode keyword = valid();
        ((com.fasterxml.jackson.databind.node.ArrayNode) keyword.at("/memory_triggers/0/keywords"))
                .set(0, keyword.textNode("Poker Night"));
        PersonaValidator.Problem k = validator.firstProblem(keyword).orElseThrow();
        assertThat(k.path()).isEqualTo("$.memory_triggers[0].keywords[0]");
        assertThat(k.rule()).startsWith("must be lower-case letters and digits, words joined");

        ObjectNode line = valid();
        line.put("tagline", " padded");
        assertThat(validator.firstProblem(line).orElseThrow().rule())
                .isEqualTo("must be one line of text without spaces at either end");

        ObjectNode extra = valid();
        extra.put("mood", "grumpy");
        assertThat(validator.firstProblem(extra).orElseThrow().describe())
                .isEqualTo("the field `mood` (at $.mood) is not a persona field (remove it)");

        ObjectNode type = valid();
        type.put("traits", "sweet");
        assertThat(validator.firstProblem(type).orElseThrow().rule()).isEqualTo("must be a list (it is string)");

        ObjectNode id = valid();
        id.put("id", "Gran_Gravel");
        assertThat(validator.firstProblem(id).orElseThrow().rule())
                .isEqualTo("must be lower-case letters and digits joined by single hyphens");
    }
}
