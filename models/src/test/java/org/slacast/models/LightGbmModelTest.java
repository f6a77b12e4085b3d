package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trees read from LightGBM's text score as LightGBM does, and early stopping keeps the best round. */
class LightGbmModelTest {
    @Test
    void javaScoringAgreesWithTheNativeLibraryTo1e9AndContributionsAddUp() {
        TrainingSet d = ModelBundleTest.data(2000, 1);
        LightGbmModel m = LightGbmModel.fit(d, null, LightGbmParameters.DEFAULTS.withTrees(60), 7);
        assertThat(m.treeCount()).isEqualTo(60);
        assertScoresAsNativeAndExplanationsAddUp(m, ModelBundleTest.data(300, 2));
    }

    /**
     * Java's score is LightGBM's within 1e-9, and both explanations are locally accurate: a bias plus the
     * contributions is the log-odds. The path attributions' bias is the trees' expected output; TreeSHAP's is the
     * same for every vector.
     */
    private static void assertScoresAsNativeAndExplanationsAddUp(LightGbmModel m, TrainingSet probe) {
        double[] shapBias = {Double.NaN};
        for (double[] x : probe.x()) {
            assertThat(m.score(x)).isCloseTo(m.nativeScore(x), within(1e-9));
            double logit = Math.log(m.score(x) / (1 - m.score(x)));
            assertThat(m.bias() + sum(m.contributions(x, Explanation.PATH))).isCloseTo(logit, within(1e-9));
            shapBias[0] = Double.isNaN(shapBias[0]) ? logit - sum(m.contributions(x)) : shapBias[0];
            assertThat(shapBias[0] + sum(m.contributions(x))).isCloseTo(logit, within(1e-6));
        }
    }

    @Test
    void aForestScoresAsLightGbmDoesAndItsContributionsAreAveragedOverItsTrees() {
        TrainingSet d = ModelBundleTest.data(2000, 5);
        LightGbmModel m = (LightGbmModel) ModelKind.RANDOM_FOREST.fit(d, ForestParameters.DEFAULTS.withTrees(30), 7);
        assertThat(m.kind()).isEqualTo(ModelKind.RANDOM_FOREST);
        assertThat(m.fileName()).isEqualTo("random-forest.txt");
        assertThat(m.treeCount()).isEqualTo(30);
        // LightGBM sums a forest's TreeSHAP values over its trees; averaged, they add up to the log-odds.
        assertScoresAsNativeAndExplanationsAddUp(m, ModelBundleTest.data(200, 6));
    }

    @Test
    void aForestIsTheSameWhateverTheSeedOfOtherFitsAndDiffersByItsOwnSeed() {
        TrainingSet d = ModelBundleTest.data(1500, 8);
        ForestParameters p = ForestParameters.DEFAULTS.withTrees(20);
        double[] x = ModelBundleTest.data(1, 9).x()[0];
        double a = LightGbmModel.fitForest(d, null, p, 3).score(x);
        assertThat(LightGbmModel.fitForest(d, null, p, 3).score(x)).isEqualTo(a);
        assertThat(LightGbmModel.fitForest(d, null, p, 4).score(x)).isNotEqualTo(a);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    @Test
    void earlyStoppingKeepsTheRoundsUpToTheBestValidationLoss() {
        TrainingSet d = ModelBundleTest.data(3000, 3);
        TrainingSet valid = ModelBundleTest.data(1000, 4);
        LightGbmModel all = LightGbmModel.fit(d, null, LightGbmParameters.DEFAULTS.withTrees(400), 7);
        LightGbmModel early = LightGbmModel.fit(d, valid, LightGbmParameters.DEFAULTS.withTrees(400), 7);
        assertThat(all.treeCount()).isEqualTo(400);
        assertThat(early.treeCount()).isBetween(10, 399);
    }

    @Test
    void parametersAreCheckedByName() {
        assertThatThrownBy(() -> ModelParameters.parse(ModelKind.LIGHTGBM, Map.of("leaves", "1")))
                .hasMessageContaining("lightgbm.leaves=1").hasMessageContaining("from 2 to 131072");
        assertThatThrownBy(() -> ModelParameters.parse(ModelKind.LIGHTGBM, Map.of("learning_rate", "2")))
                .hasMessageContaining("must be in (0, 1]");
        assertThat(ModelParameters.parse(ModelKind.LIGHTGBM, Map.of("leaves", "63")).asMap())
                .containsEntry("leaves", 63).containsEntry("trees", 500);
        assertThat(ModelKind.parse("lgbm")).isEqualTo(ModelKind.LIGHTGBM);
    }
}
