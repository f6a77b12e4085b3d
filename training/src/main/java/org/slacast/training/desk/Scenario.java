package org.slacast.training.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventOrder;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * What one change would have done to a real desk: every ticket's clock recomputed under it, against the desk as
 * it was, read at the same instant. No simulator is involved, so the figures are the data's own.
 *
 * @param change     the change, as written on the command line
 * @param eligible   tickets the change concerns
 * @param rows       per metric and priority (and "all"), breaches before and after
 * @param hoursSaved business hours taken off the resolution clocks of tickets resolved before and after
 * @param p95Before  the 95th percentile of the business minutes to resolution of tickets resolved before
 * @param p95After   the same of tickets resolved under the change
 */
public record Scenario(String change, long eligible, List<Row> rows, double hoursSaved, double p95Before,
                       double p95After) {
    /** The metrics compared. */
    public static final List<Metric> METRICS = List.of(Metric.FIRST_RESPONSE, Metric.RESOLUTION);

    /**
     * @param metric         the metric
     * @param priority       the priority whose target applied, or "all"
     * @param tickets        tickets with a target for the metric
     * @param breachedBefore breaches as the desk was
     * @param breachedAfter  breaches under the change
     */
    public record Row(String metric, String priority, long tickets, long breachedBefore, long breachedAfter) {
        /** @return breaches avoided; negative when the change causes breaches */
        public long avoided() {
            return breachedBefore - breachedAfter;
        }
    }

    /** @param metric a metric; @return its row over every priority */
    public Row total(Metric metric) {
        return rows.stream().filter(r -> r.metric().equals(metric.label()) && r.priority().equals("all"))
                .findFirst().orElse(new Row(metric.label(), "all", 0, 0, 0));
    }

    /** A desk read once as it was, to run changes against. */
    public static final class Desk {
        private final SlaClock clock = new SlaClock();
        private final List<Ticket> tickets;
        private final List<List<TicketEvent>> events = new ArrayList<>();
        private final List<SlaPolicy> policies = new ArrayList<>();
        private final List<TicketSla> before = new ArrayList<>();
        private final java.time.Instant asOf;
        private final PolicySet policySet;
        private final List<SlaPolicy> distinct;
        private final Map<String, Boolean> paused = new java.util.concurrent.ConcurrentHashMap<>();

        /**
         * @param data     the desk's tickets and events
         * @param policySet the policies
         */
        public Desk(TicketData data, PolicySet policySet) {
            this.tickets = data.tickets();
            this.policySet = policySet;
            this.asOf = SlaClock.latestInstant(data.tickets(), data.events());
            for (Ticket t : tickets) {
                List<TicketEvent> ev = new ArrayList<>(data.eventsOf(t.id()));
                ev.sort(EventOrder.ORDER);
                SlaPolicy p = policySet.select(t);
                events.add(ev);
                policies.add(p);
                before.add(clock.measure(t, ev, p, asOf));
            }
            Map<SlaPolicy, Boolean> seen = new IdentityHashMap<>();
            policies.forEach(p -> seen.put(p, true));
            this.distinct = List.copyOf(seen.keySet());
        }

        /**
         * @param metric a metric
         * @return each ticket whose outcome on it is known (stopped, or breached already), with whether it breached
         */
        public List<SegmentTests.Case> cases(Metric metric) {
            List<SegmentTests.Case> out = new ArrayList<>();
            for (int i = 0; i < tickets.size(); i++) {
                MetricStatus m = before.get(i).metric(metric).orElse(null);
                if (m != null && m.target() != null && (m.completed() || m.breached())) {
                    out.add(new SegmentTests.Case(tickets.get(i), m.breached()));
                }
            }
            return out;
        }

        /** @param t one of the desk's tickets; @return the zone of its policy's calendar */
        public java.time.ZoneId zone(Ticket t) {
            return policySet.select(t).calendar().zone();
        }

        /** @return the instant every clock is read at: the desk's latest */
        public java.time.Instant asOf() {
            return asOf;
        }

        /** @return each ticket's stage times, as the desk was */
        public List<StageTimes> stages() {
            List<StageTimes> out = new ArrayList<>(tickets.size());
            for (int i = 0; i < tickets.size(); i++) {
                out.add(StageTimes.of(tickets.get(i), events.get(i), policies.get(i)));
            }
            return out;
        }

        /** @param status a status; @return whether any ticket's policy pauses the clocks in it */
        public boolean paused(String status) {
            return paused.computeIfAbsent(status, st -> distinct.stream().anyMatch(p -> p.pauses(st)
                    || p.inactive(st)));
        }

        /**
         * @param change the change
         * @return the desk under it, against the desk as it was
         */
        public Scenario run(HistoryChange change) {
            Map<SlaPolicy, SlaPolicy> changed = new IdentityHashMap<>();
            Map<List<String>, long[]> counts = new LinkedHashMap<>();
            long eligible = 0;
            double saved = 0;
            List<Double> was = new ArrayList<>();
            List<Double> now = new ArrayList<>();
            for (int i = 0; i < tickets.size(); i++) {
                Ticket t = tickets.get(i);
                SlaPolicy p = policies.get(i);
                List<TicketEvent> ev = events.get(i);
                SlaPolicy q = changed.computeIfAbsent(p, change::apply);
                List<TicketEvent> moved = change.apply(t, ev, p);
                boolean touched = change.touches(t, ev, p);
                eligible += touched ? 1 : 0;
                TicketSla b = before.get(i);
                TicketSla a = touched ? clock.measure(t, moved, q, asOf) : b;
                for (Metric m : METRICS) {
                    MetricStatus x = b.metric(m).orElse(null);
                    MetricStatus y = a.metric(m).orElse(null);
                    if (x == null || y == null || x.target() == null) {
                        continue;
                    }
                    count(counts, m.label(), x.priority().label(), x.breached(), y.breached());
                    count(counts, m.label(), "all", x.breached(), y.breached());
                    if (m != Metric.RESOLUTION) {
                        continue;
                    }
                    if (x.completed()) {
                        was.add(x.elapsedMinutes());
                    }
                    if (y.completed()) {
                        now.add(y.elapsedMinutes());
                    }
                    if (x.completed() && y.completed()) {
                        saved += (x.elapsedMinutes() - y.elapsedMinutes()) / 60;
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            counts.forEach((k, c) -> rows.add(new Row(k.get(0), k.get(1), c[0], c[1], c[2])));
            rows.sort(Comparator.comparing(Row::metric).thenComparing(r -> !r.priority().equals("all"))
                    .thenComparing(Row::priority));
            return new Scenario(change.label(), eligible, rows, saved, p95(was), p95(now));
        }

        /**
         * The stages worth shortening first: each status the clocks run in, made faster by {@code share}, ranked by
         * breaches avoided (first response and resolution together), then hours saved.
         *
         * @param share the share of each stage's time taken away
         * @param top   how many to keep
         * @return the best changes' scenarios, best first
         */
        public List<Scenario> proposals(double share, int top) {
            TreeSet<String> statuses = new TreeSet<>();
            statuses.add(StageTimes.FIRST_STATUS);
            for (int i = 0; i < tickets.size(); i++) {
                var res = policies.get(i).rules(Metric.RESOLUTION);
                for (TicketEvent e : events.get(i)) {
                    String s = StageTimes.statusAfter(e, res);
                    if (s != null && !res.stopsOn(e.type())) {
                        statuses.add(s);
                    }
                }
            }
            statuses.removeIf(this::paused);
            List<Scenario> out = new ArrayList<>();
            for (String s : statuses) {
                out.add(run(new HistoryChange.Faster(s, share)));
            }
            out.sort(Comparator.comparingLong((Scenario s) -> s.total(Metric.RESOLUTION).avoided()
                    + s.total(Metric.FIRST_RESPONSE).avoided()).reversed()
                    .thenComparing(Comparator.comparingDouble(Scenario::hoursSaved).reversed())
                    .thenComparing(Scenario::change));
            return out.subList(0, Math.min(top, out.size()));
        }

        private static void count(Map<List<String>, long[]> counts, String metric, String priority, boolean was,
                                  boolean now) {
            long[] c = counts.computeIfAbsent(List.of(metric, priority), k -> new long[3]);
            c[0]++;
            c[1] += was ? 1 : 0;
            c[2] += now ? 1 : 0;
        }

        private static double p95(List<Double> minutes) {
            return SlaSummary.percentile(minutes.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 95);
        }
    }
}
