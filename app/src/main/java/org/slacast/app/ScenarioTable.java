package org.slacast.app;

import com.opencsv.ICSVWriter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.slacast.core.policy.Metric;
import org.slacast.training.desk.Scenario;
import org.slacast.training.desk.StageDecomposition;

/** How {@code slacast scenario} prints and writes its tables. */
final class ScenarioTable {
    private ScenarioTable() {
    }

    static void stages(PrintWriter w, StageDecomposition d) {
        w.printf("%nWhere the time goes until %s (business minutes; * the clocks pause in it)%n",
                d.metric().replace('_', ' '));
        for (StageDecomposition.Group g : d.groups()) {
            boolean detail = g.category().equals(StageDecomposition.ALL);
            String driver = g.driver() == null ? "-" : g.driver() + " (" + ScenarioCommand.pct(tail(g)) + " of the "
                    + "slowest 5%'s minutes)";
            w.printf(Locale.ROOT, "%s%-4s %-22s %,7d tickets, p95 %8.0f; driver %s%n", detail ? "" : "  ", g.tier(),
                    g.category(), g.tickets(), g.p95(), driver);
            if (!detail) {
                continue;
            }
            w.printf("       %-22s %7s %8s %8s %8s %6s %6s%n", "status", "visits", "p50", "p90", "p95", "share",
                    "tail");
            for (StageDecomposition.Stage s : g.stages()) {
                w.printf(Locale.ROOT, "       %-22s %,7d %8.0f %8.0f %8.0f %6s %6s%n", s.status() + (s.paused() ? "*"
                        : ""), s.visits(), s.p50(), s.p90(), s.p95(), ScenarioCommand.pct(s.share()),
                        ScenarioCommand.pct(s.tailShare()));
            }
        }
    }

    private static double tail(StageDecomposition.Group g) {
        return g.stages().stream().filter(s -> s.status().equals(g.driver())).findFirst()
                .map(StageDecomposition.Stage::tailShare).orElse(0.0);
    }

    static void scenarios(PrintWriter w, List<Scenario> runs) {
        w.printf("  %-34s %9s %-22s %-22s %11s  %s%n", "change", "eligible", "first-response breaches",
                "resolution breaches", "hours saved", "p95 resolution (min)");
        for (Scenario s : runs) {
            w.printf(Locale.ROOT, "  %-34s %,9d %-22s %-22s %,11.0f  %.0f -> %.0f%n", s.change(), s.eligible(),
                    avoided(s.total(Metric.FIRST_RESPONSE)), avoided(s.total(Metric.RESOLUTION)), s.hoursSaved(),
                    s.p95Before(), s.p95After());
            StringBuilder b = new StringBuilder();
            for (Scenario.Row r : s.rows()) {
                if (r.metric().equals(Metric.RESOLUTION.label()) && !r.priority().equals("all") && r.avoided() != 0) {
                    b.append(b.isEmpty() ? "" : "; ").append(r.priority()).append(' ').append(r.avoided());
                }
            }
            if (!b.isEmpty()) {
                w.printf("      resolution breaches avoided by priority: %s%n", b);
            }
        }
    }

    private static String avoided(Scenario.Row r) {
        return String.format(Locale.ROOT, "%+d of %,d", r.avoided(), r.breachedBefore()).replace("+", "");
    }

    static void stagesCsv(ICSVWriter csv, List<StageDecomposition> all) {
        csv.writeNext(new String[] {"metric", "tier", "category", "tickets", "p95_minutes", "driver", "status",
            "paused", "visits", "p50", "p90", "p95", "share", "tail_share"}, false);
        for (StageDecomposition d : all) {
            for (StageDecomposition.Group g : d.groups()) {
                for (StageDecomposition.Stage s : g.stages()) {
                    csv.writeNext(new String[] {d.metric(), g.tier(), g.category(), str(g.tickets()),
                        num(g.p95()), g.driver(), s.status(), String.valueOf(s.paused()), str(s.visits()), num(s.p50()),
                        num(s.p90()), num(s.p95()), num(s.share()), num(s.tailShare())}, false);
                }
            }
        }
    }

    static void scenariosCsv(ICSVWriter csv, List<Scenario> runs, List<Scenario> proposals) {
        csv.writeNext(new String[] {"kind", "change", "eligible", "hours_saved", "p95_before", "p95_after", "metric",
            "priority", "tickets", "breached_before", "breached_after", "avoided"}, false);
        for (List<Scenario> list : List.of(runs, proposals)) {
            for (Scenario s : list) {
                for (Scenario.Row r : s.rows()) {
                    csv.writeNext(new String[] {list == runs ? "change" : "proposal", s.change(), str(s.eligible()),
                        num(s.hoursSaved()), num(s.p95Before()), num(s.p95After()), r.metric(), r.priority(),
                        str(r.tickets()), str(r.breachedBefore()), str(r.breachedAfter()), str(r.avoided())}, false);
                }
            }
        }
    }

    private static String str(long v) {
        return String.valueOf(v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
