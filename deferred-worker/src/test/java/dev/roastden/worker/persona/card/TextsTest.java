package dev.roastden.worker.persona.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void slugsAndNumbers() {
        assertThat(Texts.slug("Captain Ford!")).contains("captain-ford");
        assertThat(Texts.slug("  ÅSA  ")).contains("asa");
        assertThat(Texts.slug("x")).isEmpty();
        assertThat(Texts.numbered("captain-ford", 2)).isEqualTo("captain-ford-2");
        assertThat(Texts.numbered("a".repeat(32), 12)).isEqualTo("a".repeat(29) + "-12");
        assertThat(Texts.numbered("abcdefghijklmnopqrstuvwxyz-abcde", 2)).isEqualTo("abcdefghijklmnopqrstuvwxyz-abc-2");
    }

    @Test
    void keywordsTakeTheSchemaShape() {
        assertThat(Texts.keyword("  The MACHINE!! ")).contains("the machine");
        assertThat(Texts.keyword("rock 'n' roll")).contains("rock'n'roll");
        assertThat(Texts.keyword("  -well--known- ")).contains("well-known");
        assertThat(Texts.keyword("Ford’s boat")).contains("ford's boat");
        assertThat(Texts.keyword("?")).isEmpty();
        assertThat(Texts.keyword("word ".repeat(20)).orElseThrow())
                .hasSizeLessThanOrEqualTo(40)
                .endsWith("word");
    }

    @Test
    void cutsOnSentencesThenWords() {
        assertThat(Texts.cutSentence("One. Two three four.", 10)).isEqualTo("One.");
        assertThat(Texts.cutSentence("Averyveryverylongfirstsentence", 10)).isEqualTo("Averyvery…");
        assertThat(Texts.cutWords("alpha beta gamma delta", 12)).isEqualTo("alpha beta…");
        assertThat(Texts.firstSentence("Hello there! More.", 120)).isEqualTo("Hello there!");
        assertThat(Texts.unmacro("<START>{{char}} hugs {{USER}}", "Ann")).isEqualTo("Ann hugs you");
    }
}
