package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.models.FeatureDistribution;
import org.slacast.models.ModelBundle;

/** The latest 10,000 scores give the score distribution and each feature's drift from its training deciles. */
class MonitoringTest {
    @Test
    void theLatestScoresGiveTheHistogramAndEachColumnItsOwnDrift() {
        ModelBundle plain = ScoringApiTest.bundle("m", 1);
        List<String> names = plain.manifest().schema().names();
        double[] training = new double[1000];
        for (int i = 0; i < training.length; i++) {
            training[i] = i;
        }
        ModelBundle b = new ModelBundle(plain.manifest().toBuilder().distributions(List.of(
                FeatureDistribution.of(names.get(0), training), FeatureDistribution.of(names.get(1), training))).build(),
                plain.model());
        Monitoring m = new Monitoring();
        m.predicted("old", "m", 0.99, new double[] {5, 5, 5}, "t", "s"); // another model's width: not counted
        for (int i = 0; i < 12_000; i++) {
            double[] x = new double[names.size()];
            x[0] = i % 1000;        // as in training
            x[1] = 2000 + i % 1000; // all past the last decile
            m.predicted("T-" + i, "m", i < 2000 ? 0.95 : (i % 10) / 10.0 + 0.05, x, "t", "s");
        }
        Map<String, Object> r = m.report(b);
        @SuppressWarnings("unchecked")
        Map<String, Object> scores = (Map<String, Object>) r.get("score_distribution");
        assertThat(scores.get("recent_scores")).isEqualTo(10_000);
        assertThat((int[]) scores.get("counts")).containsExactly(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
                1000);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drift = (List<Map<String, Object>>) r.get("drift");
        assertThat(drift).extracting(d -> d.get("feature")).containsExactly(names.get(1), names.get(0));
        assertThat((Double) drift.get(0).get("psi")).isGreaterThan(5);
        assertThat((Double) drift.get(1).get("psi")).isLessThan(0.01);
    }
}
