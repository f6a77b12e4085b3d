package org.slacast.core.feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.TimeRange;

/**
 * What one ticket contributes to the desk's history, and when: it arrives at creation, waits in the queue until it
 * leaves, and its SLA outcome becomes known at an instant. Every instant is causal: it is decided by the ticket's
 * events up to that instant alone, so the desk computed by training from a whole data set and the desk a server
 * builds from the events it has received so far agree at every instant up to the latest event received.
 *
 * <ul>
 *   <li>The outcome is known at the breach instant if the target metric breaches before it first completes, and
 *       otherwise at its first completion (a later reopen does not take it back). A ticket still open is expected
 *       to breach at its due instant; that entry counts only once that instant has passed.</li>
 *   <li>It leaves the queue at its first completion, or after {@code horizon} with no event, whichever is first.</li>
 * </ul>
 *
 * @param ticket   the ticket
 * @param enter    its creation, epoch ms
 * @param leave    when it leaves the open queue, epoch ms; equal to {@code enter} when it never waited
 * @param lapsed   whether it left for want of news rather than by completing
 * @param known    when its outcome is known, epoch ms, or {@link Long#MAX_VALUE} for never
 * @param breached the outcome
 */
public record DeskEvents(Ticket ticket, long enter, long leave, boolean lapsed, long known, boolean breached) {
    /** How long a ticket with no news stays in the open queue, unless configured otherwise. */
    public static final Duration HORIZON = Duration.ofDays(30);
    /** Never. */
    public static final long NEVER = Long.MAX_VALUE;
    private static final SlaClock CLOCK = new SlaClock();

    /**
     * @param t       the ticket
     * @param events  its events known so far, in any order
     * @param policy  its policy
     * @param metric  the metric whose outcome the desk's breach rates count
     * @param horizon how long a ticket with no event stays open
     * @return its contribution to the desk
     */
    public static DeskEvents of(Ticket t, List<TicketEvent> events, SlaPolicy policy, Metric metric,
                                Duration horizon) {
        long enter = t.createdAt().toEpochMilli();
        MetricStatus first = firstCompletion(t, events, policy, metric);
        long completed = first != null && first.completed() ? first.completedAt().toEpochMilli() : NEVER;
        long known = NEVER;
        boolean breached = false;
        if (first != null && first.breached() && first.breachedAt() != null) {
            known = first.breachedAt().toEpochMilli();
            breached = true;
        } else if (completed != NEVER) {
            known = completed;
        }
        long quiet = quietUntil(enter, events, horizon.toMillis());
        long leave = Math.max(enter, Math.min(completed, quiet));
        return new DeskEvents(t, enter, leave, quiet < completed, known, breached);
    }

    /** The metric read up to its first completion; a reopen after it is not yet known then. */
    private static MetricStatus firstCompletion(Ticket t, List<TicketEvent> events, SlaPolicy policy, Metric metric) {
        MetricStatus all = read(t, events, policy, metric);
        // Without a reopen the reading over all events is the first one; with one, even a ticket open again at the
        // end may have completed before it.
        if (all == null || events.stream().noneMatch(e -> e.type() == EventType.REOPENED)) {
            return all;
        }
        List<TicketEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.at().compareTo(b.at()));
        List<TicketEvent> upTo = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            upTo.add(sorted.get(i));
            if (i + 1 < sorted.size() && sorted.get(i + 1).at().equals(sorted.get(i).at())) {
                continue; // read after every event of the same instant
            }
            MetricStatus m = read(t, upTo, policy, metric);
            if (m != null && m.completed()) {
                return m;
            }
        }
        return all;
    }

    private static MetricStatus read(Ticket t, List<TicketEvent> events, SlaPolicy policy, Metric metric) {
        return CLOCK.measure(t, events, policy, TimeRange.LATEST).metric(metric).orElse(null);
    }

    /** The first instant by which the ticket has gone {@code horizon} without an event. */
    private static long quietUntil(long enter, List<TicketEvent> events, long horizon) {
        long[] at = new long[events.size() + 1];
        at[0] = enter;
        for (int i = 0; i < events.size(); i++) {
            at[i + 1] = Math.max(enter, events.get(i).at().toEpochMilli());
        }
        java.util.Arrays.sort(at);
        for (int i = 0; i + 1 < at.length; i++) {
            if (at[i + 1] - at[i] > horizon) {
                return at[i] + horizon;
            }
        }
        return at[at.length - 1] + horizon;
    }

    /**
     * @param at      when the outcome was reported
     * @param breach  the outcome
     * @return these events with an outcome reported from outside (it also ends the wait)
     */
    public DeskEvents withOutcome(long at, boolean breach) {
        long when = Math.max(enter, at);
        return new DeskEvents(ticket, enter, Math.min(leave, when), lapsed && leave <= when, when, breach);
    }

    /** @return whether the ticket ever waited in the open queue */
    public boolean waited() {
        return leave > enter;
    }
}
