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
import org.slacast.core.policy.MetricRules;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventOrder;
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
    private static final Comparator<StintReading> BY_ENTRY = Comparator.comparing(StintReading::entered)
            .thenComparing(StintReading::tier);

    /** Creates a clock. */
    public SlaClock() {
        // stateless
    }

    /**
     * @param ticket the ticket
     * @param events its events, in any order, duplicates allowed (exact duplicates are dropped); they are applied
     *               in {@link EventOrder}, so the order they come in never matters
     * @param policy the policy to apply
     * @param asOf   the instant to read at; later events are ignored
     * @return every metric the policy sets a target for (OLA metrics only for tiers the ticket entered), and the
     *         stints of those OLA metrics
     */
    public TicketSla measure(Ticket ticket, List<TicketEvent> events, SlaPolicy policy, Instant asOf) {
        return measure(ticket, events, policy, asOf, false);
    }

    /**
     * As {@link #measure(Ticket, List, SlaPolicy, Instant)}, for events known to hold no exact duplicates (a
     * {@link org.slacast.core.stream.TicketGroup}'s): the set that would drop them is skipped.
     */
    TicketSla measure(Ticket ticket, List<TicketEvent> events, SlaPolicy policy, Instant asOf, boolean distinct) {
        long asOfMs = asOf.toEpochMilli();
        if (asOf.isBefore(ticket.createdAt())) {
            return new TicketSla(ticket, policy, asOf, null, List.of());
        }
        List<TicketEvent> ordered = new ArrayList<>(distinct ? events : new LinkedHashSet<>(events));
        ordered.removeIf(e -> e.at().toEpochMilli() > asOfMs || !e.ticketId().equals(ticket.id()));
        ordered.sort(EventOrder.ORDER);
        Replay r = Replay.of(ticket, ordered, policy, asOfMs);
        List<MetricStatus> out = new ArrayList<>();
        List<StintReading> stints = new ArrayList<>();
        for (Metric m : metricsOf(policy)) {
            measureOne(m, r, policy, stints).ifPresent(out::add);
        }
        stints.sort(BY_ENTRY);
        return new TicketSla(ticket, policy, asOf, r.status, out, stints);
    }

    private static List<Metric> metricsOf(SlaPolicy policy) {
        List<Metric> ms = new ArrayList<>(Metric.ALL);
        ms.removeIf(m -> !policy.targets().containsKey(m));
        return ms;
    }

    private Optional<MetricStatus> measureOne(Metric m, Replay r, SlaPolicy policy, List<StintReading> stints) {
        MetricRun run = switch (m) {
            case Metric.FirstResponse fr -> r.firstResponse;
            case Metric.Resolution res -> r.resolution;
            case Metric.TierOla ola -> r.ola(ola.tier());
        };
        if (run.intervals.isEmpty()) {
            return Optional.empty(); // an OLA of a tier the ticket never entered
        }
        MetricRules rules = policy.rules(m);
        Priority priority = r.priority;
        Duration target = policy.target(m, priority).orElse(null);
        MetricState state = run.open() ? r.openState(rules) : MetricState.COMPLETED;
        Active active = Active.of(run.intervals, r.pauses(rules), policy.calendar());
        if (m instanceof Metric.TierOla ola) {
            stints.addAll(active.stints(ola.tier(), priority, target, run.open(), state));
        }
        return Optional.of(status(m, priority, target, run, state, active, r.asOf, policy.calendar()));
    }

    private static MetricStatus status(Metric m, Priority priority, Duration target, MetricRun run, MetricState state,
                                       Active active, long asOf, BusinessCalendar cal) {
        long elapsed = 0;
        long targetMs = target == null ? -1 : target.toMillis();
        Long dueAt = null;
        for (int i = 0; i < active.pieces.size(); i++) {
            long b = active.business[i];
            if (targetMs >= 0 && dueAt == null && elapsed + b >= targetMs) {
                dueAt = cal.plusMillis(active.pieces.get(i)[0], targetMs - elapsed);
            }
            elapsed += b;
        }
        boolean breached = targetMs >= 0 && elapsed > targetMs;
        if (targetMs >= 0 && dueAt == null) {
            long from = run.open() ? asOf : run.intervals.getLast()[1];
            dueAt = cal.plusMillis(from, targetMs - elapsed);
        }
        Long completedAt = run.completedAt();
        return new MetricStatus(m, priority, target, Instant.ofEpochMilli(run.intervals.getFirst()[0]),
                Duration.ofMillis(elapsed), Duration.ofMillis(active.pausedTotal()),
                dueAt == null ? null : Instant.ofEpochMilli(dueAt),
                target == null ? null : Duration.ofMillis(targetMs - elapsed), state, breached,
                breached ? Instant.ofEpochMilli(dueAt) : null, completedAt == null ? null : Instant.ofEpochMilli(completedAt));
    }

    /**
     * A metric's running intervals with its pauses taken out: the active pieces in time order with the business
     * time of each, and for each interval its first piece and its paused business time.
     */
    private record Active(List<long[]> intervals, List<long[]> pieces, long[] business, int[] firstPiece,
                          long[] paused) {

        static Active of(List<long[]> intervals, List<long[]> pauses, BusinessCalendar cal) {
            List<long[]> pieces = new ArrayList<>();
            int[] first = new int[intervals.size() + 1];
            long[] paused = new long[intervals.size()];
            for (int i = 0; i < intervals.size(); i++) {
                first[i] = pieces.size();
                paused[i] = subtract(intervals.get(i), pauses, pieces, cal);
            }
            first[intervals.size()] = pieces.size();
            long[] business = new long[pieces.size()];
            for (int i = 0; i < business.length; i++) {
                business[i] = cal.millisBetween(pieces.get(i)[0], pieces.get(i)[1]);
            }
            return new Active(intervals, pieces, business, first, paused);
        }

        long pausedTotal() {
            long sum = 0;
            for (long p : paused) {
                sum += p;
            }
            return sum;
        }

        long elapsed(int interval) {
            long sum = 0;
            for (int i = firstPiece[interval]; i < firstPiece[interval + 1]; i++) {
                sum += business[i];
            }
            return sum;
        }

        /** Each interval as a stint; only the last can be open, and it then has the metric's state. */
        List<StintReading> stints(Tier tier, Priority priority, Duration target, boolean open, MetricState state) {
            List<StintReading> out = new ArrayList<>(intervals.size());
            for (int i = 0; i < intervals.size(); i++) {
                boolean running = open && i == intervals.size() - 1;
                long elapsed = elapsed(i);
                out.add(new StintReading(tier, i + 1, priority, Instant.ofEpochMilli(intervals.get(i)[0]),
                        running ? null : Instant.ofEpochMilli(intervals.get(i)[1]), Duration.ofMillis(elapsed),
                        Duration.ofMillis(paused[i]), target, target != null && elapsed > target.toMillis(),
                        running ? state : MetricState.COMPLETED));
            }
            return out;
        }
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
        return orNow(max);
    }

    /**
     * @param max the latest instant in a data set, or the epoch if it has none
     * @return that instant, or now for a data set with none
     */
    static Instant orNow(Instant max) {
        return max.equals(Instant.EPOCH) ? Instant.now() : max;
    }
}
