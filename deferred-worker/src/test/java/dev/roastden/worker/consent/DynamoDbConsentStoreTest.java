package dev.roastden.worker.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.worker.support.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Opt-outs as their own aggregate, on the item keys the memory store used before. */
class DynamoDbConsentStoreTest {
    private static final String GUILD = "1300000000000000001";

    private Harness h;
    private ConsentStore consent;

    @BeforeEach
    void start() {
        h = Harness.start();
        consent = h.wiring.consent();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anOptOutIsKeptPerServerAndReversedByOptingIn() {
        consent.setOptedOut(GUILD, "100000000000000001", true);

        assertThat(consent.hasOptedOut(GUILD, "100000000000000001")).isTrue();
        assertThat(consent.hasOptedOut("1300000000000000002", "100000000000000001"))
                .isFalse();
        assertThat(consent.hasOptedOut(GUILD, "100000000000000002")).isFalse();

        consent.setOptedOut(GUILD, "100000000000000001", false);
        assertThat(consent.hasOptedOut(GUILD, "100000000000000001")).isFalse();
    }

    @Test
    void theItemKeepsTheLayoutEarlierVersionsWrote() {
        consent.setOptedOut(GUILD, "100000000000000001", true);

        Map<String, AttributeValue> item = h.wiring
                .dynamo()
                .getItem(b -> b.tableName(h.table)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("G#" + GUILD + "#U#100000000000000001"),
                                "sk", AttributeValue.fromS("CONSENT"))))
                .item();
        assertThat(item.get("optedOut").bool()).isTrue();
    }

    @Test
    void manyUsersAreReadInBatchesOfAHundred() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            users.add(Long.toString(100000000000001000L + i));
        }
        for (int i : new int[] {5, 120, 249}) {
            consent.setOptedOut(GUILD, users.get(i), true);
        }

        assertThat(consent.optedOut(GUILD, users))
                .containsExactlyInAnyOrder(users.get(5), users.get(120), users.get(249));
        assertThat(consent.optedOut(GUILD, List.of())).isEmpty();
    }
}
