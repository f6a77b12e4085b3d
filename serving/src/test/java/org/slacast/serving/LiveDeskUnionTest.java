package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.TicketEvent;

/** A ticket scored again as sent before skips the union only where the union would change nothing. */
class LiveDeskUnionTest {

    @Test
    void theShortcutAgreesWithTheUnionOnSeededEventLists() {
        Random r = new Random(17);
        EventType[] types = {EventType.CREATED, EventType.ASSIGNED, EventType.FIRST_RESPONSE, EventType.RESOLVED};
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        int shortcuts = 0;
        for (int i = 0; i < 20_000; i++) {
            List<TicketEvent> events = new ArrayList<>();
            int n = r.nextInt(7);
            long at = 0;
            for (int k = 0; k < n; k++) {
                // Mostly rising instants, some equal, some earlier; repeated events now and then.
                at += r.nextInt(10) < 7 ? r.nextInt(3) * 60 : -60;
                events.add(r.nextInt(8) == 0 && !events.isEmpty() ? events.get(r.nextInt(events.size()))
                        : TicketEvent.of("T-1", t0.plusSeconds(at), types[r.nextInt(types.length)]));
            }
            boolean same = LiveDesk.union(events, events).equals(events);
            assertThat(LiveDesk.inUnionOrder(events)).as("%s", events).isEqualTo(same);
            shortcuts += same ? 1 : 0;
        }
        assertThat(shortcuts).isBetween(2_000, 18_000); // both sides were exercised
    }

    @Test
    void aLongRunAtOneInstantIsLeftToTheUnion() {
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        List<TicketEvent> run = new ArrayList<>();
        for (int k = 0; k < 1_000; k++) {
            run.add(new TicketEvent("T-1", at, EventType.STATUS_CHANGE, "s" + k, null, null, null, null));
        }
        assertThat(LiveDesk.union(run, run)).isEqualTo(run);
        assertThat(LiveDesk.inUnionOrder(run)).isFalse(); // not half a million comparisons: the union decides
        assertThat(LiveDesk.inUnionOrder(run.subList(0, LiveDesk.SAME_INSTANT_RUN + 1))).isTrue();
    }
}
