package org.slacast.core.clock;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Priority;

/**
 * Breach rates per metric × priority, percentiles of elapsed business minutes per metric, and breach rates per
 * tier visit (stint) for the OLA metrics. Every rate comes with its split into completed readings, whose breach
 * rate compares with published historical rates, and open ones.
 *
 * @param asOf          the instant the clocks were read at
 * @param tickets       tickets measured
 * @param metrics       per metric label, its figures over ticket readings (for an OLA: one per ticket × tier)
 * @param stints        per OLA metric label, its figures over tier visits, one reading per stint
 * @param clampedEvents events dated before their ticket's creation that were moved to it
 */
public record SlaSummary(String asOf, int tickets, Map<String, MetricSummary> metrics,
                         Map<String, StintSummary> stints, int clampedEvents) {

    /**
     * Figures for one metric.
     *
     * @param measured       readings with a target
     * @param breached       of those, breached
     * @param breachRate     breached / measured, over every reading, open or not
     * @param p50Minutes     median elapsed business minutes
     * @param p90Minutes     90th percentile
     * @param p95Minutes     95th percentile
     * @param byPriority     per priority label, its rates
     * @param overall        the rates over every priority, with the completed and open split
     */
    public record MetricSummary(long measured, long breached, double breachRate, double p50Minutes,
                                double p90Minutes, double p95Minutes, Map<String, Rate> byPriority, Rate overall) {
    }

    /**
     * Figures for the stints of one OLA metric.
     *
     * @param overall    the rates over every priority
     * @param byPriority per priority label, its rates
     */
    public record StintSummary(Rate overall, Map<String, Rate> byPriority) {
    }

    /**
     * Rates over readings with a target. Shares are of {@code measured}; the rest of it is not active.
     *
     * @param measured             readings with a target
     * @param breached             of those, breached
     * @param rate                 breached / measured, open readings included
     * @param completed            readings whose clock stopped for good
     * @param completedBreached    of those, breached
     * @param completedRate        completedBreached / completed: the rate to compare with a historical one
     * @param running              readings still open (running or paused)
     * @param runningShare         running / measured
     * @param runningBreached      open readings already past their target
     * @param runningBreachedShare runningBreached / measured
     * @param notActive            readings stopped by an inactive status (neither completed nor open)
     */
    public record Rate(long measured, long breached, double rate, long completed, long completedBreached,
                       double completedRate, long running, double runningShare, long runningBreached,
                       double runningBreachedShare, long notActive) {
    }

    /**
     * @param outcome a run of the clock over a data set
     * @return the summary of its readings
     */
    public static SlaSummary of(SlaRun.Outcome outcome) {
        SlaSummary s = of(outcome.results(), outcome.asOf().toString());
        return new SlaSummary(s.asOf, s.tickets, s.metrics, s.stints, outcome.clampedEvents());
    }

    /**
     * @param results clock readings
     * @param asOf    the as-of instant, for the record
     * @return the summary
     */
    public static SlaSummary of(List<TicketSla> results, String asOf) {
        Tallies t = new Tallies();
        results.forEach(t::add);
        return t.summary(asOf, 0);
    }

    /**
     * The figures of a summary gathered one ticket at a time, so that a streamed run keeps a number per reading
     * (for the percentiles) instead of every reading.
     */
    public static final class Tallies {
        private final Map<String, MetricTally> byMetric = new TreeMap<>();
        private final Map<String, Tally[]> stints = new TreeMap<>();
        private int tickets;

        /** Creates empty tallies. */
        public Tallies() {
            // filled by add
        }

        /** @param t one ticket's readings */
        public void add(TicketSla t) {
            tickets++;
            for (MetricStatus m : t.metrics()) {
                byMetric.computeIfAbsent(m.metric().label(), k -> new MetricTally()).add(m);
            }
            for (StintReading s : t.stints()) {
                if (s.target() != null) {
                    Tally[] ts = stints.computeIfAbsent(new Metric.TierOla(s.tier()).label(), k -> Tally.perPriority());
                    ts[s.priority().ordinal()].add(s.state(), s.breached());
                }
            }
        }

        /**
         * @param asOf          the as-of instant, for the record
         * @param clampedEvents events moved to their ticket's creation
         * @return the summary of every ticket added
         */
        public SlaSummary summary(String asOf, int clampedEvents) {
            Map<String, MetricSummary> out = new LinkedHashMap<>();
            byMetric.forEach((label, m) -> out.put(label, m.summary()));
            Map<String, StintSummary> stintOut = new LinkedHashMap<>();
            stints.forEach((label, ts) -> stintOut.put(label, new StintSummary(Tally.sum(ts).rate(), byPriority(ts))));
            return new SlaSummary(asOf, tickets, out, stintOut, clampedEvents);
        }
    }

    /** One metric's elapsed minutes (every reading) and tallies (readings with a target). */
    private static final class MetricTally {
        private final Tally[] tallies = Tally.perPriority();
        private double[] elapsed = new double[1024];
        private int n;

        void add(MetricStatus m) {
            if (n == elapsed.length) {
                elapsed = Arrays.copyOf(elapsed, n * 2);
            }
            elapsed[n++] = m.elapsedMinutes();
            if (m.target() != null) {
                tallies[m.priority().ordinal()].add(m.state(), m.breached());
            }
        }

        MetricSummary summary() {
            double[] sorted = Arrays.copyOf(elapsed, n);
            Arrays.sort(sorted);
            Rate all = Tally.sum(tallies).rate();
            return new MetricSummary(all.measured(), all.breached(), all.rate(), percentile(sorted, 50),
                    percentile(sorted, 90), percentile(sorted, 95), byPriority(tallies), all);
        }
    }

    private static Map<String, Rate> byPriority(Tally[] tallies) {
        Map<String, Rate> out = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            Tally t = tallies[p.ordinal()];
            if (t.measured > 0) {
                out.put(p.label(), t.rate());
            }
        }
        return out;
    }

    /** Counts of readings by how they stand. */
    private static final class Tally {
        long measured;
        long breached;
        long completed;
        long completedBreached;
        long running;
        long runningBreached;

        static Tally[] perPriority() {
            Tally[] ts = new Tally[Priority.values().length];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = new Tally();
            }
            return ts;
        }

        static Tally sum(Tally[] ts) {
            Tally s = new Tally();
            for (Tally t : ts) {
                s.measured += t.measured;
                s.breached += t.breached;
                s.completed += t.completed;
                s.completedBreached += t.completedBreached;
                s.running += t.running;
                s.runningBreached += t.runningBreached;
            }
            return s;
        }

        void add(MetricState state, boolean isBreached) {
            int b = isBreached ? 1 : 0;
            measured++;
            breached += b;
            switch (state) {
                case COMPLETED -> {
                    completed++;
                    completedBreached += b;
                }
                case RUNNING, PAUSED -> {
                    running++;
                    runningBreached += b;
                }
                case NOT_ACTIVE, NOT_STARTED -> {
                    // neither completed nor open: counted in measured only
                }
            }
        }

        Rate rate() {
            return new Rate(measured, breached, share(breached, measured), completed, completedBreached,
                    share(completedBreached, completed), running, share(running, measured), runningBreached,
                    share(runningBreached, measured), measured - completed - running);
        }

        private static double share(long part, long whole) {
            return whole == 0 ? 0 : round(part / (double) whole);
        }
    }

    /**
     * Nearest-rank percentile (the smallest value with at least p% of values at or below it).
     *
     * @param sorted ascending values
     * @param p      percent, 0-100
     * @return the percentile, 0 if empty
     */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
