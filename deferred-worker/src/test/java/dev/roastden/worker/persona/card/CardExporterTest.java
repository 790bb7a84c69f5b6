package dev.roastden.worker.persona.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardExporterTest {
    private static final List<String> MAPPED =
            List.of("name", "tagline", "summary", "traits", "catchphrases", "memory_triggers", "notes");

    private final PersonaValidator validator = new PersonaValidator();

    private static ObjectNode read(byte[] bytes) {
        Imported result = CardImporter.read(bytes);
        assertThat(result).isInstanceOf(Imported.Persona.class);
        return ((Imported.Persona) result).persona();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"v2-lorebook.card.json", "v3.card.json", "v2.card.png", "v3.card.png", "fictional.roastden.json"
            })
    void roastDenExportThenImportIsExact(String fixture) {
        ObjectNode persona = read(CardFixtures.bytes(fixture));
        CardExporter.File file = CardExporter.export(persona, CardExporter.Format.ROASTDEN);
        assertThat(file.filename()).isEqualTo(persona.get("id").asText() + ".roastden.json");
        assertThat(read(file.bytes())).isEqualTo(persona);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"v2-lorebook.card.json", "v3.card.json", "v2.card.png", "v3.card.png", "fictional.roastden.json"
            })
    void cardExportThenImportIsExact(String fixture) {
        ObjectNode persona = read(CardFixtures.bytes(fixture));
        CardExporter.File file = CardExporter.export(persona, CardExporter.Format.CARD);
        assertThat(file.filename()).isEqualTo(persona.get("id").asText() + ".card.json");
        ObjectNode card = (ObjectNode) CardImporter.parseJson(file.bytes()).orElseThrow();
        assertThat(card.get("spec").asText()).isEqualTo("chara_card_v2");
        ObjectNode again = read(file.bytes());
        assertThat(again).isEqualTo(persona);
        assertThat(validator.problems(again)).isEmpty();
        // Exporting the re-imported persona gives the same card.
        assertThat(CardExporter.card(again)).isEqualTo(CardExporter.card(persona));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-lorebook.card.json", "v3.card.json", "v2.card.png", "v3.card.png"})
    void theCardFieldsAloneGiveTheSameMappedFields(String fixture) {
        ObjectNode persona = read(CardFixtures.bytes(fixture));
        ObjectNode card = CardExporter.card(persona);
        // Another tool would not keep Roast Den's extension: the card's own fields must carry the mapping.
        ((ObjectNode) card.at("/data/extensions")).remove(List.of("roastden", "roastden_generated"));
        ObjectNode again = read(Json.mapper().valueToTree(card).toString().getBytes());
        for (String field : MAPPED) {
            assertThat(again.get(field)).as(field).isEqualTo(persona.get(field));
        }
        assertThat(again.get("speech_patterns")).isEqualTo(persona.get("speech_patterns"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-lorebook.card.json"})
    void theCardGivesBackWhatTheImportKept(String fixture) {
        ObjectNode card = CardExporter.card(read(CardFixtures.bytes(fixture)));
        JsonNode data = card.get("data");
        assertThat(data.get("scenario").asText()).isEqualTo("The monastery kitchen, just before dawn.");
        assertThat(data.get("first_mes").asText()).startsWith("*sets down a steaming cup*");
        assertThat(data.get("character_version").asText()).isEqualTo("1.2");
        assertThat(data.at("/character_book/entries")).hasSize(3);
        assertThat(data.at("/character_book/entries/2/enabled").asBoolean()).isFalse();
        assertThat(data.get("system_prompt").asText()).startsWith("Write Brother Thaddeus's next reply.");
        for (String required : List.of(
                "name",
                "description",
                "personality",
                "scenario",
                "first_mes",
                "mes_example",
                "creator_notes",
                "system_prompt",
                "post_history_instructions",
                "alternate_greetings",
                "tags",
                "creator",
                "character_version",
                "extensions")) {
            assertThat(data.has(required)).as(required).isTrue();
        }
    }
}
