package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;

/** Smoothed breach rates per value, and the schema features they add. */
class TargetEncodingTest {
    static Ticket ticket(String id, String system) {
        Ticket t = Ticket.of(id, Instant.parse("2026-03-02T00:00:00Z"), Priority.HIGH);
        return new Ticket(t.id(), t.createdAt(), t.priority(), null, null, null, null, null, system, null, null, null,
                null, null, null, null);
    }

    @Test
    void aValuesRateIsShrunkTowardThePriorAndRareValuesTakeThePrior() {
        List<Ticket> tickets = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        // Core: 10 tickets, 8 breached; Mail: 30 tickets, 2 breached; Fax: 2 tickets, both breached.
        for (int i = 0; i < 42; i++) {
            String system = i < 10 ? "Core" : i < 40 ? "Mail" : "Fax";
            Ticket t = ticket("T" + i, system);
            tickets.add(t);
            labels.put(t.id(), i < 8 || (i >= 10 && i < 12) || i >= 40 ? 1 : 0);
        }
        TargetEncoding e = TargetEncoding.fit("system", tickets, t -> labels.get(t.id()));
        double prior = 12 / 42.0;
        assertThat(e.prior()).isCloseTo(prior, within(1e-12));
        assertThat(e.rate("Core")).isCloseTo((8 + 20 * prior) / 30, within(1e-12));
        assertThat(e.rate("Mail")).isCloseTo((2 + 20 * prior) / 50, within(1e-12));
        assertThat(e.rate("Fax")).isEqualTo(e.prior());
        assertThat(e.rate(null)).isEqualTo(e.prior());
        FeatureSchema s = FeatureSchema.fit(tickets, labels, Metric.RESOLUTION, 0);
        assertThat(s.names()).contains("system_breach_rate", "customer_breach_rate");
        assertThat(FeatureSchema.fit(tickets, Metric.RESOLUTION, 0).names()).doesNotContain("system_breach_rate");
    }
}
