package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/** The ticket's own life so far: counts and the latest tier from the events up to the instant, none after. */
class EventFeaturesTest {
    final TicketData data = TicketData.load(LeakCheckTest.EXAMPLES);
    final PolicySet policies = PolicyFile.load(LeakCheckTest.EXAMPLES.resolve("policy.yaml"));
    final FeatureSchema schema = FeatureSchema.fit(data.tickets(), org.slacast.core.policy.Metric.RESOLUTION, 8);

    @Test
    void eventFeaturesCountKnownEventsAndTakeTheLatestTier() {
        Ticket t = data.tickets().getFirst();
        String id = t.id();
        Instant c = t.createdAt();
        List<TicketEvent> events = new ArrayList<>(List.of(
                TicketEvent.of(id, c, EventType.CREATED),
                TicketEvent.of(id, c.plusSeconds(60), EventType.ASSIGNED),
                TicketEvent.of(id, c.plusSeconds(120), EventType.FIRST_RESPONSE),
                tier(id, c.plusSeconds(180), Tier.L3),
                TicketEvent.of(id, c.plusSeconds(240), EventType.REASSIGNED),
                tier(id, c.plusSeconds(300), Tier.L2),
                new TicketEvent(id, c.plusSeconds(360), EventType.PRIORITY_CHANGE, null, Priority.CRITICAL, null, null,
                        null),
                TicketEvent.of(id, c.plusSeconds(420), EventType.RESOLVED),
                TicketEvent.of(id, c.plusSeconds(480), EventType.REOPENED),
                // After the instant: none of these may count.
                tier(id, c.plusSeconds(7200), Tier.L1),
                TicketEvent.of(id, c.plusSeconds(7260), EventType.REOPENED),
                TicketEvent.of(id, c.plusSeconds(7320), EventType.REASSIGNED)));
        java.util.Collections.reverse(events); // files need not list events in time order
        Instant at = c.plusSeconds(3600);
        double[] x = new FeatureExtractor(schema, policies)
                .extract(t, events, at, new DeskState().history(t, at)).values();
        List<String> names = schema.names();
        assertThat(x[names.indexOf("first_response_done")]).isEqualTo(1);
        assertThat(x[names.indexOf("reassignments")]).isEqualTo(2); // assigned and reassigned
        assertThat(x[names.indexOf("escalations")]).isEqualTo(2);
        assertThat(x[names.indexOf("current_tier")]).isEqualTo(Tier.L2.ordinal() + 1);
        assertThat(x[names.indexOf("reopens")]).isEqualTo(1);
        assertThat(x[names.indexOf("priority_changes")]).isEqualTo(1);

        double[] atCreation = new FeatureExtractor(schema, policies)
                .extract(t, events, c, new DeskState().history(t, c)).values();
        assertThat(atCreation[names.indexOf("first_response_done")]).isZero();
        assertThat(atCreation[names.indexOf("reassignments")]).isZero();
        assertThat(atCreation[names.indexOf("current_tier")]).isEqualTo(t.tier().ordinal() + 1);
    }

    private static TicketEvent tier(String id, Instant at, Tier tier) {
        return new TicketEvent(id, at, EventType.TIER_CHANGE, null, null, tier, null, null);
    }
}
