package org.slacast.training.report;

import java.util.ArrayList;
import java.util.List;
import org.slacast.training.eval.CapacityRanking;
import org.slacast.training.eval.CheckpointDecisions;
import org.slacast.training.eval.DecisionAnalysis;
import org.slacast.training.eval.DecisionSavings;
import org.slacast.training.eval.Evaluation;
import org.slacast.training.eval.ImpliedThreshold;

/** The rows of the report's "Decisions" section, shared by the HTML and Markdown renderings. */
final class DecisionTables {
    private DecisionTables() {
    }

    /** Every model and baseline under the one expected-value rule. */
    static List<List<String>> savings(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "tickets", "interventions", "spend", "net savings", "95% interval", "ROI",
                "ROI 95% interval"));
        List<Evaluation> all = new ArrayList<>();
        r.models().forEach(m -> all.add(m.test()));
        all.addAll(r.baselines());
        for (Evaluation e : all) {
            DecisionSavings s = e.savings();
            rows.add(List.of(e.name(), String.valueOf(s.tickets()), String.valueOf(s.interventions()), money(s.spend()),
                    money(s.netSavings()), money(s.savingsLow()) + " .. " + money(s.savingsHigh()),
                    ReportFiles.f2(s.roi()), ReportFiles.f2(s.roiLow()) + " .. " + ReportFiles.f2(s.roiHigh())));
        }
        return rows;
    }

    /** The best model's and the baselines' net savings per month. */
    static List<List<String>> months(Report r) {
        List<Evaluation> all = new ArrayList<>();
        if (!r.models().isEmpty()) {
            all.add(r.models().getFirst().test());
        }
        all.addAll(r.baselines());
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("month", "tickets"));
        all.forEach(e -> head.add(e.name() + ": acted / net"));
        rows.add(head);
        if (all.isEmpty()) {
            return rows;
        }
        List<DecisionSavings.Month> first = all.getFirst().savings().months();
        for (int m = 0; m < first.size(); m++) {
            List<String> row = new ArrayList<>(List.of(first.get(m).month().toString(),
                    String.valueOf(first.get(m).tickets())));
            for (Evaluation e : all) {
                DecisionSavings.Month x = e.savings().months().get(m);
                row.add(x.interventions() + " / " + money(x.netSavings()));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> thresholds(DecisionAnalysis d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("priority", "contract", "penalty", "effectiveness at creation", "act above p"));
        for (ImpliedThreshold t : d.thresholds()) {
            rows.add(List.of(t.priority().label(), t.contract() == null ? "any" : t.contract(), money(t.penalty()),
                    ReportFiles.f2(t.effectiveness()), t.label()));
        }
        return rows;
    }

    static List<List<String>> checkpoints(DecisionAnalysis d, List<Double> fractions) {
        CheckpointDecisions c = d.checkpoints();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("decide", "interventions", "net savings"));
        for (CheckpointDecisions.Policy p : c.byIndex()) {
            String at = p.checkpoint() < fractions.size()
                    ? "at " + Math.round(100 * fractions.get(p.checkpoint())) + "% of the target" : "#" + p.checkpoint();
            rows.add(List.of(at + (p.checkpoint() == c.best() ? " (best)" : ""), String.valueOf(p.interventions()),
                    money(p.netSavings())));
        }
        rows.add(List.of("at the first checkpoint where acting pays", String.valueOf(c.firstAlarm().interventions()),
                money(c.firstAlarm().netSavings())));
        return rows;
    }

    static String capacityText(DecisionAnalysis d) {
        CapacityRanking c = d.capacity();
        String s = String.format("Without a cap the rule acts %,d times for %s net.", c.uncapped().interventions(),
                money(c.uncapped().netSavings()));
        if (c.capped() != null) {
            s += String.format(" With at most %s, ranked by expected saving: %,d interventions, %s net.",
                    c.capacity(), c.capped().interventions(), money(c.capped().netSavings()));
        }
        return s + " The ranking sees each window whole, so a live desk's capped figure is at most this.";
    }

    static String versusPriority(DecisionAnalysis d) {
        if (d.versusPriority() == null) {
            return "";
        }
        double[] v = d.versusPriority();
        return String.format("%s saves %s more than the priority baseline under the same rule (paired bootstrap 95%% "
                + "interval %s .. %s)%s.", d.model(), money(v[0]), money(v[1]), money(v[2]),
                v[1] > 0 ? "" : v[2] < 0 ? "; the baseline does better" : "; the difference may be noise");
    }

    static String money(double v) {
        return String.format("%,.0f", v);
    }
}
