package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gradient boosting stops once the validation log loss stops falling, and the result does not depend on when. */
class BoostEarlyStopTest {
    static final BoostParameters FAST = new BoostParameters(300, 4, 8, 5, 0.5, 0.7, 0, 10);

    @Test
    void itStopsEarlyAndKeepsTheTreesUpToTheBest() {
        TrainingSet train = ModelBundleTest.data(2000, 1);
        TrainingSet valid = ModelBundleTest.data(800, 2);
        BoostModel stopped = BoostModel.fit(train, valid, FAST, 7);
        BoostModel full = BoostModel.fit(train, null, FAST, 7);
        assertThat(full.treeCount()).isEqualTo(300);
        assertThat(stopped.treeCount()).isBetween(1, 299);
        // Kept trees are the full fit's first ones: the same seed grows the same trees.
        double[] x = valid.x()[0];
        BoostModel again = BoostModel.fit(train, valid, FAST, 7);
        assertThat(again.treeCount()).isEqualTo(stopped.treeCount());
        assertThat(again.score(x)).isEqualTo(stopped.score(x));
        // The stopped model predicts held-out rows better than the one that fitted every tree.
        assertThat(logLoss(stopped, valid)).isLessThan(logLoss(full, valid));
    }

    @Test
    void patienceZeroOrNoValidationFitsEveryTree() {
        TrainingSet train = ModelBundleTest.data(1000, 3);
        BoostParameters all = new BoostParameters(40, 4, 8, 5, 0.5, 0.7, 0, 0);
        assertThat(BoostModel.fit(train, ModelBundleTest.data(400, 4), all, 7).treeCount()).isEqualTo(40);
        assertThat(ModelParameters.parse(ModelKind.GRADIENT_BOOSTING, java.util.Map.of("patience", "0")))
                .isEqualTo(BoostParameters.DEFAULTS.withPatience(0));
    }

    private static double logLoss(BoostModel m, TrainingSet s) {
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            double p = Math.clamp(m.score(s.x()[i]), 1e-15, 1 - 1e-15);
            sum -= s.y()[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / s.size();
    }
}
