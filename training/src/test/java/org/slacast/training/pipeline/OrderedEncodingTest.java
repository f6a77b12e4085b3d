package org.slacast.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.feature.TargetEncoding;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.training.data.Example;

/** A training example's encoding never counts its own ticket's outcome. */
class OrderedEncodingTest {
    @Test
    void eachTicketIsEncodedFromTheTicketsCreatedBeforeIt() {
        List<Ticket> tickets = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            Ticket t = Ticket.of("T" + i, Instant.parse("2026-03-02T00:00:00Z").plusSeconds(i), Priority.HIGH);
            t = new Ticket(t.id(), t.createdAt(), t.priority(), null, null, null, null, null, "Core", null, null,
                    null, null, null, null, null);
            tickets.add(t);
            labels.put(t.id(), i % 4 == 0 ? 1 : 0);
        }
        java.util.Collections.shuffle(tickets, new java.util.Random(7)); // the order given does not matter
        FeatureSchema schema = FeatureSchema.fit(tickets, labels, Metric.RESOLUTION, 0);
        int col = schema.names().indexOf("system_breach_rate");
        List<Example> train = new ArrayList<>();
        for (Ticket t : tickets) {
            train.add(new Example(t.id(), t.createdAt(), t.createdAt(), 0, labels.get(t.id()),
                    new double[schema.size()], t.priority(), 1, null, "Core", null, 0, 1, null, null, null, 0));
        }
        OrderedEncoding.apply(schema, tickets, labels, train);
        for (Example e : train) {
            List<Ticket> before = tickets.stream().filter(t -> t.createdAt().isBefore(e.createdAt())).toList();
            double expected = TargetEncoding.fit("system", before, t -> labels.get(t.id())).rate("Core");
            assertThat(e.x()[col]).as(e.ticketId()).isCloseTo(expected, within(1e-12));
        }
        // T0..T4 have fewer than five earlier tickets: the prior of those before them (0 for T0).
        assertThat(train.stream().filter(e -> e.ticketId().equals("T0")).findFirst().orElseThrow().x()[col]).isZero();
        // The schema keeps the rate of every training ticket, for validation, test and serving.
        assertThat(schema.encodings().stream().filter(x -> x.attribute().equals("system")).findFirst().orElseThrow()
                .rate("Core")).isCloseTo((50 + 20 * 0.25) / 220, within(1e-12));
    }
}
