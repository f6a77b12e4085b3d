package org.slacast.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

class ReplayTimelineTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static Ticket ticket(String id, int minute) {
        return Ticket.of(id, T0.plusSeconds(60L * minute), Priority.MEDIUM);
    }

    static TicketEvent event(String id, int minute, EventType type) {
        return new TicketEvent(id, T0.plusSeconds(60L * minute), type, null, null, null, null, null);
    }

    static TicketData desk() {
        List<Ticket> tickets = List.of(ticket("A", 0), ticket("B", 10), ticket("C", 10), ticket("D", 30));
        Map<String, List<TicketEvent>> events = Map.of(
                "A", List.of(event("A", 0, EventType.CREATED), event("A", 15, EventType.FIRST_RESPONSE),
                        event("A", 40, EventType.RESOLVED)),
                "B", List.of(event("B", 10, EventType.CREATED), event("B", 10, EventType.ASSIGNED)),
                "C", List.of(event("C", 10, EventType.CREATED)),
                "D", List.of(event("D", 30, EventType.CREATED)));
        return new TicketData(tickets, events, List.of(), 0, 0);
    }

    @Test
    void batchesNeverSplitAnInstantSoEveryCreationIsScoredWithAllThatPrecedesIt() {
        // Minute 10 holds five items: B, C and their three events; a batch of 3 cannot cut through it.
        List<ReplayTimeline.Batch> batches = new ReplayTimeline(desk(), null, null).batches(3, null);
        assertThat(batches).extracting(ReplayTimeline.Batch::size).containsExactly(2, 5, 3, 1);
        assertThat(batches.get(1).created()).extracting(Ticket::id).containsExactly("B", "C");
        assertThat(batches.get(1).first()).isEqualTo(batches.get(1).last()).isEqualTo(T0.plusSeconds(600));
        assertThat(batches.get(2).created()).extracting(Ticket::id).containsExactly("D");
    }

    @Test
    void aTicketCreatedBeforeTheStartTravelsOnceWithItsFirstReplayedEventAndIsNotScored() {
        ReplayTimeline t = new ReplayTimeline(desk(), T0.plusSeconds(60 * 12), null);
        assertThat(t.tickets()).isEqualTo(1);
        assertThat(t.events()).isEqualTo(3);
        List<ReplayTimeline.Batch> batches = t.batches(100, null);
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst().tickets()).extracting(Ticket::id).containsExactly("A", "D");
        assertThat(batches.getFirst().created()).extracting(Ticket::id).containsExactly("D");
    }

    @Test
    void untilStopsBeforeItsInstantAndASpanBoundsEachBatchInTime() {
        ReplayTimeline t = new ReplayTimeline(desk(), null, T0.plusSeconds(60 * 30));
        assertThat(t.tickets()).isEqualTo(3);
        assertThat(t.events()).isEqualTo(5);
        List<ReplayTimeline.Batch> batches = t.batches(100, Duration.ofMinutes(10));
        assertThat(batches).extracting(b -> Duration.between(T0, b.first()).toMinutes()).containsExactly(0L, 15L);
        assertThat(batches.getFirst().created()).extracting(Ticket::id).containsExactly("A", "B", "C");
    }
}
