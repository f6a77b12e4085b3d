package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.slacast.models.BinaryMetrics.CalibrationBin;

/** Every expected value is worked out by hand in the comment beside it. */
class BinaryMetricsTest {
    static final Offset<Double> EXACT = within(1e-12);

    // Four predictions, no ties. Sorted by score: 0.9 (breach), 0.8 (met), 0.3 (breach), 0.1 (met).
    static final double[] P = {0.9, 0.8, 0.3, 0.1};
    static final int[] Y = {1, 0, 1, 0};

    @Test
    void countsPredictionsAndBreaches() {
        BinaryMetrics m = BinaryMetrics.of(P, Y);
        assertThat(m.n()).isEqualTo(4);
        assertThat(m.positives()).isEqualTo(2); // 1 + 0 + 1 + 0
    }

    @Test
    void rocAucIsTheShareOfBreachMetPairsRankedRightWithoutTies() {
        // Pairs (breach, met): (0.9, 0.8) right, (0.9, 0.1) right, (0.3, 0.8) wrong, (0.3, 0.1) right -> 3 / 4
        assertThat(BinaryMetrics.of(P, Y).rocAuc()).isCloseTo(0.75, EXACT);
    }

    @Test
    void rocAucCountsATiedPairAsHalf() {
        double[] p = {0.8, 0.5, 0.5, 0.5, 0.2};
        int[] y = {1, 1, 0, 0, 0};
        // Breaches {0.8, 0.5}, met {0.5, 0.5, 0.2}: 0.8 beats all three (3); 0.5 ties two (2 x 0.5) and beats 0.2 (1)
        // -> (3 + 1 + 1) / (2 x 3) = 5 / 6. By ranks: ascending 0.2 -> 1, the three 0.5s -> (2+3+4)/3 = 3, 0.8 -> 5;
        // breach rank sum 5 + 3 = 8; U = 8 - 2 x 3 / 2 = 5; 5 / 6.
        assertThat(BinaryMetrics.of(p, y).rocAuc()).isCloseTo(5 / 6.0, EXACT);
    }

    @Test
    void rocAucIsOneHalfWhenEveryScoreIsTied() {
        // Every (breach, met) pair is a tie: 4 pairs x 0.5 / 4 = 0.5
        assertThat(BinaryMetrics.of(new double[] {0.4, 0.4, 0.4, 0.4}, new int[] {1, 0, 1, 0}).rocAuc())
                .isCloseTo(0.5, EXACT);
    }

    @Test
    void rocAucIsOneForAPerfectRankingAndZeroForTheReverse() {
        int[] y = {1, 1, 0, 0};
        // Both breaches above both met: 4 / 4
        assertThat(BinaryMetrics.of(new double[] {0.9, 0.7, 0.3, 0.1}, y).rocAuc()).isCloseTo(1.0, EXACT);
        // Both met above both breaches: 0 / 4
        assertThat(BinaryMetrics.of(new double[] {0.1, 0.3, 0.7, 0.9}, y).rocAuc()).isCloseTo(0.0, EXACT);
    }

    @Test
    void noBreachesLeavesTheRankingMetricsAndLiftUndefined() {
        BinaryMetrics m = BinaryMetrics.of(new double[] {0.2, 0.4, 0.6, 0.8}, new int[] {0, 0, 0, 0});
        assertThat(m.rocAuc()).isNaN(); // no breach to rank against
        assertThat(m.prAuc()).isNaN(); // recall has no denominator
        assertThat(m.liftTop10()).isNaN(); // overall rate 0 in the denominator
        // The probability scores stay defined: (0.04 + 0.16 + 0.36 + 0.64) / 4 = 1.2 / 4
        assertThat(m.brier()).isCloseTo(0.3, EXACT);
    }

    @Test
    void onlyBreachesLeavesRocAucUndefinedButAveragePrecisionIsOne() {
        BinaryMetrics m = BinaryMetrics.of(new double[] {0.2, 0.4, 0.6, 0.8}, new int[] {1, 1, 1, 1});
        assertThat(m.rocAuc()).isNaN(); // no met ticket: the false positive rate has no denominator
        // Every flagged set has precision 1, so the average precision is 1 (as scikit-learn's is). Note that the
        // Javadoc of of() says "AUCs are NaN when only one class is present"; only the ROC-AUC is.
        assertThat(m.prAuc()).isCloseTo(1.0, EXACT);
        // top = max(1, 4 / 10) = 1 ticket, rate 1 / overall rate 1
        assertThat(m.liftTop10()).isCloseTo(1.0, EXACT);
    }

    @Test
    void prAucIsAveragePrecision() {
        // Rank 1 (0.9): a breach, precision 1/1, recall step 1/2 -> 0.5
        // Rank 3 (0.3): a breach, precision 2/3, recall step 1/2 -> 1/3
        // AP = 0.5 + 1/3 = 5/6
        assertThat(BinaryMetrics.of(P, Y).prAuc()).isCloseTo(5 / 6.0, EXACT);
    }

    @Test
    void prAucTakesTiedScoresAsOneThreshold() {
        double[] p = {0.8, 0.5, 0.5, 0.5, 0.2};
        int[] y = {1, 1, 0, 0, 0};
        // Threshold 0.8: 1 breach of 1 flagged, recall step 1/2 -> 1/2 x 1 = 0.5
        // Threshold 0.5: 2 breaches of 4 flagged, recall step 1/2 -> 1/2 x 2/4 = 0.25
        // Threshold 0.2: no new breach -> 0; AP = 0.75 whatever the order of the tied rows
        assertThat(BinaryMetrics.of(p, y).prAuc()).isCloseTo(0.75, EXACT);
        assertThat(BinaryMetrics.of(new double[] {0.8, 0.5, 0.5, 0.5, 0.2}, new int[] {1, 0, 0, 1, 0}).prAuc())
                .isCloseTo(0.75, EXACT);
    }

    @Test
    void brierIsTheMeanSquaredError() {
        // (0.9-1)^2 + (0.8-0)^2 + (0.3-1)^2 + (0.1-0)^2 = 0.01 + 0.64 + 0.49 + 0.01 = 1.15; / 4 = 0.2875
        assertThat(BinaryMetrics.of(P, Y).brier()).isCloseTo(0.2875, EXACT);
    }

    @Test
    void logLossIsTheMeanNegativeLogLikelihood() {
        // -(ln 0.9 + ln(1-0.8) + ln 0.3 + ln(1-0.1)) / 4
        //   = -(-0.105361 - 1.609438 - 1.203973 - 0.105361) / 4 = 3.024132 / 4 = 0.756033
        double expected = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.3) + Math.log(0.9)) / 4;
        assertThat(BinaryMetrics.of(P, Y).logLoss()).isCloseTo(expected, EXACT).isCloseTo(0.756033, within(1e-6));
    }

    @Test
    void logLossClipsCertainWrongAnswersToAFiniteValue() {
        // p = 0 for a breach is read as 1e-15: -ln(1e-15) = 15 ln 10 = 34.538776...
        // p = 1 for a breach is read as 1 - 1e-15: -ln(1 - 1e-15) ~ 1e-15, negligible
        // mean = (34.538776 + 0) / 2 = 17.269388
        BinaryMetrics m = BinaryMetrics.of(new double[] {0.0, 1.0}, new int[] {1, 1});
        assertThat(m.logLoss()).isFinite().isCloseTo(15 * Math.log(10) / 2, within(1e-9));
    }

    @Test
    void eceWeighsEachBinsGapByItsShare() {
        // One prediction per bin (0.9 -> bin 9, 0.8 -> 8, 0.3 -> 3, 0.1 -> 1); gaps |p - y|: 0.1, 0.8, 0.7, 0.1
        // ECE = (0.1 + 0.8 + 0.7 + 0.1) / 4 = 1.7 / 4 = 0.425
        assertThat(BinaryMetrics.of(P, Y).ece()).isCloseTo(0.425, EXACT);
    }

    @Test
    void eceAveragesWithinABinBeforeTakingTheGap() {
        double[] p = {0.05, 0.15, 0.12, 0.55, 0.58, 1.0};
        int[] y = {0, 0, 1, 1, 0, 1};
        // bin 0 {0.05}: gap |0.05 - 0| = 0.05, weight 1/6
        // bin 1 {0.15, 0.12}: mean 0.135, rate 1/2, gap 0.365, weight 2/6
        // bin 5 {0.55, 0.58}: mean 0.565, rate 1/2, gap 0.065, weight 2/6
        // bin 9 {1.0}: gap 0, weight 1/6
        // ECE = (0.05 + 2 x 0.365 + 2 x 0.065 + 0) / 6 = (0.05 + 0.73 + 0.13) / 6 = 0.91 / 6
        assertThat(BinaryMetrics.of(p, y).ece()).isCloseTo(0.91 / 6, EXACT);
    }

    @Test
    void calibrationListsTheNonEmptyBinsLowestFirst() {
        double[] p = {0.05, 0.15, 0.12, 0.55, 0.58, 1.0};
        int[] y = {0, 0, 1, 1, 0, 1};
        List<CalibrationBin> bins = BinaryMetrics.calibration(p, y, 10);
        assertThat(bins).hasSize(4); // bins 0, 1, 5 and 9; the other six are empty and left out
        assertBin(bins.get(0), 0.05, 0.0, 1);
        assertBin(bins.get(1), 0.135, 0.5, 2); // (0.15 + 0.12) / 2; (0 + 1) / 2
        assertBin(bins.get(2), 0.565, 0.5, 2); // (0.55 + 0.58) / 2; (1 + 0) / 2
        assertBin(bins.get(3), 1.0, 1.0, 1); // p = 1 is kept in the last bin, not an eleventh
    }

    @Test
    void calibrationBinEdgesBelongToTheUpperBin() {
        // Four bins [0, .25), [.25, .5), [.5, .75), [.75, 1]
        double[] p = {0.0, 0.25, 0.5, 0.75, 1.0};
        int[] y = {0, 0, 1, 1, 1};
        List<CalibrationBin> bins = BinaryMetrics.calibration(p, y, 4);
        assertThat(bins).hasSize(4);
        assertBin(bins.get(0), 0.0, 0.0, 1); // 0.0 x 4 = 0 -> bin 0
        assertBin(bins.get(1), 0.25, 0.0, 1); // 0.25 x 4 = 1 -> bin 1
        assertBin(bins.get(2), 0.5, 1.0, 1); // 0.5 x 4 = 2 -> bin 2
        assertBin(bins.get(3), 0.875, 1.0, 2); // 0.75 -> bin 3, 1.0 -> min(3, 4) = 3; mean (0.75 + 1) / 2
    }

    @Test
    void liftComparesTheTopTenthsBreachRateWithTheOverallRate() {
        double[] p = {0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
        // top = max(1, 10 / 10) = 1 prediction (0.95), a breach: rate 1; overall 2 / 10 = 0.2; lift 1 / 0.2 = 5
        assertThat(BinaryMetrics.of(p, new int[] {1, 0, 0, 0, 0, 0, 1, 0, 0, 0}).liftTop10()).isCloseTo(5.0, EXACT);
        // The top prediction is met: rate 0; lift 0 / 0.2 = 0
        assertThat(BinaryMetrics.of(p, new int[] {0, 1, 0, 0, 0, 0, 1, 0, 0, 0}).liftTop10()).isCloseTo(0.0, EXACT);
    }

    @Test
    void liftOnFewerThanTenPredictionsTakesTheSingleHighest() {
        // n = 4: top = max(1, 4 / 10 = 0) = 1; 0.9 is a breach: rate 1; overall 2 / 4 = 0.5; lift 1 / 0.5 = 2
        assertThat(BinaryMetrics.of(P, Y).liftTop10()).isCloseTo(2.0, EXACT);
    }

    @Test
    void noPredictionsGiveNaNNotAnException() {
        BinaryMetrics m = BinaryMetrics.of(new double[0], new int[0]);
        assertThat(m.n()).isZero();
        assertThat(m.positives()).isZero();
        assertThat(List.of(m.rocAuc(), m.prAuc(), m.brier(), m.logLoss(), m.ece(), m.liftTop10()))
                .allMatch(v -> v.isNaN());
        assertThat(m.asMap().get("breach_rate")).isNaN(); // 0 / 0
    }

    @Test
    void asMapNamesTheMetricsInBundleOrder() {
        BinaryMetrics m = BinaryMetrics.of(P, Y);
        assertThat(List.copyOf(m.asMap().keySet())).containsExactly("roc_auc", "pr_auc", "brier", "log_loss", "ece",
                "lift_top10", "breach_rate", "n");
        assertThat(m.asMap().get("roc_auc")).isCloseTo(0.75, EXACT); // as above
        assertThat(m.asMap().get("pr_auc")).isCloseTo(5 / 6.0, EXACT);
        assertThat(m.asMap().get("brier")).isCloseTo(0.2875, EXACT);
        assertThat(m.asMap().get("ece")).isCloseTo(0.425, EXACT);
        assertThat(m.asMap().get("lift_top10")).isCloseTo(2.0, EXACT);
        assertThat(m.asMap().get("breach_rate")).isCloseTo(0.5, EXACT); // 2 / 4
        assertThat(m.asMap().get("n")).isEqualTo(4.0);
    }

    @Test
    void rocCurveStepsThroughTheScoresHighestFirst() {
        // From (0, 0): 0.9 breach -> tpr 1/2; 0.8 met -> fpr 1/2; 0.3 breach -> tpr 1; 0.1 met -> fpr 1
        double[][] roc = BinaryMetrics.rocCurve(P, Y);
        assertThat(roc[0]).containsExactly(0, 0, 0.5, 0.5, 1); // false positive rate
        assertThat(roc[1]).containsExactly(0, 0.5, 0.5, 1, 1); // true positive rate
    }

    @Test
    void prCurveStartsAtRecallZeroPrecisionOne() {
        // recall: 0, 1/2, 1/2, 2/2, 2/2; precision: 1 (start), 1/1, 1/2, 2/3, 2/4
        double[][] pr = BinaryMetrics.prCurve(P, Y);
        assertThat(pr[0]).containsExactly(0, 0.5, 0.5, 1, 1);
        assertThat(pr[1]).containsExactly(new double[] {1, 1, 0.5, 2 / 3.0, 0.5}, within(1e-12));
    }

    private static void assertBin(CalibrationBin b, double meanPredicted, double observedRate, int count) {
        assertThat(b.meanPredicted()).isCloseTo(meanPredicted, EXACT);
        assertThat(b.observedRate()).isCloseTo(observedRate, EXACT);
        assertThat(b.count()).isEqualTo(count);
    }
}
