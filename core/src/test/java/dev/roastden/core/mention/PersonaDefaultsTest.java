package dev.roastden.core.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roastden.core.persona.PersonaCatalog;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonaDefaultsTest {
    private static final PersonaCatalog PERSONAS = PersonaCatalog.fromClasspath();

    @Test
    void readsChannelAndServerPairsAndTheDefaultByIdOrName() {
        PersonaDefaults defaults = PersonaDefaults.parse(
                Optional.of("123=ford, 456 = Mags,"),
                Optional.of("789=juniper"),
                Optional.of("Captain Ford"),
                PERSONAS);

        assertThat(defaults.byChannel()).isEqualTo(Map.of("123", "ford", "456", "mags"));
        assertThat(defaults.byServer()).isEqualTo(Map.of("789", "juniper"));
        assertThat(defaults.fallback()).contains("ford");
    }

    @Test
    void nothingConfiguredMeansNoDefaults() {
        assertThat(PersonaDefaults.parse(Optional.empty(), Optional.of(" "), Optional.empty(), PERSONAS))
                .isEqualTo(PersonaDefaults.NONE);
    }

    @Test
    void namesEveryBadEntry() {
        assertThatThrownBy(() -> PersonaDefaults.parse(
                        Optional.of("123=nobody,abc=ford,456"), Optional.empty(), Optional.of("ghost"), PERSONAS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_CHANNEL_PERSONAS entry '123=nobody' names no persona")
                .hasMessageContaining("'abc=ford' is not id=persona")
                .hasMessageContaining("'456' is not id=persona")
                .hasMessageContaining("GATEWAY_DEFAULT_PERSONA names no persona: 'ghost'")
                .hasMessageContaining("known: ");
    }
}
