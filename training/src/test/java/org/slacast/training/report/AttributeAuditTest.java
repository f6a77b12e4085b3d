package org.slacast.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two measures of the end-only check, against values worked by hand. */
class AttributeAuditTest {
    @Test
    void spearmanIsOneMinusSixSumOfSquaredRankDifferencesWithoutTies() {
        // Rank differences 0, 1, 1, 0: 1 - 6 x 2 / (4 x 15) = 0.8.
        assertThat(AttributeAudit.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 30, 20, 40}))
                .isCloseTo(0.8, within(1e-12));
        assertThat(AttributeAudit.spearman(new double[] {1, 2, 3}, new double[] {9, 4, 1})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void theCorrelationRatioIsOneWhenCategoriesFixTheValueAndAdjustedToZeroWhenTheyBarelyMatter() {
        List<String> ab = new java.util.ArrayList<>(Collections.nCopies(5, "A"));
        ab.addAll(Collections.nCopies(5, "B"));
        assertThat(AttributeAudit.correlationRatio(ab, new double[] {1, 1, 1, 1, 1, 3, 3, 3, 3, 3})).isEqualTo(1.0);
        // Means 1.4 and 1.6 around 1.5: eta^2 = 0.1 / 2.5 = 0.04, adjusted 1 - 0.96 x 9 / 8 < 0, so 0.
        assertThat(AttributeAudit.correlationRatio(ab, new double[] {1, 2, 1, 2, 1, 2, 1, 2, 1, 2})).isZero();
        // Ten categories of one ticket each are pooled into one group: nothing to explain with.
        List<String> unique = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThat(AttributeAudit.correlationRatio(unique, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).isZero();
    }
}
