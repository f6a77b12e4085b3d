package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.feature.Feature;
import org.slacast.core.feature.FeatureExtractor;

/** The logistic model scores by its own dot product, which must equal Tribuo's prediction. */
class LogisticModelTest {

    @Test
    void scoresEqualTribuosIncludingLevelsTheTrainingDataDidNotHave() {
        LogisticModel m = (LogisticModel) ModelKind.LOGISTIC.fit(CompiledTreesTest.continuous(1500, 3),
                ModelParameters.defaults(ModelKind.LOGISTIC), 11);
        List<Feature.Kind> kinds = new FeatureExtractor(ModelBundleTest.SCHEMA, null).features().stream()
                .map(Feature::kind).toList();
        assertThat(kinds).contains(Feature.Kind.CATEGORICAL, Feature.Kind.NUMERIC);
        int checked = 0;
        for (double[] x : CompiledTreesTest.continuous(400, 4).x()) {
            assertThat(m.score(x)).isCloseTo(m.tribuoScore(x), within(1e-12));
            double[] unseen = x.clone();
            for (int j = 0; j < unseen.length; j++) {
                if (kinds.get(j) == Feature.Kind.CATEGORICAL) {
                    unseen[j] = 97; // a vocabulary code no training row had
                }
            }
            assertThat(m.score(unseen)).isCloseTo(m.tribuoScore(unseen), within(1e-12));
            checked++;
        }
        assertThat(checked).isEqualTo(400);
    }
}
