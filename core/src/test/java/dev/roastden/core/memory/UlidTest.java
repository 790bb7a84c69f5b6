package dev.roastden.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UlidTest {
    @Test
    void derivedIdsAreStablePerSeedDistinctAcrossSeedsAndSortByTime() {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        String a = Ulid.derive(t, "interaction-1");
        assertThat(a).hasSize(26).isEqualTo(Ulid.derive(t, "interaction-1"));
        assertThat(Ulid.derive(t, "interaction-2")).isNotEqualTo(a);
        assertThat(Ulid.derive(t.plusMillis(1), "interaction-0")).isGreaterThan(a.substring(0, 10));
        assertThat(Ulid.isValid(a)).isTrue();
        assertThat(Fact.normaliseId(" " + a.toLowerCase(java.util.Locale.ROOT) + " "))
                .contains(a);
        assertThat(Fact.normaliseId("not-an-id")).isEmpty();
    }
}
