package org.slacast.training.eval;

import org.slacast.models.BinaryMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slacast.core.cost.CostModel;
import org.slacast.core.ticket.Priority;
import org.slacast.training.data.Example;

/**
 * A model (or baseline) judged on the test examples: overall and at-creation metrics, the confusion matrix and
 * cost figures at the threshold chosen on validation, segments, and the curves the report draws.
 *
 * @param name        model id or baseline name
 * @param overall     metrics over every checkpoint
 * @param atCreation  metrics over the checkpoint at creation only
 * @param confusion   confusion at the threshold, every checkpoint
 * @param cost        cost figures on the test tickets at creation, at the one threshold chosen on validation (the
 *                    classification threshold; kept for its cost curve)
 * @param savings     what the expected-value rule earns on the test tickets at creation: the money figures
 * @param segments    metrics by priority, tier and team
 * @param roc         ROC curve {fpr, tpr}
 * @param pr          precision-recall curve {recall, precision}
 * @param calibration reliability bins
 */
public record Evaluation(String name, BinaryMetrics overall, BinaryMetrics atCreation, Confusion confusion,
                         CostThreshold cost, DecisionSavings savings, List<Segment> segments, double[][] roc, double[][] pr,
                         List<BinaryMetrics.CalibrationBin> calibration) {

    /**
     * @param name        what is judged
     * @param test        test examples
     * @param p           their probabilities
     * @param threshold   the threshold chosen on validation
     * @param thresholdCurve the validation cost curve
     * @param costModel   the cost model
     * @return the evaluation
     */
    public static Evaluation of(String name, List<Example> test, double[] p, double threshold,
                                List<double[]> thresholdCurve, CostModel costModel) {
        int[] y = test.stream().mapToInt(Example::label).toArray();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i).checkpoint() == 0) {
                first.add(i);
            }
        }
        double[] p0 = first.stream().mapToDouble(i -> p[i]).toArray();
        int[] y0 = first.stream().mapToInt(i -> y[i]).toArray();
        Priority[] pr0 = first.stream().map(i -> test.get(i).priority()).toArray(Priority[]::new);
        List<Segment> segments = new ArrayList<>();
        segments.addAll(segments("priority", test, p, y, threshold, e -> e.priority().label()));
        segments.addAll(segments("tier", test, p, y, threshold, e -> "L" + e.tier()));
        segments.addAll(segments("team", test, p, y, threshold, e -> e.team() == null ? "(none)" : e.team()));
        segments.addAll(segments("checkpoint", test, p, y, threshold, e -> String.valueOf(e.checkpoint())));
        return new Evaluation(name, BinaryMetrics.of(p, y), BinaryMetrics.of(p0, y0), Confusion.of(p, y, threshold),
                CostThreshold.at(p0, y0, pr0, costModel, threshold, thresholdCurve),
                DecisionSavings.of(test, p, costModel), segments,
                BinaryMetrics.rocCurve(p, y), BinaryMetrics.prCurve(p, y), BinaryMetrics.calibration(p, y, 10));
    }

    private static List<Segment> segments(String dimension, List<Example> test, double[] p, int[] y, double threshold,
                                          Function<Example, String> key) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            groups.computeIfAbsent(key.apply(test.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Segment> out = new ArrayList<>();
        groups.forEach((value, rows) -> {
            double[] ps = rows.stream().mapToDouble(i -> p[i]).toArray();
            int[] ys = rows.stream().mapToInt(i -> y[i]).toArray();
            out.add(new Segment(dimension, value, BinaryMetrics.of(ps, ys), Confusion.of(ps, ys, threshold)));
        });
        return out;
    }

    /** @return the headline metrics stored in a bundle */
    public Map<String, Double> headline() {
        Map<String, Double> m = new LinkedHashMap<>(overall.asMap());
        m.put("roc_auc_at_creation", atCreation.rocAuc());
        m.put("brier_at_creation", atCreation.brier());
        m.put("threshold", confusion.threshold());
        m.put("precision", confusion.precision());
        m.put("recall", confusion.recall());
        m.put("f1", confusion.f1());
        m.put("net_savings", savings.netSavings());
        m.put("net_savings_low", savings.savingsLow());
        m.put("interventions", (double) savings.interventions());
        m.put("roi", savings.roi());
        return m;
    }
}
