package org.slacast.training.eval;

/**
 * The confusion matrix at a threshold, with the rates read from it.
 *
 * @param threshold the threshold: a probability at or above it flags a breach
 * @param tp        breaches flagged
 * @param fp        non-breaches flagged
 * @param tn        non-breaches not flagged
 * @param fn        breaches missed
 */
public record Confusion(double threshold, long tp, long fp, long tn, long fn) {

    /**
     * @param p         probabilities
     * @param y         labels
     * @param threshold the threshold
     * @return the matrix
     */
    public static Confusion of(double[] p, int[] y, double threshold) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean flag = p[i] >= threshold;
            if (y[i] == 1) {
                if (flag) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flag) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Confusion(threshold, tp, fp, tn, fn);
    }

    /** @return tp / (tp + fp), 0 when nothing is flagged */
    public double precision() {
        return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    }

    /** @return tp / (tp + fn), 0 when there are no breaches */
    public double recall() {
        return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    }

    /** @return the harmonic mean of precision and recall */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
