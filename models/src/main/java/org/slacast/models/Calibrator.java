package org.slacast.models;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a model's score to a calibrated probability. {@link #choose} fits Platt scaling and isotonic regression on
 * the validation slice and keeps whichever predicts held-out validation rows best.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({@JsonSubTypes.Type(value = Calibrator.Identity.class, name = "identity"),
    @JsonSubTypes.Type(value = Calibrator.Platt.class, name = "platt"),
    @JsonSubTypes.Type(value = Calibrator.Isotonic.class, name = "isotonic")})
public sealed interface Calibrator {
    /** Scores are clipped away from 0 and 1 before taking log-odds. */
    double EPS = 1e-6;

    /**
     * @param score a model score in [0, 1]
     * @return the calibrated probability
     */
    double apply(double score);

    /** @return the method's name */
    String name();

    /** Leaves scores as they are. */
    record Identity() implements Calibrator {
        @Override
        public double apply(double score) {
            return Math.clamp(score, 0, 1);
        }

        @Override
        public String name() {
            return "identity";
        }
    }

    /**
     * Platt scaling (Platt, "Probabilistic outputs for support vector machines", 1999) on the score's log-odds:
     * p = 1 / (1 + exp(-(a * logit(score) + b))).
     *
     * @param a slope
     * @param b intercept
     */
    record Platt(double a, double b) implements Calibrator {
        @Override
        public double apply(double score) {
            return 1 / (1 + Math.exp(-(a * logit(score) + b)));
        }

        @Override
        public String name() {
            return "platt";
        }

        /**
         * Fits by Newton's method on the log loss, with Platt's smoothed targets.
         *
         * @param scores model scores
         * @param labels 0/1 labels
         * @return the fitted calibrator
         */
        static Platt fit(double[] scores, int[] labels) {
            int pos = Arrays.stream(labels).sum();
            int neg = labels.length - pos;
            double hi = (pos + 1.0) / (pos + 2.0);
            double lo = 1.0 / (neg + 2.0);
            double a = 1;
            double b = 0;
            for (int iter = 0; iter < 50; iter++) {
                double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
                for (int i = 0; i < scores.length; i++) {
                    double f = logit(scores[i]);
                    double p = 1 / (1 + Math.exp(-(a * f + b)));
                    double t = labels[i] == 1 ? hi : lo;
                    double d = p - t;
                    double w = p * (1 - p);
                    ga += d * f;
                    gb += d;
                    haa += w * f * f;
                    hab += w * f;
                    hbb += w;
                }
                double det = haa * hbb - hab * hab;
                if (Math.abs(det) < 1e-12) {
                    break;
                }
                double da = (hbb * ga - hab * gb) / det;
                double db = (haa * gb - hab * ga) / det;
                a -= da;
                b -= db;
                if (Math.abs(da) + Math.abs(db) < 1e-9) {
                    break;
                }
            }
            return new Platt(a, b);
        }
    }

    /**
     * Isotonic regression by pool-adjacent-violators (Zadrozny and Elkan, KDD 2002): a non-decreasing step
     * function, interpolated linearly between block centres.
     *
     * @param x block score centres, increasing
     * @param y block probabilities, non-decreasing
     */
    record Isotonic(double[] x, double[] y) implements Calibrator {
        @Override
        public double apply(double score) {
            if (x.length == 0) {
                return Math.clamp(score, 0, 1);
            }
            int i = Arrays.binarySearch(x, score);
            if (i >= 0) {
                return y[i];
            }
            int hi = -i - 1;
            if (hi == 0) {
                return y[0];
            }
            if (hi == x.length) {
                return y[x.length - 1];
            }
            double t = (score - x[hi - 1]) / (x[hi] - x[hi - 1]);
            return y[hi - 1] + t * (y[hi] - y[hi - 1]);
        }

        @Override
        public String name() {
            return "isotonic";
        }

        static Isotonic fit(double[] scores, int[] labels) {
            Integer[] order = new Integer[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
            List<double[]> blocks = new ArrayList<>(); // {sum of scores, sum of labels, count}
            for (int i : order) {
                blocks.add(new double[] {scores[i], labels[i], 1});
                while (blocks.size() > 1) {
                    double[] last = blocks.get(blocks.size() - 1);
                    double[] prev = blocks.get(blocks.size() - 2);
                    if (prev[1] / prev[2] < last[1] / last[2]) {
                        break;
                    }
                    prev[0] += last[0];
                    prev[1] += last[1];
                    prev[2] += last[2];
                    blocks.remove(blocks.size() - 1);
                }
            }
            double[] x = new double[blocks.size()];
            double[] y = new double[blocks.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = blocks.get(k)[0] / blocks.get(k)[2];
                y[k] = blocks.get(k)[1] / blocks.get(k)[2];
            }
            // Equal centres can arise from ties; keep x strictly increasing for the search.
            int n = 0;
            for (int k = 0; k < x.length; k++) {
                if (n > 0 && x[k] <= x[n - 1]) {
                    y[n - 1] = Math.max(y[n - 1], y[k]);
                    continue;
                }
                x[n] = x[k];
                y[n] = y[k];
                n++;
            }
            return new Isotonic(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        }
    }

    /**
     * Fits Platt and isotonic calibration on one half of the validation rows and measures log loss on the other,
     * both ways round; the method with the lower loss (or none, if neither helps) is refitted on all rows.
     *
     * @param scores validation scores
     * @param labels validation labels
     * @return the chosen calibrator
     */
    static Calibrator choose(double[] scores, int[] labels) {
        int pos = Arrays.stream(labels).sum();
        if (scores.length < 20 || pos == 0 || pos == labels.length) {
            return new Identity();
        }
        double[][] loss = new double[3][1];
        for (int fold = 0; fold < 2; fold++) {
            List<Integer> fitRows = new ArrayList<>();
            List<Integer> testRows = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                (i % 2 == fold ? fitRows : testRows).add(i);
            }
            double[] fs = fitRows.stream().mapToDouble(i -> scores[i]).toArray();
            int[] fl = fitRows.stream().mapToInt(i -> labels[i]).toArray();
            Calibrator[] candidates = {new Identity(), Platt.fit(fs, fl), Isotonic.fit(fs, fl)};
            for (int c = 0; c < 3; c++) {
                for (int i : testRows) {
                    loss[c][0] += logLoss(candidates[c].apply(scores[i]), labels[i]);
                }
            }
        }
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (loss[c][0] < loss[best][0]) {
                best = c;
            }
        }
        return switch (best) {
            case 1 -> Platt.fit(scores, labels);
            case 2 -> Isotonic.fit(scores, labels);
            default -> new Identity();
        };
    }

    /**
     * @param p     predicted probability
     * @param label 0/1
     * @return the log loss of one prediction, with p clipped to [1e-15, 1 - 1e-15]
     */
    static double logLoss(double p, int label) {
        double q = Math.clamp(p, 1e-15, 1 - 1e-15);
        return label == 1 ? -Math.log(q) : -Math.log(1 - q);
    }

    private static double logit(double p) {
        double q = Math.clamp(p, EPS, 1 - EPS);
        return Math.log(q / (1 - q));
    }
}
