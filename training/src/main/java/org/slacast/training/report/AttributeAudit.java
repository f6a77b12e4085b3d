package org.slacast.training.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.OpenAttribute;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.data.TicketOutcome;

/**
 * What the data says about one open attribute, and whether it looks known only at the end. A value recorded at
 * the end (a final count of related interactions, a closing code, the path a case took) tells the model about
 * the outcome it is asked to predict; at scoring time it does not exist yet, so a model trained on it is good on
 * paper only. The sign checked is how much the value says about something only the end knows: the number of
 * events the ticket ends with. For a number that is Spearman's rank correlation; for a category, the share of
 * the event count's variance that the categories explain (the correlation ratio, adjusted for the number of
 * categories, Kelley 1935). Either at {@link #MAX_TIE} or more is flagged. A number whose ROC-AUC alone reaches
 * {@link #MAX_AUC} is flagged too: it nearly is the label.
 *
 * @param key        the attribute's key
 * @param feature    true when it is a feature; false when it is known only at the end
 * @param tickets    labelled tickets with a value
 * @param share      their share of the labelled tickets
 * @param distinct   distinct values among them
 * @param auc        numbers: ROC-AUC of the value alone against the label, NaN for categories
 * @param tie        how much the value says about the event count at the end (see above), NaN when too few
 * @param warning    why it may be known only at the end, or null
 */
public record AttributeAudit(String key, boolean feature, long tickets, double share, long distinct, double auc,
                             double tie, String warning) {
    /** A value whose tie to the event count at the end reaches this is flagged. */
    public static final double MAX_TIE = 0.5;
    /** A number whose ROC-AUC alone reaches this (or falls to 1 minus it) is flagged. */
    public static final double MAX_AUC = 0.9;
    /** Fewer labelled tickets with a value than this are too few to judge; rarer categories are pooled. */
    static final int MIN_TICKETS = 30;
    private static final int MIN_GROUP = 5;

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
            List<String> values = with.stream().map(o -> o.ticket().attributes().get(a.key())).toList();
            double[] events = with.stream().mapToDouble(o -> data.eventsOf(o.ticket().id()).size()).toArray();
            double auc = Double.NaN;
            double tie = Double.NaN;
            if (with.size() >= MIN_TICKETS) {
                if (a.number()) {
                    double[] x = values.stream().mapToDouble(Double::parseDouble).toArray();
                    auc = BinaryMetrics.of(x, with.stream().mapToInt(TicketOutcome::label).toArray()).rocAuc();
                    tie = spearman(x, events);
                } else {
                    tie = correlationRatio(values, events);
                }
            }
            out.add(new AttributeAudit(a.key(), !a.knownAtEnd(), with.size(),
                    labelled.isEmpty() ? 0 : with.size() / (double) labelled.size(), new HashSet<>(values).size(),
                    auc, tie, a.knownAtEnd() ? null : warning(a.number(), auc, tie)));
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
                "tie to the events at the end", "check"));
        for (AttributeAudit a : audits) {
            rows.add(List.of(a.key(), a.feature() ? "feature" : "known at end: not a feature",
                    String.format("%,d (%s)", a.tickets(), ReportFiles.pct(a.share())), String.format("%,d", a.distinct()),
                    Double.isNaN(a.auc()) ? "" : ReportFiles.f3(a.auc()), Double.isNaN(a.tie()) ? ""
                            : ReportFiles.f3(a.tie()), a.warning() == null ? "" : a.warning()));
        }
        return rows;
    }

    private static String warning(boolean number, double auc, double tie) {
        if (Math.abs(tie) >= MAX_TIE) {
            return String.format(number ? "its rank correlation with the number of events a ticket ends with is "
                    + "%.2f: a count that grows while a ticket is open looks like this" : "it explains %.0f%% of the "
                    + "variance of the number of events a ticket ends with: a closing code or a case's path looks "
                    + "like this", number ? tie : 100 * tie);
        }
        if (Math.max(auc, 1 - auc) >= MAX_AUC) {
            return String.format("alone it separates breaches with ROC-AUC %.2f, as if it were the outcome",
                    Math.max(auc, 1 - auc));
        }
        return null;
    }

    /**
     * The correlation ratio of y by category, adjusted for the number of categories: 1 − (1 − η²)(n − 1)/(n − k).
     * Categories with fewer than {@value #MIN_GROUP} tickets are pooled into one.
     */
    static double correlationRatio(List<String> categories, double[] y) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        categories.forEach(c -> counts.merge(c, 1, Integer::sum));
        java.util.Map<String, double[]> groups = new java.util.HashMap<>();
        double mean = Arrays.stream(y).average().orElse(0);
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            String g = counts.get(categories.get(i)) < MIN_GROUP ? "\0rare" : categories.get(i);
            double[] s = groups.computeIfAbsent(g, k -> new double[2]);
            s[0] += y[i];
            s[1]++;
            total += (y[i] - mean) * (y[i] - mean);
        }
        int n = y.length;
        int k = groups.size();
        if (total == 0 || k < 2 || n - k < 1) {
            return 0;
        }
        double between = 0;
        for (double[] s : groups.values()) {
            between += s[1] * (s[0] / s[1] - mean) * (s[0] / s[1] - mean);
        }
        double eta2 = between / total;
        return Math.max(0, 1 - (1 - eta2) * (n - 1) / (double) (n - k));
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
