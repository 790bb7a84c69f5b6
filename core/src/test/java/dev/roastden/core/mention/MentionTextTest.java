package dev.roastden.core.mention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MentionTextTest {
    private static final PersonaCatalog PERSONAS = PersonaCatalog.fromClasspath();

    @Test
    void removesEveryFormOfTheBotsMentionAndKeepsOtherMentions() {
        String text = MentionText.withoutSelfMention(
                "<@9>  ford, roast <@12> and <@!9> <@&77> please", "9", Optional.of("77"));
        assertThat(text).isEqualTo("ford, roast <@12> and please");
    }

    @Test
    void leavesOtherRolesAlone() {
        assertThat(MentionText.withoutSelfMention("<@9> ping <@&78>", "9", Optional.of("77")))
                .isEqualTo("ping <@&78>");
        assertThat(MentionText.withoutSelfMention("<@9> ping <@&77>", "9", Optional.empty()))
                .isEqualTo("ping <@&77>");
    }

    @Test
    void findsThePersonaAddressedFirst() {
        assertThat(addressed("ford, roast Sam")).contains("ford");
        assertThat(addressed("  Captain Ford - roast Sam")).contains("ford");
        assertThat(addressed(", juniper")).contains("juniper");
        assertThat(addressed("MAGS")).contains("mags");
        assertThat(addressed("roast ford")).isEmpty();
        assertThat(addressed("bexley is here")).isEmpty();
        assertThat(addressed("")).isEmpty();
    }

    private static Optional<String> addressed(String text) {
        return MentionText.addressedPersona(text, PERSONAS).map(Persona::id);
    }
}
