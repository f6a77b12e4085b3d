package org.slacast.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.slacast.core.band.RiskBand.ON_TRACK;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.LOW;
import static org.slacast.training.eval.TestExamples.example;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.slacast.core.cost.CostModel;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.data.Example;

class EvaluationTest {
    static final Offset<Double> EXACT = within(1e-9);
    static final CostModel COST = new CostModel(Map.of(CRITICAL, 100.0, LOW, 10.0), 10, 0.5);

    //      ticket checkpoint breached priority tier team    p
    // 0    T1     0          1        critical 1    a       0.9
    // 1    T1     1          1        critical 2    a       0.8
    // 2    T2     0          0        low      1    (none)  0.6
    // 3    T2     1          0        low      1    (none)  0.3
    // 4    T3     0          1        low      2    b       0.4
    // 5    T4     0          0        critical 1    b       0.1
    static final List<Example> TEST = List.of(
            example("T1", 0, 1, CRITICAL, 1, "a", ON_TRACK),
            example("T1", 1, 1, CRITICAL, 2, "a", ON_TRACK),
            example("T2", 0, 0, LOW, 1, null, ON_TRACK),
            example("T2", 1, 0, LOW, 1, null, ON_TRACK),
            example("T3", 0, 1, LOW, 2, "b", ON_TRACK),
            example("T4", 0, 0, CRITICAL, 1, "b", ON_TRACK));
    static final double[] P = {0.9, 0.8, 0.6, 0.3, 0.4, 0.1};
    static final List<double[]> CURVE = List.of(new double[] {0.5, 80});

    static Evaluation evaluation() {
        return Evaluation.of("m", TEST, P, 0.5, CURVE, COST);
    }

    @Test
    void overallMetricsUseEveryCheckpoint() {
        BinaryMetrics m = evaluation().overall();
        assertThat(m.n()).isEqualTo(6);
        assertThat(m.positives()).isEqualTo(3);
        // Breaches {0.9, 0.8, 0.4} vs met {0.6, 0.3, 0.1}: 0.9 and 0.8 beat all 3, 0.4 beats 2 -> 8 / 9
        assertThat(m.rocAuc()).isCloseTo(8 / 9.0, EXACT);
    }

    @Test
    void atCreationMetricsUseCheckpointZeroOnly() {
        BinaryMetrics m = evaluation().atCreation();
        assertThat(m.n()).isEqualTo(4); // rows 0, 2, 4, 5
        assertThat(m.positives()).isEqualTo(2);
        // Breaches {0.9, 0.4} vs met {0.6, 0.1}: 0.9 beats both, 0.4 beats 0.1 -> 3 / 4
        assertThat(m.rocAuc()).isCloseTo(0.75, EXACT);
    }

    @Test
    void theConfusionIsAtTheGivenThresholdOverEveryCheckpoint() {
        // >= 0.5: 0.9 and 0.8 breaches (tp 2), 0.6 met (fp 1); below: 0.4 breach (fn 1), 0.3 and 0.1 met (tn 2)
        assertThat(evaluation().confusion()).isEqualTo(new Confusion(0.5, 2, 1, 2, 1));
    }

    @Test
    void costIsCountedOncePerTicketAtCreation() {
        CostThreshold c = evaluation().cost();
        // Rows 0, 2, 4, 5 at threshold 0.5:
        //   T1 0.9 breach critical, acted: 10 + 50 = 60 (no action 100)
        //   T2 0.6 met low, acted: 10 (0)
        //   T3 0.4 breach low, not acted: 10 (10)
        //   T4 0.1 met critical, not acted: 0 (0)
        assertThat(c.threshold()).isEqualTo(0.5);
        assertThat(c.costNoAction()).isCloseTo(110, EXACT); // 100 + 10
        assertThat(c.costAtChoice()).isCloseTo(80, EXACT); // 60 + 10 + 10 + 0
        assertThat(c.interventions()).isEqualTo(2); // T1, T2
        assertThat(c.netSavings()).isCloseTo(30, EXACT); // 110 - 80
        assertThat(c.roi()).isCloseTo(1.5, EXACT); // 30 / (2 x 10)
        assertThat(c.curve()).isSameAs(CURVE);
    }

    @Test
    void segmentsAreCutByPriorityTierTeamAndCheckpointInNameOrder() {
        assertThat(evaluation().segments()).extracting(Segment::dimension, Segment::value, s -> s.metrics().n())
                .containsExactly(
                        tuple("priority", "critical", 3), tuple("priority", "low", 3),
                        tuple("tier", "L1", 4), tuple("tier", "L2", 2),
                        tuple("team", "(none)", 2), tuple("team", "a", 2), tuple("team", "b", 2),
                        tuple("checkpoint", "0", 4), tuple("checkpoint", "1", 2));
    }

    @Test
    void eachSegmentHasItsOwnMetricsAndConfusion() {
        List<Segment> s = evaluation().segments();
        Segment critical = s.get(0);
        // Rows 0, 1, 5: p {0.9, 0.8, 0.1}, breached {1, 1, 0}: both breaches above the met -> 2 / 2
        assertThat(critical.metrics().rocAuc()).isCloseTo(1.0, EXACT);
        assertThat(critical.confusion()).isEqualTo(new Confusion(0.5, 2, 0, 1, 0));
        Segment low = s.get(1);
        // Rows 2, 3, 4: p {0.6, 0.3, 0.4}, breached {0, 0, 1}: 0.4 beats 0.3, loses to 0.6 -> 1 / 2
        assertThat(low.metrics().rocAuc()).isCloseTo(0.5, EXACT);
        assertThat(low.confusion()).isEqualTo(new Confusion(0.5, 0, 1, 1, 1)); // 0.6 fp, 0.3 tn, 0.4 fn
        Segment noTeam = s.get(4);
        assertThat(noTeam.metrics().rocAuc()).isNaN(); // rows 2, 3: no breach
    }

    @Test
    void curvesAndCalibrationCoverEveryCheckpoint() {
        Evaluation e = evaluation();
        int[] y = {1, 1, 0, 0, 1, 0};
        assertThat(e.roc()).isDeepEqualTo(BinaryMetrics.rocCurve(P, y));
        assertThat(e.pr()).isDeepEqualTo(BinaryMetrics.prCurve(P, y));
        assertThat(e.roc()[0]).hasSize(7); // (0, 0) and one point per row
        // Six scores in six different tenths (0.1, 0.3, 0.4, 0.6, 0.8, 0.9): six bins of one
        assertThat(e.calibration()).hasSize(6).allMatch(b -> b.count() == 1);
    }

    @Test
    void headlineAddsTheDecisionFiguresToTheOverallMetrics() {
        Map<String, Double> h = evaluation().headline();
        assertThat(h.keySet()).containsExactly("roc_auc", "pr_auc", "brier", "log_loss", "ece", "lift_top10",
                "breach_rate", "n", "roc_auc_at_creation", "brier_at_creation", "threshold", "precision", "recall", "f1", "net_savings",
                "net_savings_low", "interventions", "roi");
        assertThat(h.get("roc_auc")).isCloseTo(8 / 9.0, EXACT);
        assertThat(h.get("breach_rate")).isCloseTo(0.5, EXACT); // 3 / 6
        assertThat(h.get("n")).isEqualTo(6.0);
        assertThat(h.get("roc_auc_at_creation")).isCloseTo(0.75, EXACT);
        // Rows 0, 2, 4 and 5: (0.01 + 0.36 + 0.36 + 0.01) / 4, which the promotion gate compares at creation.
        assertThat(h.get("brier_at_creation")).isCloseTo(0.185, EXACT);
        assertThat(h.get("threshold")).isEqualTo(0.5);
        assertThat(h.get("precision")).isCloseTo(2 / 3.0, EXACT); // 2 / (2 + 1)
        assertThat(h.get("recall")).isCloseTo(2 / 3.0, EXACT); // 2 / (2 + 1)
        assertThat(h.get("f1")).isCloseTo(2 / 3.0, EXACT);
        // The expected-value rule acts on T1 only (see DecisionSavingsTest): 40 net on a spend of 10.
        assertThat(h.get("net_savings")).isCloseTo(40, EXACT);
        assertThat(h.get("interventions")).isEqualTo(1.0);
        assertThat(h.get("roi")).isCloseTo(4, EXACT);
    }

    @Test
    void theNameIsKept() {
        assertThat(evaluation().name()).isEqualTo("m");
    }
}
