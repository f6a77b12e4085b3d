package org.slacast.training.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.BadInputException;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.Tier;

/** A night agent on weekdays and a day agent all week, against two Monday-morning tickets. */
class StaffingPlanTest {
    static Roster roster(Path dir) throws Exception {
        Path f = dir.resolve("agents.csv");
        Files.writeString(f, """
                agent_id,name,team,tier,shift,weekdays,weekends
                night,N,Desk,L1,22:00-06:00,true,false
                day,D,Desk,L1,08:00-16:00,true,true
                expert,E,Desk,L3,08:00-16:00,true,false
                """);
        return Roster.load(f).inTier(Tier.L1, f);
    }

    @Test
    void anOvernightShiftBelongsToTheDayItStarts(@TempDir Path dir) throws Exception {
        double[][] on = roster(dir).onDuty();
        assertThat(on[0][22]).isEqualTo(1.0);
        assertThat(on[1][2]).isEqualTo(1.0);
        assertThat(on[5][2]).as("Saturday 02:00, Friday's night").isEqualTo(1.0);
        assertThat(on[6][2]).as("Sunday 02:00").isZero();
        assertThat(on[0][2]).as("Monday 02:00, Sunday's night").isZero();
        assertThat(on[5][9]).isEqualTo(1.0);
        assertThat(on[0][9]).as("the L3 expert is not L1").isEqualTo(1.0);
    }

    @Test
    void theGapIsWhatErlangCRequiresLessWhoIsOnDuty(@TempDir Path dir) throws Exception {
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        List<SegmentTests.Case> cases = List.of(
                new SegmentTests.Case(Ticket.of("A", monday, Priority.HIGH), true),
                new SegmentTests.Case(Ticket.of("B", monday.plusSeconds(1800), Priority.HIGH), false));
        StaffingPlan p = StaffingPlan.of(cases, t -> ZoneOffset.UTC, t -> 100, 30, 60, 0.8, roster(dir));
        assertThat(p.weeks()).isEqualTo(1.0);
        assertThat(p.arrivals()[0][9]).isEqualTo(2.0);
        // One Erlang (2 an hour × 30 minutes): one agent cannot keep up, two answer 95.5% within an hour.
        assertThat(p.required()[0][9]).isEqualTo(2);
        assertThat(p.required()[0][10]).isZero();
        assertThat(p.shifts()).containsExactly(new StaffingPlan.ShiftLoss("08:00-16:00", 2, 1, 100, 1.0),
                new StaffingPlan.ShiftLoss("22:00-06:00", 0, 0, 0, 0));
    }

    @Test
    void aBadRosterRowNamesItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("agents.csv");
        Files.writeString(f, """
                agent_id,shift,weekdays,weekends
                a,08:00-16:00,true,true
                b,25:00-03:00,true,true
                """);
        assertThatThrownBy(() -> Roster.load(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":3: shift time '25:00' is not HH:MM between 00:00 and 24:00");
        Files.writeString(f, "agent_id,shift,weekdays,weekends\na,08:00-16:00,maybe,true\n");
        assertThatThrownBy(() -> Roster.load(f)).hasMessage(f + ":2: weekdays 'maybe' is not true or false");
    }
}
