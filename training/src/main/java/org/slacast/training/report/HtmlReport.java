package org.slacast.training.report;

import java.util.ArrayList;
import java.util.List;
import org.slacast.training.eval.DecisionAnalysis;
import org.slacast.training.eval.Evaluation;

/** Renders a report as one HTML page with inline CSS and SVG charts; it needs no network and no scripts. */
final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:1em 0;font-size:.9em}
            td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
            td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}
            .charts{display:flex;flex-wrap:wrap;gap:1em}.charts>div{flex:0 0 auto}
            .note{color:#555;font-size:.9em}
            """;

    private HtmlReport() {
    }

    static String render(Report r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        b.append("<title>").append(esc(r.title())).append("</title><style>").append(CSS).append("</style></head><body>");
        b.append("<h1>").append(esc(r.title())).append("</h1><p>").append(esc(ReportFiles.summary(r))).append("</p>");
        b.append("<p class=\"note\">Written ").append(r.createdAt()).append(". Data fingerprint ")
                .append(esc(r.data().sha256())).append(". Libraries ").append(esc(String.valueOf(r.data().libraries())))
                .append(".</p>");
        b.append("<h2>Champion, challenger and baselines on the test slice</h2>").append(table(ReportFiles.comparison(r)));
        if (r.cv() != null) {
            b.append("<h2>Rolling-origin cross-validation</h2><p>").append(r.cv().folds().stream()
                    .mapToInt(org.slacast.training.pipeline.RollingOrigin.Fold::fold).max().orElse(0))
                    .append(" folds: each tests on one block of the later half of the tickets and trains on everything "
                    + "before it. Mean over folds with a Student-t 95% interval.</p>").append(table(DeskTables.cv(r.cv())));
        }
        b.append("<h2>Labels</h2><p>").append(esc(MomentTables.labelText(r))).append("</p>");
        if (!r.labels().agreement().isEmpty()) {
            b.append(table(MomentTables.agreement(r)));
        }
        if (!r.facts().attributes().isEmpty()) {
            b.append("<h2>Open attributes</h2><p>").append(esc(AttributeAudit.text(r.facts().attributes())))
                    .append("</p>").append(table(AttributeAudit.rows(r.facts().attributes())));
        }
        b.append("<h2>Every model at every checkpoint</h2><p>").append(esc(MomentTables.choiceText(r))).append("</p>")
                .append(table(MomentTables.moments(r)));
        List<Evaluation> all = new ArrayList<>();
        r.models().forEach(m -> all.add(m.test()));
        all.addAll(r.baselines());
        b.append("<div class=\"charts\"><div>").append(Charts.roc(all)).append("</div><div>").append(Charts.pr(all))
                .append("</div><div>").append(Charts.calibration(r.models().stream().map(Report.ModelSection::test)
                        .toList())).append("</div></div>");
        if (!r.models().isEmpty()) {
            Report.ModelSection best = r.models().getFirst();
            b.append("<h2>Decision threshold and cost: ").append(esc(best.id())).append("</h2>");
            b.append("<p>The threshold minimises validation cost: missed breaches' penalties plus interventions, "
                    + "decided once per ticket at creation. Confusion matrix on the test slice, every checkpoint:</p>");
            b.append(table(ReportFiles.confusion(best.test())));
            b.append("<div class=\"charts\"><div>").append(best.test().cost().curve().isEmpty()
                            ? "<p>The threshold was chosen when the model was trained; no cost curve on this data.</p>"
                            : Charts.cost(best.test())).append("</div><div>")
                    .append(Charts.importance("Global feature importance (" + best.kind() + ")", best.importance()))
                    .append("</div></div>");
            b.append("<h2>By segment: ").append(esc(best.id())).append("</h2>")
                    .append(table(ReportFiles.segments(best.test())));
        }
        decisions(b, r);
        if (r.desk() != null) {
            desk(b, r.desk());
        }
        b.append("<h2>Where breaches happen</h2>").append("<p>Breach rate by priority and the highest tier a ticket "
                + "reached:</p>").append(table(ReportFiles.priorityTier(r.facts())));
        b.append("<div class=\"charts\"><div>").append(Charts.heatmap(r.facts().byHourWeekday())).append("</div><div>")
                .append(Charts.pareto(r.facts().systems())).append("</div></div>");
        b.append("<h2>Time to resolve</h2><p>Resolution business minutes: p50 ").append(ReportFiles.f1(r.facts().p50()))
                .append(", p90 ").append(ReportFiles.f1(r.facts().p90())).append(", p95 ")
                .append(ReportFiles.f1(r.facts().p95())).append(".</p>");
        b.append("<div class=\"charts\"><div>").append(Charts.bars("MTTR by resolving team", "business minutes",
                        ReportFiles.top(r.facts().mttrByTeam(), 20))).append("</div><div>")
                .append(Charts.bars("MTTR by system", "business minutes", ReportFiles.top(r.facts().mttrBySystem(), 20)))
                .append("</div></div>");
        return b.append("</body></html>\n").toString();
    }

    /** The "Decisions and scenarios" section: savings with intervals, thresholds, capacity, checkpoints. */
    private static void decisions(StringBuilder b, Report r) {
        b.append("<h2>Decisions and scenarios</h2><p>Every model and baseline acts on a ticket at creation exactly "
                + "when p &times; penalty &times; effectiveness exceeds the intervention's cost; intervals are "
                + "seeded bootstrap 95% intervals over test tickets.</p>").append(table(DecisionTables.savings(r)));
        DecisionAnalysis d = r.decisions();
        if (d == null) {
            return;
        }
        b.append("<p>").append(esc(DecisionTables.versusPriority(d))).append("</p>");
        b.append("<h3>Implied thresholds</h3>").append(table(DecisionTables.thresholds(d)));
        b.append("<h3>Per month</h3>").append(table(DecisionTables.months(r)));
        b.append("<h3>Capacity: ").append(esc(d.model())).append("</h3><p>")
                .append(esc(DecisionTables.capacityText(d))).append("</p><div class=\"charts\"><div>")
                .append(Charts.capacity(d.capacity())).append("</div></div>");
        b.append("<h3>Deciding over a ticket's life: ").append(esc(d.model())).append("</h3>")
                .append(table(DecisionTables.checkpoints(d, r.checkpoints())));
    }

    /** Where the time goes, which differences hold, staffing and the stages worth shortening first. */
    private static void desk(StringBuilder b, org.slacast.training.desk.DeskAnalysis a) {
        for (var d : a.stages()) {
            b.append("<h3>Where the time goes until ").append(esc(d.metric().replace('_', ' '))).append("</h3><p>")
                    .append("Business minutes spent in each status over the latest ").append(a.tickets())
                    .append(" tickets (tier is the highest reached):</p>").append(table(DeskTables.stages(d)))
                    .append(table(DeskTables.drivers(d)));
        }
        b.append("<h3>Segment differences that hold</h3><p>").append(esc(DeskTables.segmentsText(a.segments())))
                .append("</p>").append(table(DeskTables.segments(a.segments())));
        b.append("<h3>Staffing</h3><p>").append(esc(DeskTables.staffingText(a))).append("</p>");
        if (a.staffing() != null) {
            boolean gap = a.staffing().rostered() != null;
            b.append("<div class=\"charts\"><div>").append(Charts.weekHours(gap ? "L1 agents on duty minus required "
                    + "(Erlang C)" : "Agents required (Erlang C) by weekday and hour", gap ? "gap" : "agents",
                    DeskTables.staffing(a))).append("</div></div>");
        }
        b.append("<h3>Scenarios: stages worth shortening first</h3><p>Each stage the clocks run in, made 20% "
                + "faster, every ticket's clock recomputed ('slacast scenario' runs any change):</p>")
                .append(table(DeskTables.proposals(a)));
    }

    private static String table(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table>");
        for (int i = 0; i < rows.size(); i++) {
            b.append("<tr>");
            for (String c : rows.get(i)) {
                b.append(i == 0 ? "<th>" : "<td>").append(esc(c)).append(i == 0 ? "</th>" : "</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
