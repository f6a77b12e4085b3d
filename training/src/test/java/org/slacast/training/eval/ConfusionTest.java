package org.slacast.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionTest {
    static final double[] P = {0.9, 0.6, 0.5, 0.4, 0.2};
    static final int[] Y = {1, 0, 1, 1, 0};

    @Test
    void aProbabilityAtTheThresholdIsFlagged() {
        Confusion c = Confusion.of(P, Y, 0.5);
        // 0.9 breach flagged (tp), 0.6 met flagged (fp), 0.5 breach flagged since 0.5 >= 0.5 (tp),
        // 0.4 breach missed (fn), 0.2 met not flagged (tn)
        assertThat(c).isEqualTo(new Confusion(0.5, 2, 1, 1, 1));
        assertThat(c.precision()).isCloseTo(2 / 3.0, within(1e-12)); // 2 / (2 + 1)
        assertThat(c.recall()).isCloseTo(2 / 3.0, within(1e-12)); // 2 / (2 + 1)
        assertThat(c.f1()).isCloseTo(2 / 3.0, within(1e-12)); // 2 x 2/3 x 2/3 / (4/3)
    }

    @Test
    void precisionAndRecallDifferInTheHarmonicMean() {
        Confusion c = Confusion.of(P, Y, 0.3);
        // Flagged 0.9, 0.6, 0.5, 0.4: tp 3, fp 1; 0.2 met: tn 1; fn 0
        assertThat(c).isEqualTo(new Confusion(0.3, 3, 1, 1, 0));
        assertThat(c.precision()).isCloseTo(0.75, within(1e-12)); // 3 / 4
        assertThat(c.recall()).isCloseTo(1.0, within(1e-12)); // 3 / 3
        assertThat(c.f1()).isCloseTo(6 / 7.0, within(1e-12)); // 2 x 0.75 x 1 / 1.75 = 1.5 / 1.75
    }

    @Test
    void nothingFlaggedGivesZerosNotNaN() {
        Confusion c = Confusion.of(P, Y, 0.95);
        assertThat(c).isEqualTo(new Confusion(0.95, 0, 0, 2, 3));
        assertThat(c.precision()).isZero(); // 0 / 0 read as 0
        assertThat(c.recall()).isZero(); // 0 / 3
        assertThat(c.f1()).isZero(); // p + r = 0
    }

    @Test
    void noBreachesGiveZeroRecall() {
        Confusion c = Confusion.of(new double[] {0.7, 0.1}, new int[] {0, 0}, 0.5);
        assertThat(c).isEqualTo(new Confusion(0.5, 0, 1, 1, 0));
        assertThat(c.recall()).isZero(); // 0 / 0 read as 0
        assertThat(c.precision()).isZero(); // 0 / 1
    }
}
