package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A forest stops growing once its validation log loss has not fallen for {@code patience} trees, and keeps the best. */
class ForestEarlyStopTest {
    private static final TrainingSet TRAIN = ModelBundleTest.data(3000, 21);
    private static final TrainingSet VALID = ModelBundleTest.data(1000, 22);

    @Test
    void lightGbmsForestKeepsAPrefixOfTheTreesItWouldHaveGrownAll() {
        ForestParameters p = ForestParameters.DEFAULTS.withTrees(120);
        LightGbmModel early = LightGbmModel.fitForest(TRAIN, VALID, p, 5);
        assertThat(early.treeCount()).isBetween(1, 119);
        // The kept trees are the first trees of the unstopped forest: the same forest cut short, not another one.
        LightGbmModel prefix = LightGbmModel.fitForest(TRAIN, null, p.withTrees(early.treeCount()), 5);
        for (double[] x : ModelBundleTest.data(50, 23).x()) {
            assertThat(early.score(x)).isEqualTo(prefix.score(x));
        }
        assertThat(LightGbmModel.fitForest(TRAIN, null, p, 5).treeCount()).isEqualTo(120);
        assertThat(LightGbmModel.fitForest(TRAIN, VALID, withPatience(p, 0), 5).treeCount()).isEqualTo(120);
    }

    @Test
    void smilesForestKeepsTheHeaviestFirstPrefixWithTheLowestValidationLoss() {
        ForestParameters p = withPatience(ForestParameters.DEFAULTS.withTrees(60), 10);
        ForestModel all = ForestModel.fit(TRAIN, null, p, 9);
        ForestModel early = ForestModel.fit(TRAIN, VALID, p, 9);
        int k = early.treeCount();
        assertThat(all.treeCount()).isEqualTo(60);
        assertThat(k).isBetween(1, 59);
        // Smile trims to its heaviest trees: the prefixes are taken in that order.
        ForestModel ordered = new ForestModel(all.model.trim(60), TRAIN.schema().names());
        List<Double> losses = prefixLosses(ordered.trees);
        double kept = loss(early::score);
        assertThat(kept).isCloseTo(losses.get(k - 1), within(1e-9));
        for (int j = 0; j < Math.min(losses.size(), k + 10); j++) {
            assertThat(losses.get(j)).as("prefix of %d trees", j + 1).isGreaterThanOrEqualTo(kept - 1e-9);
        }
        assertThat(ForestModel.fit(TRAIN, VALID, withPatience(p, 0), 9).treeCount()).isEqualTo(60);
    }

    @Test
    void withoutBothOutcomesInValidationEveryTreeIsKept() {
        int[] none = new int[VALID.size()];
        TrainingSet oneSided = new TrainingSet(VALID.schema(), VALID.kinds(), VALID.x(), none);
        ForestParameters p = ForestParameters.DEFAULTS.withTrees(40);
        assertThat(LightGbmModel.fitForest(TRAIN, oneSided, p, 5).treeCount()).isEqualTo(40);
        assertThat(ForestModel.fit(TRAIN, oneSided, p, 9).treeCount()).isEqualTo(40);
    }

    private static ForestParameters withPatience(ForestParameters p, int patience) {
        return new ForestParameters(p.trees(), p.maxDepth(), p.maxNodes(), p.nodeSize(), p.maxExamples(), patience);
    }

    /** Each prefix's validation log loss, from the trees' weighted mean as Smile's forest scores. */
    private static List<Double> prefixLosses(CompiledTrees trees) {
        List<Double> out = new ArrayList<>();
        double[] sums = new double[VALID.size()];
        double weight = 0;
        for (int t = 0; t < trees.size(); t++) {
            weight += trees.weight(t);
            double w = weight;
            for (int i = 0; i < sums.length; i++) {
                sums[i] += trees.term(t, VALID.x()[i]);
            }
            double[] s = sums.clone();
            int[] row = {0};
            out.add(loss(x -> s[row[0]++] / w));
        }
        return out;
    }

    private static double loss(ToDoubleFunction<double[]> score) {
        double loss = 0;
        for (int i = 0; i < VALID.size(); i++) {
            double p = Math.clamp(score.applyAsDouble(VALID.x()[i]), 1e-15, 1 - 1e-15);
            loss -= VALID.y()[i] == 1 ? Math.log(p) : Math.log1p(-p);
        }
        return loss;
    }
}
