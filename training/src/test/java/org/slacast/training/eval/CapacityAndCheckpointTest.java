package org.slacast.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slacast.core.band.RiskBand.ON_TRACK;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.HIGH;
import static org.slacast.training.eval.EvaluationTest.EXACT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.band.RiskBand;
import org.slacast.core.cost.Capacity;
import org.slacast.core.cost.CostModel;
import org.slacast.core.ticket.Priority;
import org.slacast.training.data.Example;

class CapacityAndCheckpointTest {
    /** Critical 500, high 200; cost 20; effectiveness 0.5 at creation, 0.4 from a quarter, 0.1 from a half. */
    static final CostModel COST = new CostModel(Map.of(CRITICAL, 500.0, HIGH, 200.0), 20, 0.5, Map.of(), Map.of(),
            List.of(new CostModel.EffectivenessStep(0, 0.5), new CostModel.EffectivenessStep(0.25, 0.4),
                    new CostModel.EffectivenessStep(0.5, 0.1)));
    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    static Example at(String id, Instant created, int checkpoint, int label, Priority p) {
        return new Example(id, created, created, checkpoint, label, new double[0], p, 1, "t", "s", RiskBand.ON_TRACK,
                9, 1, null, null, null, 0.25 * checkpoint);
    }

    @Test
    void theTopKByExpectedSavingAreTakenInEachWindow() {
        // 09:00-10:00: A critical 0.4 breached (saving 0.4 x 250 - 20 = 80, realised 230), B critical 0.2 met (30,
        // realised -20), C high 0.5 breached (0.5 x 100 - 20 = 30, realised 80); 10:00-11:00: D high 0.3 met (10,
        // realised -20), E high 0.1 (-10: never).
        List<Example> test = List.of(at("A", NINE, 0, 1, CRITICAL), at("B", NINE.plusSeconds(60), 0, 0, CRITICAL),
                at("C", NINE.plusSeconds(120), 0, 1, HIGH), at("D", NINE.plusSeconds(3600), 0, 0, HIGH),
                at("E", NINE.plusSeconds(3700), 0, 1, HIGH));
        double[] p = {0.4, 0.2, 0.5, 0.3, 0.1};
        CapacityRanking c = CapacityRanking.of(test, p, COST, new Capacity(1, Duration.ofHours(1)));
        assertThat(c.uncapped()).isEqualTo(new CapacityRanking.Point(-1, 4, 230 - 20 + 80 - 20));
        // K = 1: A (80) in the first hour, D in the second: 230 - 20
        assertThat(c.capped()).isEqualTo(new CapacityRanking.Point(1, 2, 210));
        // K = 2: A and one of B, C tied at 30 (order kept: B first), D: 230 - 20 - 20 = 190; K = 3: all four
        assertThat(c.curve()).extracting(CapacityRanking.Point::interventions).containsExactly(0L, 2L, 3L, 4L);
        assertThat(c.curve().get(2).netSavings()).isCloseTo(190, EXACT);
        assertThat(c.curve().get(3).netSavings()).isCloseTo(270, EXACT);
    }

    @Test
    void laterCheckpointsKnowMoreButPreventLess() {
        // T1 breached critical: p 0.1 at creation (0.1 x 250 - 20 = 5, act: realised 230), 0.6 at 25%
        //    (0.6 x 200 - 20 = 100, act: 180), 0.9 at 50% (0.9 x 50 - 20 = 25, act: 30).
        // T2 met high: p 0.3 at creation (0.3 x 100 - 20 = 10, act: -20), 0.1 at 25% (0.1 x 80 - 20 < 0, leave).
        // T3 breached high: 0.2 at creation (0.2 x 100 - 20 = 0, leave); resolved before a quarter: no more rows.
        // T4 breached high, first seen at 25% (not from creation): left out.
        List<Example> test = List.of(at("T1", NINE, 0, 1, CRITICAL), at("T1", NINE, 1, 1, CRITICAL),
                at("T1", NINE, 2, 1, CRITICAL), at("T2", NINE, 0, 0, HIGH), at("T2", NINE, 1, 0, HIGH),
                at("T3", NINE, 0, 1, HIGH), at("T4", NINE, 1, 1, HIGH));
        double[] p = {0.1, 0.6, 0.9, 0.3, 0.1, 0.2, 0.99};
        CheckpointDecisions c = CheckpointDecisions.of(test, p, COST);
        assertThat(c.tickets()).isEqualTo(3);
        assertThat(c.byIndex()).containsExactly(new CheckpointDecisions.Policy(0, 2, 230 - 20),
                new CheckpointDecisions.Policy(1, 1, 180), new CheckpointDecisions.Policy(2, 1, 30));
        assertThat(c.best()).isZero();
        // The first alarm: T1 at creation (230), T2 at creation (-20)
        assertThat(c.firstAlarm()).isEqualTo(new CheckpointDecisions.Policy(-1, 2, 210));
    }
}
