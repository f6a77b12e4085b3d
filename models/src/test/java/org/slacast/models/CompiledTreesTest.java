package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.slacast.core.feature.Feature;
import org.slacast.core.feature.FeatureExtractor;

/** The compiled trees must score exactly as Smile does, and their path attributions must add up. */
class CompiledTreesTest {

    /** Continuous features, so that thresholds fall between values rather than on integers. */
    static TrainingSet continuous(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = ModelBundleTest.SCHEMA.size();
        double[][] x = new double[n][p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = j % 3 == 0 ? rnd.nextInt(4) : rnd.nextGaussian() * (j + 1);
            }
            double z = 0.9 * x[i][1] - 0.3 * x[i][2] + 0.7 * x[i][3] + 0.4 * rnd.nextGaussian();
            y[i] = z > 0 ? 1 : 0;
        }
        List<Feature.Kind> kinds = new FeatureExtractor(ModelBundleTest.SCHEMA, null).features().stream()
                .map(Feature::kind).toList();
        return new TrainingSet(ModelBundleTest.SCHEMA, kinds, x, y);
    }

    /** Smile's models; a forest is Smile's here, as LightGBM grows it by default (LightGbmModelTest). */
    static TreeEnsemble<?> fit(ModelKind kind, TrainingSet d) {
        ModelParameters params = ModelBundleTest.sized(kind, 40, 1);
        return params instanceof ForestParameters f ? ForestModel.fit(d, f, 11)
                : (TreeEnsemble<?>) kind.fit(d, params, 11);
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"LOGISTIC", "LIGHTGBM"}, mode = Mode.EXCLUDE) // LightGbmModelTest
    void compiledScoresEqualSmilesOnUnseenVectorsIncludingMissingValues(ModelKind kind) {
        TreeEnsemble<?> m = fit(kind, continuous(1500, 3));
        TrainingSet fresh = continuous(400, 4);
        for (double[] x : fresh.x()) {
            assertThat(m.score(x)).isCloseTo(m.smileScore(x), within(1e-9));
        }
        // A NaN fails every x <= threshold test in both, so it goes to the false child.
        double[] x = fresh.x()[0].clone();
        x[1] = Double.NaN;
        x[3] = Double.NaN;
        assertThat(m.score(x)).isCloseTo(m.smileScore(x), within(1e-9));
        // Exactly on a threshold goes to the true child in both.
        for (double v : new double[] {-1, 0, 1, 2, 3}) {
            x = fresh.x()[1].clone();
            x[0] = v;
            assertThat(m.score(x)).isCloseTo(m.smileScore(x), within(1e-9));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "LOGISTIC", mode = Mode.EXCLUDE)
    void oneWalkGivesTheSameScoreAndPathContributionsAsTwo(ModelKind kind) {
        TrainingSet d = continuous(1500, 12);
        ModelParameters params = ModelBundleTest.sized(kind, 40, 1);
        List<BreachModel> models = new java.util.ArrayList<>(List.of(kind.fit(d, params, 11)));
        if (params instanceof ForestParameters f) {
            models.add(ForestModel.fit(d, f, 11)); // Smile's forest, besides LightGBM's
        }
        for (BreachModel m : models) {
            for (double[] x : continuous(200, 13).x()) {
                BreachModel.Scored s = m.scored(x, Explanation.PATH);
                assertThat(s.score()).as(m.getClass().getSimpleName()).isEqualTo(m.score(x));
                assertThat(s.contributions()).containsExactly(m.contributions(x, Explanation.PATH));
            }
        }
    }

    @Test
    void forestPathContributionsAddUpToTheScoreMinusTheBias() {
        ForestModel m = (ForestModel) fit(ModelKind.RANDOM_FOREST, continuous(1500, 5));
        double bias = m.trees.bias() / m.trees.weightSum();
        for (double[] x : continuous(100, 6).x()) {
            double[] phi = m.contributions(x, Explanation.PATH);
            assertThat(bias + sum(phi)).isCloseTo(m.score(x), within(1e-9));
        }
    }

    @Test
    void boostingPathContributionsAndTreeShapShareTheirTotalInLogOdds() {
        BoostModel m = (BoostModel) fit(ModelKind.GRADIENT_BOOSTING, continuous(1500, 7));
        for (double[] x : continuous(100, 8).x()) {
            double[] path = m.contributions(x, Explanation.PATH);
            double[] shap = m.contributions(x, Explanation.SHAP);
            // Both are locally accurate against the same cover-weighted expectation, so their sums agree.
            assertThat(sum(path)).isCloseTo(sum(shap), within(1e-9));
            double p = m.score(x);
            double logOdds = Math.log(p / (1 - p));
            double bias = logOdds - sum(path);
            assertThat(bias).isCloseTo(logOddsOfBias(m), within(1e-6));
        }
    }

    @Test
    void pathReasonsNameTheFeaturesTheDataDependsOn() {
        ModelBundle b = ModelBundleTest.bundle(ModelKind.GRADIENT_BOOSTING, continuous(2000, 9), "gb", Map.of());
        List<String> names = ModelBundleTest.SCHEMA.names();
        double[] x = continuous(1, 10).x()[0];
        x[1] = 6;
        List<ModelBundle.Reason> reasons = b.reasons(x, 2, Explanation.PATH);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.getFirst().feature()).isEqualTo(names.get(1));
        assertThat(reasons.getFirst().contribution()).isPositive();
        assertThat(reasons.getFirst().value()).isEqualTo(6.0);
        assertThat(Math.abs(reasons.get(0).contribution())).isGreaterThanOrEqualTo(Math.abs(reasons.get(1).contribution()));
    }

    private static double logOddsOfBias(BoostModel m) {
        // y at the roots' expectations, in log-odds: 2 * (b + shrinkage * bias)
        double p = 1 - 1 / (1 + Math.exp(2 * (SmileFields.intercept(m.model)
                + SmileFields.shrinkage(m.model) * m.trees.bias())));
        return Math.log(p / (1 - p));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
