package org.slacast.training.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slacast.training.data.Example;

/**
 * A rule every model must beat: the training breach rate of the example's group. Two groupings are used: the
 * ticket's priority, and the rule-based at-risk band of the SLA clock at the checkpoint.
 *
 * @param name  the baseline's name
 * @param rates breach rate per group in training
 * @param prior the overall training rate, for unseen groups
 * @param key   the grouping
 */
public record Baseline(String name, Map<String, Double> rates, double prior, Function<Example, String> key) {

    /**
     * @param train training examples
     * @return the priority-rate baseline
     */
    public static Baseline priority(List<Example> train) {
        return fit("baseline: priority rate", train, e -> e.priority().label());
    }

    /**
     * @param train training examples
     * @return the at-risk band baseline
     */
    public static Baseline band(List<Example> train) {
        return fit("baseline: at-risk band", train, e -> e.band().label());
    }

    private static Baseline fit(String name, List<Example> train, Function<Example, String> key) {
        Map<String, double[]> sums = new HashMap<>();
        double pos = 0;
        for (Example e : train) {
            double[] s = sums.computeIfAbsent(key.apply(e), k -> new double[2]);
            s[0] += e.label();
            s[1]++;
            pos += e.label();
        }
        Map<String, Double> rates = new HashMap<>();
        sums.forEach((k, s) -> rates.put(k, s[0] / s[1]));
        return new Baseline(name, rates, train.isEmpty() ? 0 : pos / train.size(), key);
    }

    /**
     * @param examples examples
     * @return the baseline probability of each
     */
    public double[] predict(List<Example> examples) {
        return examples.stream().mapToDouble(e -> rates.getOrDefault(key.apply(e), prior)).toArray();
    }
}
