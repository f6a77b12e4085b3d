package org.slacast.training.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slacast.core.policy.Metric;
import org.slacast.training.desk.DeskAnalysis;
import org.slacast.training.desk.Scenario;
import org.slacast.training.desk.SegmentTests;
import org.slacast.training.desk.StageDecomposition;

/** The desk analysis's tables in the report: stages, segment differences that hold, proposals. */
final class DeskTables {
    private DeskTables() {
    }

    /** Every group's total p95 and the stage driving its slowest 5%. */
    static List<List<String>> drivers(StageDecomposition d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("tier", "category", "tickets", "p95 minutes", "driver of the slowest 5%", "its share"));
        for (StageDecomposition.Group g : d.groups()) {
            double share = g.stages().stream().filter(s -> s.status().equals(g.driver())).findFirst()
                    .map(StageDecomposition.Stage::tailShare).orElse(0.0);
            rows.add(List.of(g.tier(), g.category(), String.valueOf(g.tickets()), f0(g.p95()),
                    g.driver() == null ? "-" : g.driver(), pct(share)));
        }
        return rows;
    }

    /** The whole desk's stages. */
    static List<List<String>> stages(StageDecomposition d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("status", "pauses the clock", "tickets in it", "p50", "p90", "p95", "share", "share of the "
                + "slowest 5%"));
        for (StageDecomposition.Stage s : d.groups().getFirst().stages()) {
            rows.add(List.of(s.status(), s.paused() ? "yes" : "", String.valueOf(s.visits()), f0(s.p50()),
                    f0(s.p90()), f0(s.p95()), pct(s.share()), pct(s.tailShare())));
        }
        return rows;
    }

    static List<List<String>> segments(SegmentTests t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("dimension", "segment", "tickets", "breach rate", "95% interval", "test", "adjusted p"));
        t.holding().forEach((dim, segs) -> segs.forEach(s -> rows.add(List.of(dim, s.name(),
                String.valueOf(s.tickets()), pct(s.rate()), pct(s.low()) + " to " + pct(s.high()), s.test(),
                SegmentTests.format(s.adjusted())))));
        return rows;
    }

    static String segmentsText(SegmentTests t) {
        List<String> none = t.dimensions().stream().filter(d -> !d.holds()).map(SegmentTests.Dimension::name)
                .toList();
        return "Breach rates compared across hour of day, shift, team, priority, contract and customer tenure: a "
                + "chi-square test "
                + "per dimension, and each segment against the rest by Fisher's exact test (small counts) or "
                + "chi-square, Holm-adjusted; only differences with adjusted p below 0.05 are listed."
                + (none.isEmpty() ? "" : " No real difference by " + String.join(", ", none) + ".");
    }

    static List<List<String>> proposals(DeskAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("change", "eligible", "first-response breaches avoided", "resolution breaches avoided",
                "hours saved", "p95 resolution minutes"));
        for (Scenario s : a.proposals()) {
            rows.add(List.of(s.change(), String.valueOf(s.eligible()), avoided(s.total(Metric.FIRST_RESPONSE)),
                    avoided(s.total(Metric.RESOLUTION)), f0(s.hoursSaved()), f0(s.p95Before()) + " to "
                            + f0(s.p95After())));
        }
        return rows;
    }

    /** Rolling-origin cross-validation: each model's mean and interval per measure. */
    static List<List<String>> cv(org.slacast.training.pipeline.RollingOrigin cv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(org.slacast.training.pipeline.RollingOrigin.MEASURES);
        rows.add(header);
        java.util.Map<String, List<String>> byModel = new java.util.LinkedHashMap<>();
        for (var s : cv.summary()) {
            byModel.computeIfAbsent(s.model(), k -> new ArrayList<>(List.of(k))).add(s.text());
        }
        rows.addAll(byModel.values());
        return rows;
    }

    private static String avoided(Scenario.Row r) {
        return r.avoided() + " of " + r.breachedBefore();
    }

    static String staffingText(DeskAnalysis a) {
        var p = a.staffing();
        if (p == null) {
            return "No resolved ticket shows a handle time, so no staffing plan.";
        }
        String base = String.format(Locale.ROOT, "Agents Erlang C requires in L1 for 80%% of tickets answered within "
                + "an hour, from arrivals over %.1f weeks and a handle time of %.1f business minutes (the median time "
                + "in_progress of tickets resolved in L1).", p.weeks(), p.handleMinutes());
        if (p.rostered() == null) {
            return base + " With agents.csv beside the tickets, or 'slacast staffing --roster FILE', they are set "
                    + "beside the roster.";
        }
        String gap = p.shifts().stream().filter(s -> s.gapHours() > 0)
                .max(java.util.Comparator.comparingDouble(org.slacast.training.desk.StaffingPlan.ShiftLoss::gapHours))
                .map(s -> String.format(Locale.ROOT, " The shift gap: %s is %.0f agent-hours a week short; its "
                        + "arrivals lose %.0f to breaches.", s.shift(), s.gapHours(), s.penalty()))
                .orElse(" No shift is short of what Erlang C requires.");
        return base + " The heatmap shows the roster's L1 agents on duty minus those required (negative: short)."
                + gap;
    }

    /** @return on duty minus required with a roster, else required, per weekday and hour */
    static double[][] staffing(DeskAnalysis a) {
        var p = a.staffing();
        double[][] v = new double[7][24];
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                v[d][h] = p.rostered() == null ? p.required()[d][h] : p.rostered()[d][h] - p.required()[d][h];
            }
        }
        return v;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
