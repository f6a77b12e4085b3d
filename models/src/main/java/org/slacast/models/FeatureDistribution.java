package org.slacast.models;

import java.util.Arrays;

/**
 * One feature's training distribution as decile bins, kept in the bundle so that serving can measure drift with
 * the population stability index (PSI; Yurdakul, "Statistical properties of population stability index", 2018).
 *
 * @param feature     the feature
 * @param edges       upper bin edges, increasing; the last bin is open-ended
 * @param proportions the share of training rows in each bin (edges.length + 1 bins)
 */
public record FeatureDistribution(String feature, double[] edges, double[] proportions) {

    /**
     * @param feature the feature
     * @param values  its training values
     * @return decile bins, merged where values repeat
     */
    public static FeatureDistribution of(String feature, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] edges = java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToDouble(k -> sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, k * sorted.length / 10)])
                .distinct().toArray();
        return new FeatureDistribution(feature, edges, shares(edges, values));
    }

    /**
     * @param values values seen since
     * @return PSI = sum (a - e) ln(a / e) over bins, with empty bins smoothed to 1e-4
     */
    public double psi(double[] values) {
        double[] actual = shares(edges, values);
        double psi = 0;
        for (int i = 0; i < actual.length; i++) {
            double a = Math.max(actual[i], 1e-4);
            double e = Math.max(proportions[i], 1e-4);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    private static double[] shares(double[] edges, double[] values) {
        double[] counts = new double[edges.length + 1];
        for (double v : values) {
            int i = Arrays.binarySearch(edges, v);
            counts[i >= 0 ? i : -i - 1]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = values.length == 0 ? 0 : counts[i] / values.length;
        }
        return counts;
    }
}
