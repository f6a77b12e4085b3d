package org.slacast.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.csv.GivenOutcomes;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.training.label.Agreement;
import org.slacast.training.label.LabelMode;
import org.slacast.training.label.Labelling;

class LabellingTest {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    static TicketOutcome clock(String id, Priority p, int label) {
        Ticket t = Ticket.of(id, T0, p);
        return new TicketOutcome(t, label, label == 1 ? T0.plusSeconds(3600) : null, null, 0, label);
    }

    static final List<TicketOutcome> CLOCK = List.of(clock("a", Priority.HIGH, 1), clock("b", Priority.HIGH, 0),
            clock("c", Priority.LOW, 0), clock("d", Priority.LOW, -1), clock("e", Priority.LOW, 1));

    @Test
    void givenOutcomesWinOverTheClockAndTheRestFallBackToIt() {
        GivenOutcomes given = new GivenOutcomes(Path.of("outcomes.csv"), Map.of("a", true, "b", true, "c", false,
                "d", true), List.of());
        Labelling l = Labelling.of(CLOCK, given, null);
        assertThat(l.mode()).isEqualTo(LabelMode.GIVEN);
        // b is breached as given though the clock says met; d is labelled though its clock still runs; e falls back.
        assertThat(l.outcomes()).extracting(TicketOutcome::label).containsExactly(1, 1, 0, 1, 1);
        assertThat(l.outcomes()).extracting(TicketOutcome::clock).containsExactly(1, 0, 0, -1, 1);
        assertThat(l.fallback()).isEqualTo(1);
        assertThat(l.source().given()).isEqualTo(4);
        assertThat(l.agreement()).containsExactly(new Agreement("high", 2, 2, 2, 1, 1),
                new Agreement("low", 2, 1, 1, 0, 1), new Agreement("all", 4, 3, 3, 1, 2));
        assertThat(l.overall().rate()).isEqualTo(2 / 3.0);
        assertThat(l.summary()).startsWith("labels: given (outcomes.csv: 4 tickets; 1 without one, labelled by the "
                + "clock); the SLA clock agrees with the given outcome on 66.7% of the 3 tickets");
    }

    @Test
    void theClockIsTheDefaultWithoutOutcomesAndGivenIsRefusedThen() {
        assertThat(Labelling.of(CLOCK, GivenOutcomes.none(), null).outcomes()).isEqualTo(CLOCK);
        assertThatThrownBy(() -> Labelling.of(CLOCK, GivenOutcomes.none(), LabelMode.GIVEN))
                .hasMessage("--label given: there is no outcomes.csv beside the tickets; import with an outcome "
                        + "column in the mapping, or use --label clock");
        GivenOutcomes given = new GivenOutcomes(Path.of("o.csv"), Map.of("b", true), List.of());
        Labelling clock = Labelling.of(CLOCK, given, LabelMode.CLOCK);
        assertThat(clock.outcomes()).isEqualTo(CLOCK);
        assertThat(clock.summary()).isEqualTo("labels: clock; --label clock: the 1 given outcomes in o.csv are not "
                + "used");
    }
}
