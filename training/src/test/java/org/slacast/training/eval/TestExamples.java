package org.slacast.training.eval;

import java.time.Instant;
import org.slacast.core.band.RiskBand;
import org.slacast.core.ticket.Priority;
import org.slacast.training.data.Example;

/** Examples with only the fields the evaluation reads; the rest are fixed. */
final class TestExamples {
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private TestExamples() {
    }

    static Example example(String ticket, int checkpoint, int label, Priority priority, int tier, String team,
                           RiskBand band) {
        return new Example(ticket, T0, T0.plusSeconds(3600L * checkpoint), checkpoint, label, new double[0],
                priority, tier, team, "email", band, 9, 1, null, null, null, 0.25 * checkpoint);
    }

    static Example example(int label, Priority priority, RiskBand band) {
        return example("T", 0, label, priority, 1, "desk", band);
    }
}
