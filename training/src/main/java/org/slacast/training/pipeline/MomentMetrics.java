package org.slacast.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.data.Example;

/**
 * A model's calibrated metrics at one moment: one checkpoint ({@code creation}, or its fraction), all of them,
 * or the mix it was chosen at. The report shows every model at every moment, so a model that wins over all
 * checkpoints but loses at creation is seen to.
 *
 * @param moment     {@code creation}, {@code 0.25}, ..., {@code all}, or the {@code --choose-at} mix
 * @param chosen     whether models were compared on this moment
 * @param validation on the validation slice, which compares the models; null when judging saved bundles
 * @param test       on the test slice
 */
public record MomentMetrics(String moment, boolean chosen, BinaryMetrics validation, BinaryMetrics test) {

    /**
     * @param valid     validation examples, or an empty list
     * @param pValid    their probabilities
     * @param test      test examples
     * @param pTest     their probabilities
     * @param fractions the run's checkpoint fractions, by index
     * @param choice    the moment the models are compared on
     * @return one entry per checkpoint, then {@code all}, then the choice if it is a mix of several
     */
    public static List<MomentMetrics> of(List<Example> valid, double[] pValid, List<Example> test, double[] pTest,
                                         List<Double> fractions, CheckpointChoice choice) {
        List<MomentMetrics> out = new ArrayList<>();
        for (int k = 0; k < fractions.size(); k++) {
            CheckpointChoice one = CheckpointChoice.parse(String.valueOf(fractions.get(k)), fractions);
            boolean isChoice = one.label().equals(choice.label());
            out.add(at(one.label(), isChoice, valid, pValid, test, pTest, fractions, one));
        }
        CheckpointChoice all = new CheckpointChoice.AllCheckpoints();
        out.add(at("all", choice instanceof CheckpointChoice.AllCheckpoints, valid, pValid, test, pTest, fractions,
                all));
        if (choice instanceof CheckpointChoice.Fractions f && f.chosen().size() > 1) {
            out.add(at(choice.label(), true, valid, pValid, test, pTest, fractions, choice));
        }
        return List.copyOf(out);
    }

    private static MomentMetrics at(String name, boolean chosen, List<Example> valid, double[] pValid,
                                    List<Example> test, double[] pTest, List<Double> fractions, CheckpointChoice c) {
        return new MomentMetrics(name, chosen, valid.isEmpty() ? null : on(valid, pValid, fractions, c),
                on(test, pTest, fractions, c));
    }

    /**
     * @param rows      examples
     * @param p         their probabilities
     * @param fractions the run's checkpoint fractions
     * @param c         the moment
     * @return the metrics over the examples at that moment
     */
    static BinaryMetrics on(List<Example> rows, double[] p, List<Double> fractions, CheckpointChoice c) {
        int[] idx = IntStream.range(0, rows.size()).filter(i -> c.covers(rows.get(i).checkpoint(), fractions))
                .toArray();
        return BinaryMetrics.of(IntStream.of(idx).mapToDouble(i -> p[i]).toArray(),
                IntStream.of(idx).map(i -> rows.get(i).label()).toArray());
    }
}
