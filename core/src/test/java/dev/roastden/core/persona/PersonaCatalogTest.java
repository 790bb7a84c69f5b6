package dev.roastden.core.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonaCatalogTest {
    private final PersonaCatalog catalog = PersonaCatalog.fromClasspath();

    @Test
    void loadsTheShippedPersonasInIndexOrder() {
        assertThat(catalog.all()).extracting(Persona::id).startsWith("ford", "juniper", "mags", "bex");
        Persona ford = catalog.find("ford").orElseThrow();
        assertThat(ford.name()).isNotBlank();
        assertThat(ford.higherSelf()).hasValueSatisfying(id -> assertThat(id).matches("[0-9]{17,20}"));
        assertThat(ford.traits()).isNotEmpty();
        assertThat(ford.memoryTriggers()).isNotEmpty();
        assertThat(catalog.ofHigherSelf(ford.higherSelf().orElseThrow())).contains(ford);
    }

    @Test
    void findsIgnoringCaseAndSpaces() {
        assertThat(catalog.find(" FORD ")).isPresent();
        assertThat(catalog.find("nobody")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void searchesByPrefixBeforeSubstring() {
        assertThat(catalog.search("", 25)).hasSameSizeAs(catalog.all());
        assertThat(catalog.search("fo", 25)).extracting(Persona::id).first().isEqualTo("ford");
        assertThat(catalog.search("MAG", 25)).extracting(Persona::id).containsExactly("mags");
        assertThat(catalog.search("zzz", 25)).isEmpty();
        assertThat(catalog.search("", 2)).hasSize(2);
    }

    @Test
    void refusesDuplicateIds() {
        Persona ford = catalog.find("ford").orElseThrow();
        assertThatThrownBy(() -> new PersonaCatalog(List.of(ford, ford)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ford");
    }

    @Test
    void memoryTriggersFireOnTheirKeywords() {
        var trigger = new Persona.MemoryTrigger(List.of("sourdough"), "the starter called Series A");
        assertThat(trigger.firesOn("Roast them about their SOURDOUGH phase")).isTrue();
        assertThat(trigger.firesOn("nothing here")).isFalse();
    }
}
