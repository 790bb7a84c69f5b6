package dev.roastden.worker.persona.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CardImporterTest {
    private final PersonaValidator validator = new PersonaValidator();

    private ObjectNode imported(byte[] bytes, Imported.Format format) {
        Imported result = CardImporter.read(bytes);
        assertThat(result).isInstanceOf(Imported.Persona.class);
        Imported.Persona persona = (Imported.Persona) result;
        assertThat(persona.format()).isEqualTo(format);
        assertThat(validator.problems(persona.persona())).isEmpty();
        return persona.persona();
    }

    private static String refusal(byte[] bytes) {
        Imported result = CardImporter.read(bytes);
        assertThat(result).isInstanceOf(Imported.Refused.class);
        return ((Imported.Refused) result).reason();
    }

    private static List<String> strings(JsonNode node, String field) {
        return Json.array(node, field).stream().map(JsonNode::asText).toList();
    }

    @Test
    void mapsAV2CardWithALorebook() {
        ObjectNode p = imported(CardFixtures.bytes("v2-lorebook.card.json"), Imported.Format.CARD_V2_JSON);

        assertThat(p.get("id").asText()).isEqualTo("brother-thaddeus");
        assertThat(p.get("name").asText()).isEqualTo("Brother Thaddeus");
        // Macros replaced; the 330-character description fits the 600 summary as is.
        assertThat(p.get("summary").asText())
                .startsWith("Brother Thaddeus is a monk who brews")
                .contains("judges you silently")
                .doesNotContain("{{");
        assertThat(p.get("tagline").asText())
                .isEqualTo("Brother Thaddeus is a monk who brews the strongest coffee in three valleys and keeps a"
                        + " ledger of every sin committed…");
        assertThat(strings(p, "traits"))
                .containsExactly(
                        "patient",
                        "deadpan",
                        "secretly competitive",
                        "pedantic about grind size",
                        "warm under the robe");
        assertThat(strings(p, "speech_patterns"))
                .containsExactly(
                        "Talks like: \"Instant is a confession, not a coffee.\"",
                        "Talks like: \"I grind. I wait. I judge, gently, with my eyebrows only.\"",
                        "Talks like: \"The kettle does not whistle for you, you. It whistles for the beans.\"");
        assertThat(strings(p, "catchphrases")).first().isEqualTo("*sets down a steaming cup* You take it with milk?");
        assertThat(strings(p, "notes"))
                .containsExactly(
                        "Write Brother Thaddeus's next reply. Stay calm and slow.",
                        "Never break character; keep it under three sentences.");

        // Enabled entries only; keys normalised to the schema's keyword shape; the V3 decorator line dropped.
        JsonNode triggers = p.get("memory_triggers");
        assertThat(triggers).hasSize(2);
        assertThat(strings(triggers.get(0), "keywords")).containsExactly("espresso machine", "the machine");
        assertThat(triggers.get(0).get("memory").asText()).startsWith("Brother Thaddeus smashed");
        assertThat(strings(triggers.get(1), "keywords")).containsExactly("cafe au lait", "decaf");
        assertThat(triggers.get(1).get("memory").asText())
                .isEqualTo("Decaf is the one word that makes Brother Thaddeus raise his voice.");

        // What was not mapped is kept for export: the disabled entry, the greeting, the examples, the metadata.
        JsonNode kept = p.at("/extensions/card/data");
        assertThat(kept.get("scenario").asText()).isEqualTo("The monastery kitchen, just before dawn.");
        assertThat(kept.get("creator_notes").asText()).isEqualTo("Works best with short replies.");
        assertThat(strings(kept, "tags")).containsExactly("monk", "coffee", "wholesome");
        assertThat(kept.get("alternate_greetings")).hasSize(1);
        assertThat(kept.get("first_mes").asText()).startsWith("*sets down");
        assertThat(kept.get("mes_example").asText()).contains("<START>");
        assertThat(kept.at("/extensions/talkativeness").asText()).isEqualTo("0.4");
        assertThat(kept.at("/character_book/name").asText()).isEqualTo("Monastery lore");
        assertThat(kept.at("/character_book/entries")).hasSize(1);
        assertThat(kept.at("/character_book/entries/0/enabled").asBoolean()).isFalse();
        assertThat(kept.at("/character_book/entries/0/comment").asText()).isEqualTo("disabled: too personal");
        for (String mapped :
                List.of("name", "description", "personality", "system_prompt", "post_history_instructions")) {
            assertThat(kept.has(mapped)).as(mapped).isFalse();
        }
        assertThat(p.has("higher_self")).isFalse();
    }

    @Test
    void mapsAV3CardAndKeepsItsOwnFields() {
        ObjectNode p = imported(CardFixtures.bytes("v3.card.json"), Imported.Format.CARD_V3_JSON);

        assertThat(p.get("id").asText()).isEqualTo("vera-voltage");
        assertThat(strings(p, "traits")).containsExactly("Loud", "Fearless", "Keeps score of everything");
        assertThat(p.get("tagline").asText())
                .isEqualTo("Vera is a retired stunt driver turned driving instructor who grades every parking job out"
                        + " of ten.");
        assertThat(strings(p, "catchphrases"))
                .containsExactly("Buckle up!", "Seven out of ten. The curb will remember you.");
        assertThat(p.has("notes")).isFalse();
        JsonNode kept = p.at("/extensions/card/data");
        assertThat(kept.get("nickname").asText()).isEqualTo("Volts");
        assertThat(kept.get("assets")).hasSize(1);
        assertThat(kept.get("creation_date").asLong()).isEqualTo(1733300000L);
        assertThat(kept.get("group_only_greetings")).hasSize(1);
        // Empty fields are not kept.
        assertThat(kept.has("scenario")).isFalse();
        assertThat(kept.has("extensions")).isFalse();
    }

    @Test
    void readsTheCardInAV2Png() throws Exception {
        byte[] png = CardFixtures.bytes("v2.card.png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).as("the fixture is a real PNG").isEqualTo(1);

        ObjectNode p = imported(png, Imported.Format.CARD_V2_PNG);
        assertThat(p.get("name").asText()).isEqualTo("Marisol Wrench");
        assertThat(strings(p, "traits")).containsExactly("blunt", "greasy", "generous");
        assertThat(strings(p, "speech_patterns"))
                .containsExactly("Talks like: \"Everything makes a noise, you. Which noise?\"");
    }

    @Test
    void prefersTheCcv3ChunkWhenAPngHasBoth() {
        ObjectNode p = imported(CardFixtures.bytes("v3.card.png"), Imported.Format.CARD_V3_PNG);
        assertThat(p.get("name").asText()).isEqualTo("Pixel Pete");
        assertThat(strings(p, "notes")).containsExactly("Keep replies short.");
        assertThat(strings(p.get("memory_triggers").get(0), "keywords")).containsExactly("high score");
    }

    @Test
    void readsARoastDenPersonaAndDropsItsHigherSelf() {
        ObjectNode p = imported(CardFixtures.bytes("fictional.roastden.json"), Imported.Format.ROASTDEN_JSON);
        assertThat(p.get("id").asText()).isEqualTo("gran-gravel");
        assertThat(p.has("higher_self")).isFalse();
        assertThat(strings(p, "interests")).containsExactly("poker", "tomatoes");
    }

    @Test
    void readsAV1CardAndKeepsItsRestAsV2Data() {
        String v1 = "{\"name\":\"Old Timer\",\"description\":\"Remembers dial-up.\",\"personality\":\"nostalgic\","
                + "\"scenario\":\"A porch.\",\"first_mes\":\"Back in my day.\",\"mes_example\":\"\"}";
        ObjectNode p = imported(v1.getBytes(StandardCharsets.UTF_8), Imported.Format.CARD_V1_JSON);
        assertThat(p.get("id").asText()).isEqualTo("old-timer");
        assertThat(p.at("/extensions/card/data/scenario").asText()).isEqualTo("A porch.");
        assertThat(p.at("/extensions/card/name").isMissingNode()).isTrue();
        ObjectNode card = CardExporter.card(p);
        assertThat(card.at("/data/scenario").asText()).isEqualTo("A porch.");
        assertThat(card.at("/data/first_mes").asText()).isEqualTo("Back in my day.");
    }

    @Test
    void tellsTheTypeFromTheBytes() {
        assertThat(refusal("name: Ford\nsummary: yaml".getBytes(StandardCharsets.UTF_8)))
                .contains("neither a PNG character card nor a JSON file");
        assertThat(refusal(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}))
                .contains("neither a PNG");
        assertThat(refusal(new byte[0])).isEqualTo("the file is empty.");
        assertThat(refusal(new byte[CardImporter.MAX_BYTES + 1])).isEqualTo("the file is larger than 2 MB.");
        assertThat(refusal("[1,2]".getBytes(StandardCharsets.UTF_8))).contains("not an object");
        assertThat(refusal("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .contains("neither a PNG");
        assertThat(refusal("{\"spec\":\"chara_card_v9\",\"data\":{}}".getBytes(StandardCharsets.UTF_8)))
                .contains("chara_card_v9");
        assertThat(refusal("{\"spec\":\"chara_card_v2\",\"data\":{\"name\":\"  \"}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("the character card has no name.");
        assertThat(refusal("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)))
                .contains("neither a Roast Den persona nor a character card");
    }

    @Test
    void refusesDamagedOrEmptyPngs() {
        byte[] good = CardFixtures.bytes("v2.card.png");
        byte[] badCrc = Arrays.copyOf(good, good.length);
        badCrc[45] ^= 0x01; // inside the tEXt chunk's text
        assertThat(refusal(badCrc)).contains("the tEXt chunk's checksum is wrong");

        assertThat(refusal(Arrays.copyOf(good, good.length - 12))).contains("no IEND");

        byte[] huge = Arrays.copyOf(good, good.length);
        huge[33] = 0x7F; // the tEXt chunk's length claims ~2 GB
        assertThat(refusal(huge)).contains("more than the file holds");

        assertThat(refusal(CardPngs.png(Map.of("Comment", "just a picture")))).contains("no character card in it");

        Map<String, String> notBase64 = new LinkedHashMap<>();
        notBase64.put("chara", "%%% not base64 %%%");
        assertThat(refusal(CardPngs.png(notBase64))).contains("not valid base64");

        Map<String, String> notJson = new LinkedHashMap<>();
        notJson.put("chara", CardPngs.base64("hello"));
        assertThat(refusal(CardPngs.png(notJson))).contains("not a JSON object");
    }

    @Test
    void makesAnIdFromAnyName() {
        String card = "{\"spec\":\"chara_card_v2\",\"data\":{\"name\":\"Zoë “The Blade” O'Connor-Smith of the"
                + " Extremely Long Surname\",\"description\":\"A fencer.\",\"personality\":\"sharp\"}}";
        ObjectNode p = imported(card.getBytes(StandardCharsets.UTF_8), Imported.Format.CARD_V2_JSON);
        assertThat(p.get("id").asText()).isEqualTo("zoe-the-blade-o-connor-smith-of");
        assertThat(refusal("{\"spec\":\"chara_card_v2\",\"data\":{\"name\":\"!!!\"}}".getBytes(StandardCharsets.UTF_8)))
                .contains("no letters or digits");
    }

    @Test
    void cutsALongDescriptionOnASentence() {
        String sentence = "This sentence is exactly fifty characters long ok. ";
        String description = sentence.repeat(20);
        String card = "{\"spec\":\"chara_card_v2\",\"data\":{\"name\":\"Longwind\",\"description\":\"" + description
                + "\",\"personality\":\"wordy\"}}";
        ObjectNode p = imported(card.getBytes(StandardCharsets.UTF_8), Imported.Format.CARD_V2_JSON);
        assertThat(p.get("summary").asText()).hasSize(560).endsWith("ok.");
    }
}
