package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

class DeskStateTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final long DAY = 86_400_000L;

    static Ticket ticket(String id, Instant at, String system) {
        return new Ticket(id, at, Priority.HIGH, null, null, Tier.L1, "Desk", "Access", system, null, "Acme", null,
                null, "Ada", null, null);
    }

    /** A ticket that waits until {@code leaveDays} after T0 and has no known outcome. */
    static DeskEvents waiting(String id, double atDays, String system, double leaveDays) {
        Ticket t = ticket(id, T0.plusMillis((long) (atDays * DAY)), system);
        return new DeskEvents(t, t.createdAt().toEpochMilli(), T0.toEpochMilli() + (long) (leaveDays * DAY), false,
                DeskEvents.NEVER, false);
    }

    static DeskEvents outcome(String id, String system, double knownDays, boolean breached) {
        Ticket t = ticket(id, T0, system);
        long enter = T0.toEpochMilli();
        return new DeskEvents(t, enter, enter, false, enter + (long) (knownDays * DAY), breached);
    }

    @Test
    void countsWindowsAndOpenTicketsAsOfTheInstant() {
        DeskState d = new DeskState();
        d.put(waiting("A", 0, "ATM", 8));
        d.put(waiting("B", 3, "ATM", 99));
        d.put(waiting("C", 8, "Web", 99));
        Instant at = T0.plus(Duration.ofDays(8));
        DeskState.History h = d.history(ticket("X", at, "ATM"), at);
        assertThat(h.requester7d()).isEqualTo(1);   // B; A is 8 days old, C arrives at this very instant
        assertThat(h.requester30d()).isEqualTo(2);
        assertThat(h.system7d()).isEqualTo(1);       // B
        assertThat(h.deskOpen()).isEqualTo(1);       // B: A left at this instant, C is not yet in
        assertThat(h.systemOpen()).isEqualTo(1);
        assertThat(h.deskArrivals1h()).isZero();
        DeskState.History later = d.history(ticket("X", at, "ATM"), at.plusSeconds(60));
        assertThat(later.deskOpen()).isEqualTo(2);   // B and C
        assertThat(later.deskArrivals1h()).isEqualTo(1);
    }

    @Test
    void breachRatesUseOnlyOutcomesKnownInTheLast30DaysAndShrinkTowardTheDesk() {
        DeskState d = new DeskState();
        d.put(outcome("1", "ATM", 0, true));
        d.put(outcome("2", "ATM", 1, true));
        d.put(outcome("3", "Web", 1, false));
        d.put(outcome("4", "Web", 1, false));
        DeskState.History h = d.history(ticket("X", T0, "ATM"), T0.plus(Duration.ofDays(2)));
        assertThat(h.deskBreachRate()).isEqualTo(0.5);
        // (2 breaches + 5 x 0.5) / (2 + 5)
        assertThat(h.systemBreachRate()).isCloseTo(4.5 / 7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.history(ticket("X", T0, "ATM"), T0.plus(Duration.ofDays(40))).deskBreachRate()).isZero();
        assertThat(d.history(ticket("X", T0, "ATM"), T0.minusSeconds(1)).deskBreachRate()).isZero();
    }

    /** Issue 11: a query far in the future used to evict every window, and the next ticket's counts fell to zero. */
    @Test
    void aQueryAtAnyInstantLeavesTheNextQueryAlone() {
        DeskState d = DeskState.live(1000);
        for (int i = 0; i < 5; i++) {
            d.put(waiting("A" + i, i / 1440.0, "ATM", 99));
        }
        Instant now = T0.plus(Duration.ofMinutes(10));
        DeskState.History before = d.history(ticket("X", now, "ATM"), now);
        d.history(ticket("F", now, "ATM"), Instant.parse("2100-01-01T00:00:00Z"));
        d.history(ticket("P", now, "ATM"), Instant.parse("1971-01-01T00:00:00Z"));
        assertThat(d.history(ticket("X", now, "ATM"), now)).isEqualTo(before);
        assertThat(before.requester7d()).isEqualTo(5);
        assertThat(before.deskArrivals1h()).isEqualTo(5);
    }

    @Test
    void puttingATicketAgainReplacesWhatItContributed() {
        DeskState d = new DeskState();
        d.put(waiting("A", 0, "ATM", 99));
        d.put(waiting("A", 0, "ATM", 1));
        Instant at = T0.plus(Duration.ofDays(2));
        DeskState.History h = d.history(ticket("X", at, "ATM"), at);
        assertThat(h.requester7d()).isEqualTo(1);
        assertThat(h.deskOpen()).isZero();
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void longNamesAreKeptAsShortDigestsThatStillTellThemApart() {
        String a = "a".repeat(100_000);
        String b = "a".repeat(99_999) + "b";
        assertThat(DeskState.key(a)).hasSizeLessThanOrEqualTo(64).isNotEqualTo(DeskState.key(b));
        assertThat(DeskState.key(DeskState.key(a))).isEqualTo(DeskState.key(a));
        assertThat(DeskState.key("ATM")).isEqualTo("ATM");
    }

    @Test
    void aLiveDeskDropsWhatLiesBehindItsWindowAndHoldsAtMostItsBound() {
        DeskState d = DeskState.live(3);
        d.put(waiting("A", 0, "ATM", 1));
        d.put(waiting("B", 40, "ATM", 41));
        assertThat(d.size()).isEqualTo(1); // A lies wholly more than 31 days behind B's arrival
        d.put(waiting("C", 41, "ATM", 99));
        d.put(waiting("D", 42, "ATM", 99));
        d.put(waiting("E", 43, "ATM", 99));
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.expiredTickets()).isEqualTo(1);
    }

    /** The desk's instants come from the ticket's events alone, read as they were first known. */
    @Test
    void deskEventsAreCausalFirstCompletionLapseAndProjectedBreach() {
        SlaPolicy policy = PolicyFile.load(java.nio.file.Path.of("../docs/examples/policy.yaml")).select(
                ticket("Z", T0, "ATM"));
        Ticket t = ticket("R", T0, "ATM");
        List<TicketEvent> reopened = List.of(ev(t, 30, EventType.FIRST_RESPONSE), ev(t, 60, EventType.RESOLVED),
                ev(t, 24 * 60 * 5, EventType.REOPENED), ev(t, 24 * 60 * 6, EventType.RESOLVED));
        DeskEvents r = DeskEvents.of(t, reopened, policy, Metric.RESOLUTION, DeskEvents.HORIZON);
        assertThat(r.leave()).isEqualTo(T0.plusSeconds(3600).toEpochMilli()); // the first resolution
        assertThat(r.known()).isEqualTo(r.leave());
        assertThat(r.breached()).isFalse();
        DeskEvents open = DeskEvents.of(t, List.of(), policy, Metric.RESOLUTION, Duration.ofDays(30));
        assertThat(open.lapsed()).isTrue();
        assertThat(open.leave()).isEqualTo(T0.plus(Duration.ofDays(30)).toEpochMilli());
        assertThat(open.breached()).isTrue(); // expected to breach at its due instant, once that has passed
        assertThat(open.known()).isGreaterThan(open.enter()).isLessThan(open.leave());
    }

    private static TicketEvent ev(Ticket t, int minutes, EventType type) {
        return new TicketEvent(t.id(), t.createdAt().plusSeconds(60L * minutes), type, null, null, null, null, null);
    }
}
