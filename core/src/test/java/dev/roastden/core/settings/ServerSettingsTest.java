package dev.roastden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    private static final String CHANNEL = "123456789012345678";

    private static ServerSettings applied(ServerSettings.Change change) {
        assertThat(change).isInstanceOf(ServerSettings.Change.Applied.class);
        return ((ServerSettings.Change.Applied) change).settings();
    }

    private static java.util.List<String> refused(ServerSettings.Change change) {
        assertThat(change).isInstanceOf(ServerSettings.Change.Refused.class);
        return ((ServerSettings.Change.Refused) change).problems();
    }

    @Test
    void defaultsAreTheOldHardCodedLimitsAndAFiveDollarBudget() {
        ServerSettings d = ServerSettings.defaults();
        assertThat(d.perMemberPerMinute()).isEqualTo(6);
        assertThat(d.perServerPerHour()).isEqualTo(300);
        assertThat(d.monthlyBudgetUsd()).isEqualTo(5.0);
        assertThat(d.mentionsAnswered()).isTrue();
        assertThat(d.alertsChannel()).isEmpty();
        assertThat(d.personaFor(CHANNEL)).isEmpty();
        assertThat(d.fallbackAtPercent()).isZero();
        assertThat(d.pastSoftLimit(d.monthlyBudgetMicros())).isFalse();
    }

    @Test
    void theSoftLimitIsAShareOfTheBudgetAndRoundTrips() {
        ServerSettings s = ((ServerSettings.Change.Applied)
                        ServerSettings.defaults().with(Map.of("fallback_at_percent", "80", "monthly_budget_usd", "10")))
                .settings();
        assertThat(s.pastSoftLimit(7_999_999)).isFalse();
        assertThat(s.pastSoftLimit(8_000_000)).isTrue();
        assertThat(ServerSettings.fromJson(s.toJson())).isEqualTo(s);
        assertThat(ServerSettings.defaults().with(Map.of("fallback_at_percent", "-1")))
                .isInstanceOf(ServerSettings.Change.Refused.class);
        ServerSettings closed = ((ServerSettings.Change.Applied) s.with(Map.of("monthly_budget_usd", "0"))).settings();
        assertThat(closed.pastSoftLimit(0)).isFalse();
    }

    @Test
    void changesOnlyTheNamedSettings() {
        ServerSettings changed = applied(ServerSettings.defaults()
                .with(Map.of(
                        "monthly_budget_usd", "$12.50",
                        "per_member_per_minute", "3",
                        "alerts_channel", CHANNEL,
                        "mentions", "false")));
        assertThat(changed.monthlyBudgetMicros()).isEqualTo(12_500_000);
        assertThat(changed.perMemberPerMinute()).isEqualTo(3);
        assertThat(changed.alertsChannel()).contains(CHANNEL);
        assertThat(changed.mentionsAnswered()).isFalse();
        assertThat(changed.perServerPerHour()).isEqualTo(300);
        assertThat(changed.maxBattleRounds()).isEqualTo(3);
    }

    @Test
    void everyBadValueIsNamedWithItsAllowedRangeAndNothingChanges() {
        java.util.List<String> problems = refused(ServerSettings.defaults()
                .with(Map.of(
                        "per_member_per_minute", "0",
                        "monthly_budget_usd", "lots",
                        "max_battle_rounds", "2.5",
                        "colour", "blue")));
        assertThat(problems)
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("per_member_per_minute").contains("1 to 30"))
                .anySatisfy(p -> assertThat(p).contains("monthly_budget_usd").contains("0 to 1000"))
                .anySatisfy(p -> assertThat(p).contains("max_battle_rounds").contains("not 2.5"))
                .anySatisfy(p -> assertThat(p).contains("no setting called colour"));
        assertThat(refused(ServerSettings.defaults().with(Map.of("monthly_budget_usd", "1000.01"))))
                .singleElement()
                .asString()
                .contains("monthly_budget_usd");
    }

    @Test
    void channelDefaultsAreSetAndCleared() {
        ServerSettings set = applied(ServerSettings.defaults().withChannelPersona(CHANNEL, Optional.of("bex")));
        assertThat(set.personaFor(CHANNEL)).contains("bex");
        assertThat(applied(set.withChannelPersona(CHANNEL, Optional.empty())).personaFor(CHANNEL))
                .isEmpty();
        assertThat(refused(set.withChannelPersona("general", Optional.of("bex"))))
                .singleElement()
                .asString()
                .contains("channel");
        assertThat(refused(set.withChannelPersona(CHANNEL, Optional.of("Not A Persona!"))))
                .singleElement()
                .asString()
                .contains("persona");
    }

    @Test
    void roundTripsThroughJsonAndMissingFieldsTakeDefaults() {
        ServerSettings settings = applied(
                applied(ServerSettings.defaults().with(Map.of("daily_cap_per_member", "20", "alerts_channel", CHANNEL)))
                        .withChannelPersona(CHANNEL, Optional.of("ford")));
        assertThat(ServerSettings.fromJson(settings.toJson())).isEqualTo(settings);
        assertThat(ServerSettings.fromJson("{\"per_server_per_hour\": 50}"))
                .isEqualTo(applied(ServerSettings.defaults().with(Map.of("per_server_per_hour", "50"))));
        assertThatThrownBy(() -> ServerSettings.fromJson("{\"per_member_per_minute\": 999}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("per_member_per_minute");
        assertThatThrownBy(() -> ServerSettings.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
