package org.slacast.training.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.OpenAttribute;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.data.TicketOutcome;

/**
 * What the data says about one open attribute, and whether it looks known only at the end. A value recorded at
 * the end (a final count of related interactions, a closing code) tells the model about the outcome it is asked
 * to predict; at scoring time it does not exist yet, so a model trained on it is good on paper only. Two signs
 * are checked for numbers: a rank correlation with the time to resolve of at least {@link #MAX_RHO} (counts that
 * grow while a ticket stays open), and a single-attribute ROC-AUC beyond {@link #MAX_AUC} (a value that nearly
 * is the label).
 *
 * @param key        the attribute's key
 * @param feature    true when it is a feature; false when it is known only at the end
 * @param tickets    labelled tickets with a value
 * @param share      their share of the labelled tickets
 * @param distinct   distinct values among them
 * @param auc        numbers: ROC-AUC of the value alone against the label, NaN for categories
 * @param rho        numbers: Spearman's rank correlation with business minutes to resolve, NaN for categories
 * @param warning    why it may be known only at the end, or null
 */
public record AttributeAudit(String key, boolean feature, long tickets, double share, long distinct, double auc,
                             double rho, String warning) {
    /** A number whose rank correlation with the time to resolve reaches this is flagged. */
    public static final double MAX_RHO = 0.5;
    /** A number whose ROC-AUC alone reaches this (or falls to 1 minus it) is flagged. */
    public static final double MAX_AUC = 0.9;
    /** Fewer labelled tickets with a value than this are too few to judge. */
    static final int MIN_TICKETS = 30;

    /**
     * @param data     the tickets
     * @param outcomes their outcomes
     * @return one audit per open attribute, in key order
     */
    public static List<AttributeAudit> of(TicketData data, List<TicketOutcome> outcomes) {
        List<TicketOutcome> labelled = outcomes.stream().filter(o -> o.label() >= 0).toList();
        List<AttributeAudit> out = new ArrayList<>();
        for (OpenAttribute a : data.attributes()) {
            List<TicketOutcome> with = labelled.stream().filter(o -> o.ticket().attributes().containsKey(a.key()))
                    .toList();
            Set<String> values = new HashSet<>();
            with.forEach(o -> values.add(o.ticket().attributes().get(a.key())));
            double auc = Double.NaN;
            double rho = Double.NaN;
            if (a.number() && with.size() >= MIN_TICKETS) {
                double[] x = with.stream().mapToDouble(o -> Double.parseDouble(o.ticket().attributes().get(a.key())))
                        .toArray();
                auc = BinaryMetrics.of(x, with.stream().mapToInt(TicketOutcome::label).toArray()).rocAuc();
                List<TicketOutcome> resolved = with.stream().filter(o -> o.resolvedAt() != null).toList();
                if (resolved.size() >= MIN_TICKETS) {
                    rho = spearman(resolved.stream().mapToDouble(o -> Double.parseDouble(o.ticket().attributes()
                            .get(a.key()))).toArray(), resolved.stream().mapToDouble(TicketOutcome::businessMin)
                            .toArray());
                }
            }
            out.add(new AttributeAudit(a.key(), !a.knownAtEnd(), with.size(),
                    labelled.isEmpty() ? 0 : with.size() / (double) labelled.size(), values.size(), auc, rho,
                    a.knownAtEnd() ? null : warning(auc, rho)));
        }
        return out;
    }

    /**
     * @param audits the audits
     * @return a sentence on what is used and what is flagged
     */
    static String text(List<AttributeAudit> audits) {
        long used = audits.stream().filter(AttributeAudit::feature).count();
        long flagged = audits.stream().filter(a -> a.warning() != null).count();
        return String.format("%d open attributes: %d used as features, %d known only at the end and kept out of "
                + "them. %s", audits.size(), used, audits.size() - used, flagged == 0
                ? "None looks known only at the end."
                : flagged + " may be known only at the end: check how the export records it, and if the value is "
                        + "the final one, mark it known_at: end in the mapping (docs/import.md).");
    }

    /**
     * @param audits the audits
     * @return a table: key, use, coverage, distinct values, AUC, rho, warning
     */
    static List<List<String>> rows(List<AttributeAudit> audits) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("attribute", "use", "tickets with a value", "distinct values", "ROC-AUC alone",
                "rho with time to resolve", "check"));
        for (AttributeAudit a : audits) {
            rows.add(List.of(a.key(), a.feature() ? "feature" : "known at end: not a feature",
                    String.format("%,d (%s)", a.tickets(), ReportFiles.pct(a.share())), String.format("%,d", a.distinct()),
                    Double.isNaN(a.auc()) ? "" : ReportFiles.f3(a.auc()), Double.isNaN(a.rho()) ? ""
                            : ReportFiles.f3(a.rho()), a.warning() == null ? "" : a.warning()));
        }
        return rows;
    }

    private static String warning(double auc, double rho) {
        if (Math.abs(rho) >= MAX_RHO) {
            return String.format("its rank correlation with the time to resolve is %.2f: a count that grows while "
                    + "a ticket is open looks like this", rho);
        }
        if (Math.max(auc, 1 - auc) >= MAX_AUC) {
            return String.format("alone it separates breaches with ROC-AUC %.2f, as if it were the outcome",
                    Math.max(auc, 1 - auc));
        }
        return null;
    }

    /** Spearman's rho: Pearson's correlation of the ranks, ties averaged. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }
}
