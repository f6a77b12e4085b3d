package org.slacast.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * Reads a ticket's SLA metrics from its events under its policy, as of an instant. Stateless and thread-safe.
 *
 * <p>The due instant of an unfinished metric assumes the clock runs on from the as-of instant: while paused it
 * is "due if resumed now". A completed metric's due instant is where its target fell (or would have fallen).
 * See the package documentation for the rules on pauses, reopens and priority changes.
 */
public final class SlaClock {
    private static final Comparator<TicketEvent> ORDER = Comparator.comparing(TicketEvent::at)
            .thenComparing(e -> e.type() != EventType.CREATED);

    /** Creates a clock. */
    public SlaClock() {
        // stateless
    }

    /**
     * @param ticket the ticket
     * @param events its events, in any order, duplicates allowed (exact duplicates are dropped)
     * @param policy the policy to apply
     * @param asOf   the instant to read at; later events are ignored
     * @return every metric the policy sets a target for (OLA metrics only for tiers the ticket entered)
     */
    public TicketSla measure(Ticket ticket, List<TicketEvent> events, SlaPolicy policy, Instant asOf) {
        long asOfMs = asOf.toEpochMilli();
        if (asOf.isBefore(ticket.createdAt())) {
            return new TicketSla(ticket, policy, asOf, null, List.of());
        }
        List<TicketEvent> ordered = new ArrayList<>(new LinkedHashSet<>(events));
        ordered.removeIf(e -> e.at().toEpochMilli() > asOfMs || !e.ticketId().equals(ticket.id()));
        ordered.sort(ORDER);
        Replay r = Replay.of(ticket, ordered, policy, asOfMs);
        List<MetricStatus> out = new ArrayList<>();
        for (Metric m : metricsOf(policy)) {
            measureOne(m, r, policy).ifPresent(out::add);
        }
        return new TicketSla(ticket, policy, asOf, r.status, out);
    }

    private static List<Metric> metricsOf(SlaPolicy policy) {
        List<Metric> ms = new ArrayList<>(List.of(Metric.FIRST_RESPONSE, Metric.RESOLUTION));
        for (Tier t : Tier.values()) {
            ms.add(new Metric.TierOla(t));
        }
        ms.removeIf(m -> !policy.targets().containsKey(m));
        return ms;
    }

    private Optional<MetricStatus> measureOne(Metric m, Replay r, SlaPolicy policy) {
        List<long[]> intervals;
        boolean open;
        Long completedAt;
        switch (m) {
            case Metric.FirstResponse fr -> {
                open = r.firstResponse == null;
                intervals = List.of(new long[] {r.start, open ? r.asOf : r.firstResponse});
                completedAt = r.firstResponse;
            }
            case Metric.Resolution res -> {
                open = r.resolutionOpen;
                intervals = r.resolution;
                completedAt = open ? null : r.resolvedAt;
            }
            case Metric.TierOla ola -> {
                intervals = r.stints.getOrDefault(ola.tier(), List.of());
                if (intervals.isEmpty()) {
                    return Optional.empty();
                }
                open = r.openStint == ola.tier();
                completedAt = open ? null : intervals.getLast()[1];
            }
        }
        Priority priority = r.priority;
        Duration target = policy.target(m, priority).orElse(null);
        return Optional.of(status(m, priority, target, intervals, open, completedAt, r, policy.calendar()));
    }

    private static MetricStatus status(Metric m, Priority priority, Duration target, List<long[]> intervals,
                                       boolean open, Long completedAt, Replay r, BusinessCalendar cal) {
        List<long[]> active = new ArrayList<>();
        long pausedMs = 0;
        for (long[] iv : intervals) {
            pausedMs += subtract(iv, r.pauses, active, cal);
        }
        long elapsed = 0;
        long targetMs = target == null ? -1 : target.toMillis();
        Long dueAt = null;
        for (long[] a : active) {
            long b = cal.millisBetween(a[0], a[1]);
            if (targetMs >= 0 && dueAt == null && elapsed + b >= targetMs) {
                dueAt = cal.plusMillis(a[0], targetMs - elapsed);
            }
            elapsed += b;
        }
        boolean breached = targetMs >= 0 && elapsed > targetMs;
        if (targetMs >= 0 && dueAt == null) {
            long from = open ? r.asOf : intervals.getLast()[1];
            dueAt = cal.plusMillis(from, targetMs - elapsed);
        }
        MetricState state;
        if (!open) {
            state = MetricState.COMPLETED;
        } else if (r.inactive) {
            state = MetricState.NOT_ACTIVE;
        } else if (r.paused) {
            state = MetricState.PAUSED;
        } else {
            state = MetricState.RUNNING;
        }
        return new MetricStatus(m, priority, target, Instant.ofEpochMilli(intervals.getFirst()[0]),
                Duration.ofMillis(elapsed), Duration.ofMillis(pausedMs), dueAt == null ? null : Instant.ofEpochMilli(dueAt),
                target == null ? null : Duration.ofMillis(targetMs - elapsed), state, breached,
                breached ? Instant.ofEpochMilli(dueAt) : null, completedAt == null ? null : Instant.ofEpochMilli(completedAt));
    }

    /** Adds the parts of {@code iv} outside the pauses to {@code active}; returns business ms inside pauses. */
    private static long subtract(long[] iv, List<long[]> pauses, List<long[]> active, BusinessCalendar cal) {
        long cursor = iv[0];
        long pausedMs = 0;
        for (long[] p : pauses) {
            if (p[1] <= cursor || p[0] >= iv[1]) {
                continue;
            }
            long ps = Math.max(p[0], cursor);
            long pe = Math.min(p[1], iv[1]);
            if (ps > cursor) {
                active.add(new long[] {cursor, ps});
            }
            pausedMs += cal.millisBetween(ps, pe);
            cursor = Math.max(cursor, pe);
        }
        if (cursor < iv[1]) {
            active.add(new long[] {cursor, iv[1]});
        }
        return pausedMs;
    }

    /**
     * The instant to read a data set at when none is given: the latest instant among its tickets and events, so
     * that a historical export gives the same answer whenever it is read.
     *
     * @param tickets tickets
     * @param events  events by ticket
     * @return the latest instant, or now if there is none
     */
    public static Instant latestInstant(List<Ticket> tickets, Map<String, List<TicketEvent>> events) {
        Instant max = Instant.EPOCH;
        for (Ticket t : tickets) {
            if (t.createdAt().isAfter(max)) {
                max = t.createdAt();
            }
        }
        for (List<TicketEvent> es : events.values()) {
            for (TicketEvent e : es) {
                if (e.at().isAfter(max)) {
                    max = e.at();
                }
            }
        }
        return max.equals(Instant.EPOCH) ? Instant.now() : max;
    }
}
