package org.slacast.core.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slacast.core.clock.SameInstantOrderTest.at;
import static org.slacast.core.clock.SameInstantOrderTest.tier;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.clock.SlaSummary.Rate;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/** Issue 15: rates over completed readings, apart from the open and the not-active ones, and per tier visit. */
class SlaSummaryTest {
    static final SlaPolicy POLICY = PolicyFile.parse("""
            calendars:
              always: {zone: UTC, hours: 24x7}
            policies:
              - name: p
                calendar: always
                targets: {first_response: 30m, ola_l1: 30m}
            """, "test").policies().getFirst();

    static TicketSla read(String id, int created, Priority p, TicketEvent... events) {
        Ticket t = Ticket.of(id, at(created), p);
        List<TicketEvent> es = new ArrayList<>();
        for (TicketEvent e : events) {
            es.add(new TicketEvent(id, e.at(), e.type(), e.status(), e.priority(), e.tier(), null, null));
        }
        return new SlaClock().measure(t, es, POLICY, at(100));
    }

    static TicketEvent reply(int minutes) {
        return SameInstantOrderTest.ev(minutes, EventType.FIRST_RESPONSE);
    }

    @Test
    void completedOpenAndNotActiveReadingsAreCountedApart() {
        List<TicketSla> results = List.of(
                read("A", 0, Priority.HIGH, reply(10)),                          // on time
                read("B", 0, Priority.HIGH, reply(50)),                          // late
                read("C", 0, Priority.HIGH),                                     // open, already late
                read("D", 90, Priority.LOW),                                     // open, in time so far
                read("E", 0, Priority.HIGH, TicketEvent.status("E", at(5), "cancelled")), // not active
                read("F", 0, Priority.HIGH, reply(20)),                          // on time
                read("G", 0, Priority.HIGH, tier(10, Tier.L2), tier(20, Tier.L1), reply(45))); // two L1 visits
        SlaSummary s = SlaSummary.of(new SlaRun.Outcome(results, List.of(), at(100), 3));
        assertThat(s.clampedEvents()).isEqualTo(3);
        SlaSummary.MetricSummary fr = s.metrics().get("first_response");
        assertThat(fr.byPriority().get("high")).isEqualTo(new Rate(6, 3, 0.5, 4, 2, 0.5, 1, 0.1667, 1, 0.1667, 1));
        assertThat(fr.byPriority().get("low")).isEqualTo(new Rate(1, 0, 0, 0, 0, 0, 1, 1.0, 0, 0, 0));
        assertThat(fr.overall()).isEqualTo(new Rate(7, 3, 0.4286, 4, 2, 0.5, 2, 0.2857, 1, 0.1429, 1));
        assertThat(fr.measured()).isEqualTo(7);
        assertThat(fr.breachRate()).isEqualTo(0.4286);
        // Per ticket × tier, G's two L1 visits (10 and 25 minutes) add up to a breach; one by one, neither breaches.
        assertThat(s.metrics().get("ola_l1").byPriority().get("high"))
                .isEqualTo(new Rate(6, 3, 0.5, 4, 2, 0.5, 1, 0.1667, 1, 0.1667, 1));
        SlaSummary.StintSummary visits = s.stints().get("ola_l1");
        assertThat(visits.byPriority().get("high"))
                .isEqualTo(new Rate(7, 2, 0.2857, 5, 1, 0.2, 1, 0.1429, 1, 0.1429, 1));
        assertThat(visits.overall().measured()).isEqualTo(8);
        assertThat(s.stints()).containsOnlyKeys("ola_l1"); // L2 has no target here
    }
}
