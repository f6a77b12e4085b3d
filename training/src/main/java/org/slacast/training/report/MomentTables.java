package org.slacast.training.report;

import java.util.ArrayList;
import java.util.List;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.label.Agreement;
import org.slacast.training.pipeline.MomentMetrics;

/**
 * The report's tables for the labels (their source and how often the clock agrees with given outcomes) and for
 * every model at every checkpoint, with the moment the models were compared on marked.
 */
final class MomentTables {
    private MomentTables() {
    }

    /** @return the sentence on labels: source, fallback rule, agreement */
    static String labelText(Report r) {
        Report.Labels l = r.labels();
        StringBuilder s = new StringBuilder("Labels: ").append(l.source()).append('.');
        if (l.mode().equals("given")) {
            s.append(String.format(" A ticket with a given outcome is labelled by it, whatever the SLA clock says; "
                    + "the %,d labelled tickets without one fall back to the clock's label. Checkpoints still follow "
                    + "the clock (a ticket is not scored after its clock breached or stopped).", l.fallback()));
        }
        if (l.rejects() > 0) {
            s.append(String.format(" %,d rows of outcomes.csv were rejected.", l.rejects()));
        }
        if (l.note() != null) {
            s.append(' ').append(l.note()).append('.');
        }
        return s.toString();
    }

    /** @return per priority: given tickets, given and clock breaches, and how often the clock agrees */
    static List<List<String>> agreement(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("priority", "given outcomes", "given breached", "clock has a reading", "clock breached",
                "clock agrees"));
        for (Agreement a : r.labels().agreement()) {
            rows.add(List.of(a.priority(), String.format("%,d", a.given()), String.format("%,d", a.givenBreached()),
                    String.format("%,d", a.compared()), String.format("%,d", a.clockBreached()),
                    ReportFiles.pct(a.rate()) + " (" + String.format("%,d", a.agree()) + ")"));
        }
        return rows;
    }

    /** @return the sentence on how the champion was chosen */
    static String choiceText(Report r) {
        String s = "Models are compared on validation ROC-AUC at checkpoints '" + r.chosenAt() + "'";
        if (r.models().isEmpty()) {
            return s + ".";
        }
        s += "; first there: " + r.models().getFirst().id() + ".";
        if (r.bestOverAll() != null) {
            s += r.bestOverAll().equals(r.models().getFirst().id()) ? " Over all checkpoints it is first too."
                    : " Over all checkpoints " + r.bestOverAll() + " would be first.";
        }
        return s;
    }

    /** @return every model at every moment: validation and test ROC-AUC, test Brier; the compared moment marked */
    static List<List<String>> moments(Report r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "checkpoint", "examples (test)", "validation ROC-AUC", "test ROC-AUC", "test Brier"));
        for (Report.ModelSection m : r.models()) {
            for (MomentMetrics mm : m.moments()) {
                BinaryMetrics v = mm.validation();
                rows.add(List.of(m.id(), mm.moment() + (mm.chosen() ? " (compared)" : ""),
                        String.format("%,d", mm.test().n()), v == null ? "-" : ReportFiles.f4(v.rocAuc()),
                        ReportFiles.f4(mm.test().rocAuc()), ReportFiles.f4(mm.test().brier())));
            }
        }
        return rows;
    }
}
