package org.slacast.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;

/**
 * A hand-made desk read at noon on Tuesday 2026-03-10, gold contract (resolution for high in 8 h round the clock,
 * at risk 1 h before): A overdue since 08:00, B on track, E at risk from 12:00, C done on time and D done late the
 * day before.
 */
class HealthReadingTest {
    static DeskHealth read(Path dir) throws Exception {
        Files.writeString(dir.resolve("tickets.csv"), """
                ticket_id,created_at,priority,team,system,contract
                A,2026-03-10T00:00:00Z,high,Net,Core,gold
                B,2026-03-10T10:00:00Z,high,Net,Core,gold
                C,2026-03-09T09:00:00Z,high,Ops,Mail,gold
                D,2026-03-09T00:00:00Z,high,Ops,Core,gold
                E,2026-03-10T05:00:00Z,high,Ops,Mail,gold
                F,2026-03-10T13:00:00Z,high,Ops,Mail,gold
                """);
        Files.writeString(dir.resolve("events.csv"), """
                ticket_id,at,type
                C,2026-03-09T12:00:00Z,resolved
                D,2026-03-09T10:00:00Z,resolved
                B,2026-03-10T14:00:00Z,resolved
                """);
        return HealthReading.of(TicketData.load(dir), PolicyFile.load(Path.of("../docs/examples/policy.yaml")),
                Metric.RESOLUTION, Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void bandsTeamsAndTheDaysBreaches(@TempDir Path dir) throws Exception {
        DeskHealth h = read(dir);
        assertThat(h.day()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(h.bands()).containsEntry("on_track", 1L).containsEntry("at_risk", 1L).containsEntry("overdue", 1L)
                .containsEntry("paused", 0L);
        assertThat(h.atRiskByTeam()).containsExactly(Map.entry("Net", 1L), Map.entry("Ops", 1L));
        assertThat(h.breachesToday()).extracting(DeskHealth.Breach::ticketId).containsExactly("A");
        assertThat(h.breachesToday().getFirst().breachedAt()).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }

    @Test
    void theDaysCountOpenedClosedBacklogAndBreachRate(@TempDir Path dir) throws Exception {
        DeskHealth h = read(dir);
        assertThat(h.days()).hasSize(30);
        assertThat(h.days().getFirst().date()).isEqualTo(LocalDate.parse("2026-02-09"));
        DeskHealth.Day monday = h.days().get(28);
        assertThat(monday).isEqualTo(new DeskHealth.Day(LocalDate.parse("2026-03-09"), 2, 2, 0, 1, 0.5, 0.5));
        DeskHealth.Day tuesday = h.days().get(29);
        assertThat(tuesday.opened()).isEqualTo(3);
        assertThat(tuesday.closed()).isZero();
        assertThat(tuesday.backlog()).isEqualTo(3);
        assertThat(tuesday.breached()).isEqualTo(1);
        assertThat(tuesday.breachRate()).isNaN();
        assertThat(tuesday.rolling7()).isEqualTo(0.5);
    }

    @Test
    void teamsSystemsAndTheHeatmap(@TempDir Path dir) throws Exception {
        DeskHealth h = read(dir);
        assertThat(h.teams()).containsExactly(new DeskHealth.Group("Ops", 3, 2, 1, 0.5, 6.5),
                new DeskHealth.Group("Net", 2, 0, 1, Double.NaN, Double.NaN));
        assertThat(h.systems()).extracting(DeskHealth.Group::name, DeskHealth.Group::breached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Core", 2L),
                        org.assertj.core.groups.Tuple.tuple("Mail", 0L));
        assertThat(h.chronic()).isEmpty();
        assertThat(h.arrivals()[1][0]).isEqualTo(1);
        assertThat(h.arrivals()[1][10]).isEqualTo(1);
        assertThat(h.arrivals()[1][5]).isEqualTo(1);
        assertThat(h.arrivals()[0][9]).isEqualTo(1);
        assertThat(h.arrivals()[1][13]).as("created after noon: not known yet").isZero();
        assertThat(java.util.Arrays.stream(h.breachesByHour()).flatMapToLong(java.util.Arrays::stream).sum()).isEqualTo(2);
        assertThat(h.breachesByHour()[1][0]).isEqualTo(1);
        assertThat(h.breachesByHour()[0][0]).isEqualTo(1);
    }
}
