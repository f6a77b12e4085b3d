package org.slacast.datasets.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.BadInputException;
import org.slacast.core.cost.CostModel;
import org.slacast.datasets.generate.DeskChange;
import org.slacast.datasets.generate.Profile;

class WhatIfTest {
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    static final WhatIf BANK = new WhatIf(Profile.named("banking-it"), 3000, START, CostModel.defaults());
    static final DeskChange NIGHT = new DeskChange("night", List.of(DeskChange.AgentSpec.parse("L1 22:00-06:00 Mon-Fri")),
            List.of(), Map.of(), 1, 1);

    @Test
    void aRunIsDeterministicForASeed() {
        DeskOutcome a = BANK.run(7, NIGHT, Instant.parse("2025-01-20T00:00:00Z").toEpochMilli());
        DeskOutcome b = BANK.run(7, NIGHT, Instant.parse("2025-01-20T00:00:00Z").toEpochMilli());
        assertThat(a).isEqualTo(b);
        assertThat(a.tickets()).isGreaterThan(1000);
        assertThat(BANK.compare(List.of(7L, 8L), List.of(NIGHT))).usingRecursiveComparison()
                .isEqualTo(BANK.compare(List.of(7L, 8L), List.of(NIGHT)));
    }

    @Test
    void anAgentOnTheShortStaffedNightShiftAvoidsBreaches() {
        // banking-it has one L1 agent from 00:00 to 08:00 and none after 24:00 until then on weekdays.
        WhatIf.Effect e = BANK.compare(List.of(1L, 2L, 3L, 4L, 5L), List.of(NIGHT)).getFirst();
        SeedInterval firstResponse = e.breachesAvoided().get("first_response").get("all");
        // On 3,000 tickets the interval over 5 seeds is wide (see the README's 10,000-ticket run); the mean avoids.
        assertThat(firstResponse.mean()).isPositive();
        assertThat(e.breachesAvoided().get("ola_l1").get("all").mean()).isPositive();
        assertThat(e.penaltySaved().mean()).isPositive();
        // 8 hours on each weekday night of the period: 3,000 tickets take three to four weeks
        assertThat(e.agentHours().mean()).isBetween(8 * 10.0, 8 * 20.0);
    }

    @Test
    void commonRandomNumbersLeaveWhatAChangeCannotReachExactlyAlone() {
        // Faster L2 work changes nothing before a ticket reaches L2: first response and L1 are exactly the same.
        DeskChange l2 = new DeskChange("l2", List.of(), List.of(), Map.of("L2", 0.2), 1, 1);
        WhatIf.Effect e = BANK.compare(List.of(1L, 2L), List.of(l2)).getFirst();
        assertThat(e.breachesAvoided().get("first_response").get("all")).isEqualTo(new SeedInterval(0, 0, 0, 2));
        assertThat(e.breachesAvoided().get("ola_l1").get("all")).isEqualTo(new SeedInterval(0, 0, 0, 2));
        assertThat(e.breachesAvoided().get("ola_l2").get("all").mean()).isPositive();
        assertThat(e.agentHours()).isEqualTo(new SeedInterval(0, 0, 0, 2));
    }

    @Test
    void agentSpecsReadNightShiftsAndNameMistakes() {
        DeskChange.AgentSpec a = DeskChange.AgentSpec.parse("L2:Payments 08:00-16:00 mon-fri,sat");
        assertThat(a).isEqualTo(new DeskChange.AgentSpec(2, "Payments", 480, 960,
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)));
        assertThat(NIGHT.add().getFirst()).isEqualTo(new DeskChange.AgentSpec(1, null, 1320, 360,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        assertThatThrownBy(() -> DeskChange.AgentSpec.parse("night shift")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("TIER[:TEAM] HH:MM-HH:MM DAYS");
        assertThatThrownBy(() -> new DeskChange("x", List.of(), List.of(), Map.of("L4", 0.2), 1, 1))
                .hasMessageStartingWith("--faster: unknown stage 'L4'");
        DeskChange l2 = new DeskChange("x", List.of(DeskChange.AgentSpec.parse("L2 08:00-16:00 mon")), List.of(),
                Map.of(), 1, 1);
        assertThatThrownBy(() -> BANK.run(1, l2, START.toEpochMilli())).hasMessageStartingWith(
                "--add-agent: name the L2 team");
        DeskChange gone = new DeskChange("x", List.of(), List.of("agent-99"), Map.of(), 1, 1);
        assertThatThrownBy(() -> BANK.run(1, gone, START.toEpochMilli())).hasMessageContaining("no agent agent-99");
    }

    @Test
    void intervalsOverSeedsUseStudentsT() {
        // mean 2, sd 1 over 3 seeds: 2 +- 4.303 x 1 / sqrt 3 = 2 +- 2.484
        SeedInterval s = SeedInterval.of(new double[] {1, 2, 3});
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.high() - s.mean()).isCloseTo(4.303 / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SeedInterval.of(new double[] {5})).isEqualTo(new SeedInterval(5, 5, 5, 1));
    }
}
