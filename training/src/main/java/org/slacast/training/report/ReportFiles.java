package org.slacast.training.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.models.ModelBundle;
import org.slacast.training.eval.Evaluation;
import org.slacast.training.eval.Segment;

/**
 * Writes a report as {@code report.html} (self-contained: inline CSS and SVG, no scripts, readable offline),
 * {@code report.md} and {@code report.json}.
 */
public final class ReportFiles {
    /** The HTML file's name. */
    public static final String HTML = "report.html";
    /** The Markdown file's name. */
    public static final String MARKDOWN = "report.md";
    /** The JSON file's name. */
    public static final String JSON = "report.json";

    private ReportFiles() {
    }

    /**
     * @param r   the report
     * @param dir the directory to write into
     * @throws IOException if a file cannot be written
     */
    public static void write(Report r, Path dir) throws IOException {
        write(r, List.of(dir));
    }

    /**
     * Renders the report once and writes the same files into each directory: {@code train} puts one beside every
     * bundle it made, and rendering the charts is most of the report's time.
     *
     * @param r    the report
     * @param dirs the directories to write into
     * @throws IOException if a file cannot be written
     */
    public static void write(Report r, List<Path> dirs) throws IOException {
        byte[] json = ModelBundle.json().writeValueAsBytes(r);
        String md = markdown(r);
        String html = html(r);
        for (Path dir : dirs) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(JSON), json);
            Files.writeString(dir.resolve(MARKDOWN), md);
            Files.writeString(dir.resolve(HTML), html);
        }
    }

    /** Rows shared by both renderings: name, then the headline figures. */
    static List<List<String>> comparison(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "role", "ROC-AUC", "ROC-AUC at creation", "PR-AUC", "Brier", "log loss", "ECE",
                "lift top 10%", "threshold", "precision", "recall", "F1", "interventions", "spend", "net savings",
                "95% interval", "ROI", "ROI 95% interval"));
        for (Report.ModelSection m : r.models()) {
            String role = m.id().equals(r.champion()) ? "champion" : m.id().equals(r.challenger()) ? "challenger" : "";
            rows.add(row(m.id(), role, m.test()));
        }
        for (Evaluation b : r.baselines()) {
            rows.add(row(b.name(), "baseline", b));
        }
        return rows;
    }

    private static List<String> row(String name, String role, Evaluation e) {
        return List.of(name, role, f4(e.overall().rocAuc()), f4(e.atCreation().rocAuc()), f4(e.overall().prAuc()),
                f4(e.overall().brier()), f4(e.overall().logLoss()), f4(e.overall().ece()), f2(e.overall().liftTop10()),
                f2(e.confusion().threshold()), f3(e.confusion().precision()), f3(e.confusion().recall()),
                f3(e.confusion().f1()), String.valueOf(e.savings().interventions()),
                String.format("%,.0f", e.savings().spend()), String.format("%,.0f", e.savings().netSavings()),
                String.format("%,.0f .. %,.0f", e.savings().savingsLow(), e.savings().savingsHigh()),
                f2(e.savings().roi()), f2(e.savings().roiLow()) + " .. " + f2(e.savings().roiHigh()));
    }

    static List<List<String>> segments(Evaluation e) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("dimension", "segment", "examples", "breach rate", "ROC-AUC", "Brier", "precision", "recall"));
        for (Segment s : e.segments()) {
            rows.add(List.of(s.dimension(), s.value(), String.valueOf(s.metrics().n()),
                    pct(s.metrics().positives() / (double) Math.max(1, s.metrics().n())), f4(s.metrics().rocAuc()),
                    f4(s.metrics().brier()), f3(s.confusion().precision()), f3(s.confusion().recall())));
        }
        return rows;
    }

    static List<List<String>> priorityTier(DeskFacts f) {
        List<String> tiers = List.of("L1", "L2", "L3");
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("priority"));
        head.addAll(tiers);
        rows.add(head);
        f.byPriorityTier().forEach((p, byTier) -> {
            List<String> row = new ArrayList<>(List.of(p));
            for (String t : tiers) {
                DeskFacts.Rate rate = byTier.get(t);
                row.add(rate == null ? "-" : pct(rate.rate()) + " of " + rate.total());
            }
            rows.add(row);
        });
        return rows;
    }

    static List<List<String>> confusion(Evaluation e) {
        var c = e.confusion();
        return List.of(List.of("", "predicted breach", "predicted no breach"),
                List.of("breached", String.valueOf(c.tp()), String.valueOf(c.fn())),
                List.of("met", String.valueOf(c.fp()), String.valueOf(c.tn())));
    }

    static Map<String, Double> top(Map<String, Double> m, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), Math.round(e.getValue() * 10) / 10.0));
        return out;
    }

    static String markdown(Report r) {
        StringBuilder b = new StringBuilder("# ").append(r.title()).append("\n\n");
        b.append(summary(r)).append("\n\n## Models against baselines (test slice)\n\n").append(mdTable(comparison(r)));
        b.append("\n## Labels\n\n").append(MomentTables.labelText(r)).append("\n\n");
        if (!r.labels().agreement().isEmpty()) {
            b.append(mdTable(MomentTables.agreement(r)));
        }
        if (!r.facts().attributes().isEmpty()) {
            b.append("\n## Open attributes\n\n").append(AttributeAudit.text(r.facts().attributes())).append("\n\n")
                    .append(mdTable(AttributeAudit.rows(r.facts().attributes())));
        }
        b.append("\n## Every model at every checkpoint\n\n").append(MomentTables.choiceText(r)).append("\n\n")
                .append(mdTable(MomentTables.moments(r)));
        if (!r.models().isEmpty()) {
            Report.ModelSection best = r.models().getFirst();
            b.append("\n## Confusion matrix: ").append(best.id()).append("\n\n").append(mdTable(confusion(best.test())));
            b.append("\n## By segment: ").append(best.id()).append("\n\n").append(mdTable(segments(best.test())));
            b.append("\n## Feature importance: ").append(best.id()).append("\n\n");
            best.importance().forEach(i -> b.append("- ").append(i.feature()).append(": ").append(pct(i.value()))
                    .append('\n'));
        }
        b.append("\n## Decisions and scenarios\n\n").append(mdTable(DecisionTables.savings(r)));
        if (r.decisions() != null) {
            var d = r.decisions();
            b.append('\n').append(DecisionTables.versusPriority(d)).append("\n\n### Implied thresholds\n\n")
                    .append(mdTable(DecisionTables.thresholds(d))).append("\n### Per month\n\n")
                    .append(mdTable(DecisionTables.months(r))).append("\n### Capacity\n\n")
                    .append(DecisionTables.capacityText(d)).append("\n\n### Deciding over a ticket's life\n\n")
                    .append(mdTable(DecisionTables.checkpoints(d, r.checkpoints())));
        }
        if (r.cv() != null) {
            b.append("\n## Rolling-origin cross-validation\n\n").append(mdTable(DeskTables.cv(r.cv())));
        }
        var a = r.desk();
        if (a != null) {
            for (var d : a.stages()) {
                b.append("\n### Where the time goes until ").append(d.metric().replace('_', ' ')).append("\n\n")
                        .append(mdTable(DeskTables.stages(d))).append('\n').append(mdTable(DeskTables.drivers(d)));
            }
            b.append("\n### Segment differences that hold\n\n").append(DeskTables.segmentsText(a.segments()))
                    .append("\n\n").append(mdTable(DeskTables.segments(a.segments())));
            b.append("\n### Staffing\n\n").append(DeskTables.staffingText(a)).append('\n');
            b.append("\n### Scenarios: stages worth shortening first\n\n").append(mdTable(DeskTables.proposals(a)));
        }
        b.append("\n## Breach rate by priority and highest tier\n\n").append(mdTable(priorityTier(r.facts())));
        b.append("\n## Resolution time\n\np50 ").append(f1(r.facts().p50())).append(", p90 ")
                .append(f1(r.facts().p90())).append(", p95 ").append(f1(r.facts().p95()))
                .append(" business minutes.\n\nMTTR by team (business minutes): ").append(r.facts().mttrByTeam())
                .append("\n\nMTTR by system: ").append(top(r.facts().mttrBySystem(), 20)).append('\n');
        return b.toString();
    }

    static String summary(Report r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Data: %s, %,d tickets with a known outcome (%s .. %s), %s breached. ",
                r.data().source(), r.data().tickets(), r.data().from(), r.data().to(), pct(r.facts().breachRate())));
        s.append(String.format("Trained on tickets created before %s, validated until %s, tested on the rest. ",
                r.split().trainEnd(), r.split().validEnd()));
        if (!r.models().isEmpty()) {
            Report.ModelSection best = r.models().getFirst();
            Evaluation e = best.test();
            s.append(String.format("The best model, %s, ranks breaches with ROC-AUC %.3f against %.3f for the "
                            + "priority baseline; acting where the expected saving is positive, it would save %,.0f "
                            + "net (95%% interval %,.0f .. %,.0f; ROI %.2f) on the test tickets.", best.id(),
                    e.overall().rocAuc(),
                    r.baselines().isEmpty() ? Double.NaN : r.baselines().getFirst().overall().rocAuc(),
                    e.savings().netSavings(), e.savings().savingsLow(), e.savings().savingsHigh(), e.savings().roi()));
        }
        return s.toString();
    }

    static String mdTable(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            b.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                b.append("|").append("---|".repeat(rows.get(i).size())).append('\n');
            }
        }
        return b.toString();
    }

    static String html(Report r) {
        return HtmlReport.render(r);
    }

    static String f4(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }

    static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.3f", v);
    }

    static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.2f", v);
    }

    static String f1(double v) {
        return String.format("%.1f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.1f%%", 100 * v);
    }
}
