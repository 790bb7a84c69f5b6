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

    @Test
    void listsMentionedUsersOnceInOrderAndIgnoresRolesAndChannels() {
        assertThat(MentionText.mentionedUserIds("<@!12> and <@34>, <@&56> in <#78>, again <@12> <@ 9> <@x>"))
                .containsExactly("12", "34");
        assertThat(MentionText.mentionedUserIds("nobody here")).isEmpty();
    }

    @Test
    void theTargetIsTheFirstMentionedUserWhoIsNeitherTheBotNorTheAuthor() {
        assertThat(MentionText.targetId("<@9> <@!5> roast <@12> and <@34>", "9", "5", Optional.of("77")))
                .contains("12");
        assertThat(MentionText.targetId("roast <@!34>", "9", "5", Optional.empty()))
                .contains("34");
    }

    @Test
    void withoutAMentionedTargetAReplyAimsAtTheRepliedToAuthor() {
        assertThat(MentionText.targetId("<@9> roast this", "9", "5", Optional.of("77")))
                .contains("77");
        assertThat(MentionText.targetId("<@9> <@5> roast me", "9", "5", Optional.empty()))
                .isEmpty();
    }

    @Test
    void repliesToTheBotOrToOneselfHaveNoTarget() {
        assertThat(MentionText.targetId("again?", "9", "5", Optional.of("9"))).isEmpty();
        assertThat(MentionText.targetId("me?", "9", "5", Optional.of("5"))).isEmpty();
        assertThat(MentionText.targetId("", "9", "5", Optional.empty())).isEmpty();
    }

    private static Optional<String> addressed(String text) {
        return MentionText.addressedPersona(text, PERSONAS).map(Persona::id);
    }
}
