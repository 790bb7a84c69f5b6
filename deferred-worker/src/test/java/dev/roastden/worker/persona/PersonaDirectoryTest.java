package dev.roastden.worker.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.core.persona.Persona;
import dev.roastden.core.persona.PersonaStatus;
import dev.roastden.worker.support.Harness;
import dev.roastden.worker.support.Jobs;
import dev.roastden.worker.support.TestPersonas;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolving persona ids in a server, against DynamoDB Local. */
class PersonaDirectoryTest {
    private static final String MEMBER = "100000000000000011";

    private Harness h;
    private PersonaDirectory directory;

    @BeforeEach
    void start() {
        h = Harness.start();
        directory = h.wiring.directory();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aServerWithNothingOfItsOwnHasTheBundledPersonasAllActive() {
        PersonaDirectory.Server server = directory.in(Jobs.GUILD);

        assertThat(server.find("ford")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(PersonaStatus.ACTIVE);
            assertThat(f.bundled()).isTrue();
        });
        assertThat(server.find("nobody")).isEmpty();
        assertThat(server.cast(Set.of())).extracting(Persona::id).containsExactly("ford", "juniper", "mags", "bex");
    }

    @Test
    void theServersOwnPersonaIsFoundInAnyStatusAndOverridesABundledOneWithItsId() {
        TestPersonas.create(h, "gus", "Gus", Optional.of(MEMBER), PersonaStatus.PENDING);
        TestPersonas.create(h, "ford", "Our Ford", Optional.empty(), PersonaStatus.RETIRED);

        PersonaDirectory.Server server = directory.in(Jobs.GUILD);

        assertThat(server.find("gus")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(PersonaStatus.PENDING);
            assertThat(f.bundled()).isFalse();
        });
        assertThat(server.find("ford")).hasValueSatisfying(f -> {
            assertThat(f.persona().name()).isEqualTo("Our Ford");
            assertThat(f.status()).isEqualTo(PersonaStatus.RETIRED);
        });
        assertThat(server.cast(Set.of())).extracting(Persona::id).containsExactly("juniper", "mags", "bex");
        assertThat(server.allIds()).contains("ford", "gus", "bex");
    }

    @Test
    void aHiddenBundledPersonaIsNotFoundOrCastButItsMemoriesStillCount() {
        h.wiring.personaStore().setDefaultHidden(Jobs.GUILD, "mags", true);

        PersonaDirectory.Server server = directory.in(Jobs.GUILD);

        assertThat(server.find("mags")).isEmpty();
        assertThat(server.cast(Set.of())).extracting(Persona::id).doesNotContain("mags");
        assertThat(server.allIds()).contains("mags");
    }

    @Test
    void theCastLeavesOutPersonasThatMayNotSpeakOrWhoseHigherSelfOptedOut() {
        TestPersonas.create(h, "gus", "Gus", Optional.of(MEMBER), PersonaStatus.ACTIVE);
        TestPersonas.create(h, "pen", "Pen", Optional.of(MEMBER), PersonaStatus.PENDING);

        PersonaDirectory.Server server = directory.in(Jobs.GUILD);

        assertThat(server.cast(Set.of()))
                .extracting(Persona::id)
                .contains("gus")
                .doesNotContain("pen");
        assertThat(server.cast(Set.of(MEMBER, Jobs.FORD_HIGHER_SELF.id())))
                .extracting(Persona::id)
                .doesNotContain("gus", "pen", "ford");
        assertThat(server.ofHigherSelf(MEMBER))
                .hasValueSatisfying(f -> assertThat(f.id()).isEqualTo("gus"));
        assertThat(server.ofHigherSelf(Jobs.JUNIPER_HIGHER_SELF.id()))
                .hasValueSatisfying(f -> assertThat(f.id()).isEqualTo("juniper"));
    }

    @Test
    void outsideAServerOnlyBundledPersonasExist() {
        TestPersonas.create(h, "gus", "Gus", Optional.empty(), PersonaStatus.ACTIVE);

        PersonaDirectory.Server dm = directory.in("DM" + Jobs.CHANNEL);

        assertThat(dm.find("gus")).isEmpty();
        assertThat(dm.find("ford")).isPresent();
    }
}
