package org.slacast.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.LOW;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.slacast.core.cost.CostModel;
import org.slacast.core.ticket.Priority;

class CostThresholdTest {
    static final Offset<Double> EXACT = within(1e-9);

    // A breach costs 100 (critical) or 10 (low); acting costs 10 and halves the penalty of a breach.
    // Doing nothing costs the penalty; acting costs 10 + penalty / 2.
    static final CostModel COST = new CostModel(Map.of(CRITICAL, 100.0, LOW, 10.0), 10, 0.5);

    //                               no action   act
    // A 0.9 breach   critical       100         10 + 50 = 60
    // B 0.6 met      critical         0         10
    // C 0.3 breach   critical       100         60
    // D 0.2 met      low              0         10
    static final double[] P = {0.9, 0.6, 0.3, 0.2};
    static final int[] Y = {1, 0, 1, 0};
    static final Priority[] PR = {CRITICAL, CRITICAL, CRITICAL, LOW};

    @Test
    void choosesTheThresholdWithTheLowestTotalCost() {
        CostThreshold c = CostThreshold.choose(P, Y, PR, COST);
        // Total cost by threshold t (a ticket is acted on when p >= t):
        //   t <= 0.20: A B C D acted  60 + 10 + 60 + 10 = 140
        //   0.20 < t <= 0.30: A B C   60 + 10 + 60 + 0  = 130  <- lowest; the first grid point is 0.21
        //   0.30 < t <= 0.60: A B     60 + 10 + 100     = 170
        //   0.60 < t <= 0.90: A       60 + 100          = 160
        //   t > 0.90: nobody          100 + 100         = 200
        assertThat(c.threshold()).isEqualTo(0.21);
        assertThat(c.costNoAction()).isCloseTo(200, EXACT); // A and C breach: 100 + 100
        assertThat(c.costAtChoice()).isCloseTo(130, EXACT);
        assertThat(c.interventions()).isEqualTo(3); // A, B, C
        assertThat(c.spend()).isCloseTo(30, EXACT); // 3 x 10
        assertThat(c.netSavings()).isCloseTo(70, EXACT); // 200 - 130
        assertThat(c.roi()).isCloseTo(70 / 30.0, EXACT); // 70 saved per 30 spent
    }

    @Test
    void theCurveHoldsTheTotalCostAtEachPercentFrom1To99() {
        List<double[]> curve = CostThreshold.choose(P, Y, PR, COST).curve();
        assertThat(curve).hasSize(99); // 0.01, 0.02, ..., 0.99
        assertPoint(curve.get(0), 0.01, 140);
        assertPoint(curve.get(19), 0.20, 140); // 0.2 >= 0.20: D still acted on
        assertPoint(curve.get(20), 0.21, 130);
        assertPoint(curve.get(29), 0.30, 130); // 0.3 >= 0.30: C still acted on
        assertPoint(curve.get(30), 0.31, 170);
        assertPoint(curve.get(59), 0.60, 170);
        assertPoint(curve.get(60), 0.61, 160);
        assertPoint(curve.get(89), 0.90, 160);
        assertPoint(curve.get(90), 0.91, 200);
        assertPoint(curve.get(98), 0.99, 200);
    }

    @Test
    void whenActingNeverPaysTheChoiceIsToActOnNobody() {
        // An intervention costs 1000: each ticket acted on costs more than its whole penalty.
        CostModel dear = new CostModel(Map.of(CRITICAL, 100.0, LOW, 10.0), 1000, 0.5);
        CostThreshold c = CostThreshold.choose(P, Y, PR, dear);
        // Cost 200 for every t above the highest score 0.9; the first such grid point is 0.91
        assertThat(c.threshold()).isEqualTo(0.91);
        assertThat(c.interventions()).isZero();
        assertThat(c.spend()).isZero();
        assertThat(c.costAtChoice()).isCloseTo(200, EXACT);
        assertThat(c.netSavings()).isCloseTo(0, EXACT); // 200 - 200
        assertThat(c.roi()).isZero(); // nothing spent: 0, not 0 / 0
    }

    @Test
    void atReportsAGivenThresholdAndCarriesTheCurveAlong() {
        List<double[]> curve = List.of(new double[] {0.5, 1});
        CostThreshold c = CostThreshold.at(P, Y, PR, COST, 0.5, curve);
        // Acted on: A (0.9) and B (0.6): 60 + 10; C breaches unhelped: 100; D: 0 -> 170
        assertThat(c.threshold()).isEqualTo(0.5);
        assertThat(c.curve()).isSameAs(curve);
        assertThat(c.costNoAction()).isCloseTo(200, EXACT);
        assertThat(c.costAtChoice()).isCloseTo(170, EXACT);
        assertThat(c.interventions()).isEqualTo(2);
        assertThat(c.spend()).isCloseTo(20, EXACT); // 2 x 10
        assertThat(c.netSavings()).isCloseTo(30, EXACT); // 200 - 170
        assertThat(c.roi()).isCloseTo(1.5, EXACT); // 30 / 20
    }

    @Test
    void aThresholdThatActsTooOftenShowsANegativeReturn() {
        // Intervention 100: acting on everyone costs A 100 + 50, B 100, C 150, D 100 = 500
        CostModel dear = new CostModel(Map.of(CRITICAL, 100.0, LOW, 10.0), 100, 0.5);
        CostThreshold c = CostThreshold.at(P, Y, PR, dear, 0.0, List.of());
        assertThat(c.costAtChoice()).isCloseTo(500, EXACT);
        assertThat(c.interventions()).isEqualTo(4);
        assertThat(c.spend()).isCloseTo(400, EXACT); // 4 x 100
        assertThat(c.netSavings()).isCloseTo(-300, EXACT); // 200 - 500
        assertThat(c.roi()).isCloseTo(-0.75, EXACT); // -300 / 400
    }

    @Test
    void usesThePenaltyOfEachTicketsPriority() {
        // Defaults: critical 500, low 10, intervention 20 at 50%.
        // A critical breach at 0.5, acted on: 20 + 500 x 0.5 = 270 instead of 500.
        // A low breach at 0.5, acted on: 20 + 10 x 0.5 = 25 instead of 10.
        CostThreshold c = CostThreshold.at(new double[] {0.5, 0.5}, new int[] {1, 1}, new Priority[] {CRITICAL, LOW},
                CostModel.defaults(), 0.5, List.of());
        assertThat(c.costNoAction()).isCloseTo(510, EXACT); // 500 + 10
        assertThat(c.costAtChoice()).isCloseTo(295, EXACT); // 270 + 25
        assertThat(c.netSavings()).isCloseTo(215, EXACT); // 510 - 295
        assertThat(c.roi()).isCloseTo(5.375, EXACT); // 215 / (2 x 20)
    }

    @Test
    void noPredictionsCostNothing() {
        CostThreshold c = CostThreshold.choose(new double[0], new int[0], new Priority[0], COST);
        // Every threshold costs 0; the first, 0.01, is the lowest.
        assertThat(c.threshold()).isEqualTo(0.01);
        assertThat(c.costNoAction()).isZero();
        assertThat(c.costAtChoice()).isZero();
        assertThat(c.interventions()).isZero();
        assertThat(c.roi()).isZero();
    }

    private static void assertPoint(double[] point, double threshold, double cost) {
        assertThat(point[0]).isCloseTo(threshold, EXACT);
        assertThat(point[1]).isCloseTo(cost, EXACT);
    }
}
