package org.slacast.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Threshold-free metrics of probabilistic predictions of a binary outcome.
 *
 * @param n         predictions
 * @param positives breaches among them
 * @param rocAuc    area under the ROC curve, by the Mann-Whitney rank statistic with ties averaged (Hanley and
 *                  McNeil, Radiology 143, 1982)
 * @param prAuc     area under the precision-recall curve as average precision (Davis and Goadrich, ICML 2006)
 * @param brier     mean squared error of the probabilities (Brier, Monthly Weather Review 78, 1950)
 * @param logLoss   mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param ece       expected calibration error over ten equal-width bins (Naeini et al., AAAI 2015)
 * @param liftTop10 breach rate among the 10% highest scores over the overall breach rate
 */
public record BinaryMetrics(int n, int positives, double rocAuc, double prAuc, double brier, double logLoss,
                            double ece, double liftTop10) {

    /**
     * @param p probabilities
     * @param y labels, 0 or 1
     * @return the metrics; AUCs are NaN when only one class is present
     */
    public static BinaryMetrics of(double[] p, int[] y) {
        int n = p.length;
        int pos = Arrays.stream(y).sum();
        Integer[] order = sortedDescending(p);
        double brier = 0;
        double ll = 0;
        for (int i = 0; i < n; i++) {
            brier += (p[i] - y[i]) * (p[i] - y[i]);
            double q = Math.clamp(p[i], 1e-15, 1 - 1e-15);
            ll -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        int top = Math.max(1, n / 10);
        int topPos = 0;
        for (int i = 0; i < top && i < n; i++) {
            topPos += y[order[i]];
        }
        double base = n == 0 ? 0 : pos / (double) n;
        return new BinaryMetrics(n, pos, rocAuc(p, y, pos), averagePrecision(p, y, order, pos),
                n == 0 ? Double.NaN : brier / n, n == 0 ? Double.NaN : ll / n, ece(p, y),
                base == 0 ? Double.NaN : (topPos / (double) top) / base);
    }

    /** @return the metrics by name, as stored in bundles */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("roc_auc", rocAuc);
        m.put("pr_auc", prAuc);
        m.put("brier", brier);
        m.put("log_loss", logLoss);
        m.put("ece", ece);
        m.put("lift_top10", liftTop10);
        m.put("breach_rate", n == 0 ? Double.NaN : positives / (double) n);
        m.put("n", (double) n);
        return m;
    }

    static double rocAuc(double[] p, int[] y, int pos) {
        int n = p.length;
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        Integer[] asc = sortedDescending(p);
        java.util.Collections.reverse(Arrays.asList(asc));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[asc[j + 1]] == p[asc[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[asc[k]] == 1) {
                    rankSum += avgRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static double averagePrecision(double[] p, int[] y, Integer[] order, int pos) {
        if (pos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int i = 0;
        int n = p.length;
        while (i < n) {
            int j = i;
            int groupPos = 0;
            while (j < n && p[order[j]] == p[order[i]]) {
                groupPos += y[order[j]];
                j++;
            }
            tp += groupPos;
            ap += groupPos / (double) pos * (tp / (double) j);
            i = j;
        }
        return ap;
    }

    private static double ece(double[] p, int[] y) {
        List<CalibrationBin> bins = calibration(p, y, 10);
        double e = 0;
        for (CalibrationBin b : bins) {
            e += b.count() / (double) p.length * Math.abs(b.meanPredicted() - b.observedRate());
        }
        return p.length == 0 ? Double.NaN : e;
    }

    /**
     * One bin of a reliability diagram.
     *
     * @param meanPredicted mean predicted probability in the bin
     * @param observedRate  share of breaches in the bin
     * @param count         predictions in the bin
     */
    public record CalibrationBin(double meanPredicted, double observedRate, int count) {
    }

    /**
     * @param p    probabilities
     * @param y    labels
     * @param bins equal-width bins over [0, 1]
     * @return the non-empty bins, lowest first
     */
    public static List<CalibrationBin> calibration(double[] p, int[] y, int bins) {
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            sumP[b] += p[i];
            sumY[b] += y[i];
            count[b]++;
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new CalibrationBin(sumP[b] / count[b], sumY[b] / count[b], count[b]));
            }
        }
        return out;
    }

    /**
     * Points of the ROC curve (false positive rate, true positive rate), at most about 200.
     *
     * @param p probabilities
     * @param y labels
     * @return {fpr[], tpr[]}
     */
    public static double[][] rocCurve(double[] p, int[] y) {
        return curve(p, y, true);
    }

    /**
     * Points of the precision-recall curve, at most about 200.
     *
     * @param p probabilities
     * @param y labels
     * @return {recall[], precision[]}
     */
    public static double[][] prCurve(double[] p, int[] y) {
        return curve(p, y, false);
    }

    private static double[][] curve(double[] p, int[] y, boolean roc) {
        Integer[] order = sortedDescending(p);
        int pos = Arrays.stream(y).sum();
        int neg = p.length - pos;
        int step = Math.max(1, p.length / 200);
        List<double[]> pts = new ArrayList<>();
        pts.add(roc ? new double[] {0, 0} : new double[] {0, 1});
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (y[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if ((i + 1) % step == 0 || i == order.length - 1) {
                pts.add(roc ? new double[] {neg == 0 ? 0 : fp / (double) neg, pos == 0 ? 0 : tp / (double) pos}
                        : new double[] {pos == 0 ? 0 : tp / (double) pos, tp / (double) (tp + fp)});
            }
        }
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    static Integer[] sortedDescending(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        return order;
    }
}
