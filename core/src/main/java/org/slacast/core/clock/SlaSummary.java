package org.slacast.core.clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slacast.core.ticket.Priority;

/**
 * Breach rates per metric × priority and percentiles of elapsed business minutes per metric.
 *
 * @param asOf       the instant the clocks were read at
 * @param tickets    tickets measured
 * @param metrics    per metric label, its figures
 */
public record SlaSummary(String asOf, int tickets, Map<String, MetricSummary> metrics) {

    /**
     * Figures for one metric.
     *
     * @param measured       readings with a target
     * @param breached       of those, breached
     * @param breachRate     breached / measured
     * @param p50Minutes     median elapsed business minutes
     * @param p90Minutes     90th percentile
     * @param p95Minutes     95th percentile
     * @param byPriority     per priority label: measured, breached, breach rate
     */
    public record MetricSummary(long measured, long breached, double breachRate, double p50Minutes,
                                double p90Minutes, double p95Minutes, Map<String, Rate> byPriority) {
    }

    /**
     * @param measured readings with a target
     * @param breached of those, breached
     * @param rate     breached / measured
     */
    public record Rate(long measured, long breached, double rate) {
    }

    /**
     * @param outcome a run of the clock over a data set
     * @return the summary of its readings
     */
    public static SlaSummary of(SlaRun.Outcome outcome) {
        return of(outcome.results(), outcome.asOf().toString());
    }

    /**
     * @param results clock readings
     * @param asOf    the as-of instant, for the record
     * @return the summary
     */
    public static SlaSummary of(List<TicketSla> results, String asOf) {
        Map<String, List<MetricStatus>> byMetric = new TreeMap<>();
        for (TicketSla t : results) {
            for (MetricStatus m : t.metrics()) {
                byMetric.computeIfAbsent(m.metric().label(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, MetricSummary> out = new LinkedHashMap<>();
        byMetric.forEach((label, ms) -> out.put(label, summarise(ms)));
        return new SlaSummary(asOf, results.size(), out);
    }

    private static MetricSummary summarise(List<MetricStatus> ms) {
        long[][] counts = new long[Priority.values().length][2];
        double[] elapsed = new double[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            MetricStatus m = ms.get(i);
            elapsed[i] = m.elapsedMinutes();
            if (m.target() != null) {
                counts[m.priority().ordinal()][0]++;
                counts[m.priority().ordinal()][1] += m.breached() ? 1 : 0;
            }
        }
        Arrays.sort(elapsed);
        Map<String, Rate> byPriority = new LinkedHashMap<>();
        long measured = 0;
        long breached = 0;
        for (Priority p : Priority.values()) {
            long[] c = counts[p.ordinal()];
            if (c[0] > 0) {
                byPriority.put(p.label(), new Rate(c[0], c[1], round(c[1] / (double) c[0])));
                measured += c[0];
                breached += c[1];
            }
        }
        return new MetricSummary(measured, breached, measured == 0 ? 0 : round(breached / (double) measured),
                percentile(elapsed, 50), percentile(elapsed, 90), percentile(elapsed, 95), byPriority);
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
