package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.Tier;

class DeskStateTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static Ticket ticket(String id, Instant at, String system) {
        return new Ticket(id, at, Priority.HIGH, null, null, Tier.L1, "Desk", "Access", system, null, "Acme", null,
                null, "Ada", null, null);
    }

    @Test
    void countsWindowsAndOpenTicketsAsOfTheInstant() {
        DeskState d = new DeskState();
        d.arrival(ticket("A", T0, "ATM"));
        d.arrival(ticket("B", T0.plus(Duration.ofDays(3)), "ATM"));
        d.arrival(ticket("C", T0.plus(Duration.ofDays(8)), "Web"));
        d.resolved("A");
        DeskState.History h = d.history(ticket("X", T0.plus(Duration.ofDays(8)), "ATM"), T0.plus(Duration.ofDays(8)));
        assertThat(h.requester7d()).isEqualTo(2);   // B and C; A is 8 days old
        assertThat(h.requester30d()).isEqualTo(3);
        assertThat(h.system7d()).isEqualTo(1);       // B
        assertThat(h.deskOpen()).isEqualTo(2);       // B and C
        assertThat(h.systemOpen()).isEqualTo(1);
        assertThat(h.deskArrivals1h()).isEqualTo(1); // C, at the same instant
    }

    @Test
    void breachRatesUseOnlyOutcomesKnownInTheLast30DaysAndShrinkTowardTheDesk() {
        DeskState d = new DeskState();
        d.outcome("Desk", "ATM", true, T0);
        d.outcome("Desk", "ATM", true, T0.plus(Duration.ofDays(1)));
        d.outcome("Desk", "Web", false, T0.plus(Duration.ofDays(1)));
        d.outcome("Desk", "Web", false, T0.plus(Duration.ofDays(1)));
        DeskState.History h = d.history(ticket("X", T0, "ATM"), T0.plus(Duration.ofDays(2)));
        assertThat(h.deskBreachRate()).isEqualTo(0.5);
        // (2 breaches + 5 x 0.5) / (2 + 5)
        assertThat(h.systemBreachRate()).isCloseTo(4.5 / 7, org.assertj.core.data.Offset.offset(1e-12));
        DeskState.History later = d.history(ticket("X", T0, "ATM"), T0.plus(Duration.ofDays(40)));
        assertThat(later.deskBreachRate()).isZero();
    }

    /** Issue 11: a query far in the future used to evict every window, and the next ticket's counts fell to zero. */
    @Test
    void aQueryAtAnyInstantLeavesTheNextQueryAlone() {
        DeskState d = new DeskState();
        for (int i = 0; i < 5; i++) {
            d.arrival(ticket("A" + i, T0.plus(Duration.ofMinutes(i)), "ATM"));
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
    void longNamesAreKeptAsShortDigestsThatStillTellThemApart() {
        String a = "a".repeat(100_000);
        String b = "a".repeat(99_999) + "b";
        assertThat(DeskState.key(a)).hasSizeLessThanOrEqualTo(64).isNotEqualTo(DeskState.key(b));
        assertThat(DeskState.key(DeskState.key(a))).isEqualTo(DeskState.key(a));
        assertThat(DeskState.key("ATM")).isEqualTo("ATM");
    }

    @Test
    void openTicketsLeaveTheQueuePastTheHorizonOrTheBoundAndAreCounted() {
        DeskState d = new DeskState(Duration.ofDays(30), 3);
        d.arrival(ticket("A", T0, "ATM"));
        d.arrival(ticket("B", T0.plus(Duration.ofDays(1)), "ATM"));
        Instant later = T0.plus(Duration.ofHours(30 * 24 + 12));
        d.arrival(ticket("C", later, "Web")); // A is 30.5 days old, past the horizon; B is 29.5
        
        assertThat(d.openTickets()).isEqualTo(2);
        assertThat(d.expiredTickets()).isEqualTo(1);
        d.arrival(ticket("D", later, "Web"));
        d.arrival(ticket("E", later, "Web")); // four open, bound three: B leaves
        assertThat(d.openTickets()).isEqualTo(3);
        assertThat(d.expiredTickets()).isEqualTo(2);
        DeskState.History h = d.history(ticket("X", later, "ATM"), later);
        assertThat(h.systemOpen()).isZero();
        assertThat(h.deskOpen()).isEqualTo(3);
    }
}
