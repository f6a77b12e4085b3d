package org.slacast.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slacast.core.band.RiskBand.ON_TRACK;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.HIGH;
import static org.slacast.core.ticket.Priority.LOW;
import static org.slacast.training.eval.EvaluationTest.COST;
import static org.slacast.training.eval.EvaluationTest.EXACT;
import static org.slacast.training.eval.EvaluationTest.P;
import static org.slacast.training.eval.EvaluationTest.TEST;
import static org.slacast.training.eval.TestExamples.example;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.cost.CostModel;
import org.slacast.training.data.Example;

class DecisionSavingsTest {
    @Test
    void actWhereTheExpectedSavingIsPositiveOncePerTicketAtCreation() {
        // Critical 100, low 10, intervention 10, effectiveness 0.5; rows at creation:
        //   T1 0.9 critical breached: 0.9 x 100 x 0.5 - 10 = 35 > 0, act; realised 100 x 0.5 - 10 = 40
        //   T2 0.6 low met:      0.6 x 10 x 0.5 - 10 = -7, leave
        //   T3 0.4 low breached: 0.4 x 10 x 0.5 - 10 = -8, leave
        //   T4 0.1 critical met: 0.1 x 100 x 0.5 - 10 = -5, leave
        DecisionSavings s = DecisionSavings.of(TEST, P, COST);
        assertThat(s.tickets()).isEqualTo(4);
        assertThat(s.interventions()).isEqualTo(1);
        assertThat(s.spend()).isCloseTo(10, EXACT);
        assertThat(s.netSavings()).isCloseTo(40, EXACT);
        assertThat(s.roi()).isCloseTo(4, EXACT);
        assertThat(s.perTicket()).containsExactly(40, 0, 0, 0);
        assertThat(s.months()).containsExactly(new DecisionSavings.Month(YearMonth.of(2025, 3), 4, 1, 10, 40));
        // Each resample draws T1 0-4 times: net savings are 0, 40, ..., 160; the interval holds 40.
        assertThat(s.savingsLow()).isBetween(0.0, 40.0);
        assertThat(s.savingsHigh()).isBetween(40.0, 160.0);
        assertThat(s.savingsLow() % 40).isZero();
        assertThat(DecisionSavings.of(TEST, P, COST)).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void aPriorityRateActsPerPriorityUnderTheSameRule() {
        // The priority baseline's probability is its priority's training rate: critical 0.3, high 0.15, low 0.5.
        // Critical 500 x 0.5 = 250 per breach: 0.3 x 250 - 20 = 55, act on all; high 200: 0.15 x 100 - 20 = -5,
        // none; low 10: never. Two critical tickets, one breached: 250 - 20 + 0 - 20 = 210.
        List<Example> test = List.of(example("A", 0, 1, CRITICAL, 1, "a", ON_TRACK),
                example("B", 0, 0, CRITICAL, 1, "a", ON_TRACK), example("C", 0, 1, HIGH, 1, "a", ON_TRACK),
                example("D", 0, 1, LOW, 1, "a", ON_TRACK));
        DecisionSavings s = DecisionSavings.of(test, new double[] {0.3, 0.3, 0.15, 0.5}, CostModel.defaults());
        assertThat(s.interventions()).isEqualTo(2);
        assertThat(s.netSavings()).isCloseTo(210, EXACT);
        assertThat(s.roi()).isCloseTo(210 / 40.0, EXACT);
    }

    @Test
    void theContractsPenaltyAndTheCheckpointsEffectivenessApply() {
        CostModel c = new CostModel(Map.of(HIGH, 200.0), 20, 0.5, Map.of(), Map.of(),
                List.of(new CostModel.EffectivenessStep(0, 0.5), new CostModel.EffectivenessStep(0.25, 0.2)));
        Example atCreation = example("A", 0, 1, HIGH, 1, "a", ON_TRACK);
        Example later = example("A", 1, 1, HIGH, 1, "a", ON_TRACK); // 0.25 of the target gone
        // 0.3 x 200 x 0.5 - 20 = 10 at creation; 0.3 x 200 x 0.2 - 20 = -8 at a quarter
        assertThat(DecisionSavings.decide(c, atCreation, 0.3).saving()).isCloseTo(10, EXACT);
        assertThat(DecisionSavings.decide(c, later, 0.3).saving()).isCloseTo(-8, EXACT);
        assertThat(DecisionSavings.realised(DecisionSavings.decide(c, atCreation, 0.3), true)).isCloseTo(80, EXACT);
        assertThat(DecisionSavings.realised(DecisionSavings.decide(c, later, 0.3), true)).isZero();
    }

    @Test
    void aPairedDifferenceComparesTwoRulesOnTheSameTickets() {
        DecisionSavings a = DecisionSavings.of(TEST, P, COST);
        DecisionSavings none = DecisionSavings.of(TEST, new double[6], COST);
        double[] d = DecisionSavings.difference(a, none);
        assertThat(d[0]).isCloseTo(40, EXACT);
        assertThat(d[1]).isEqualTo(a.savingsLow()); // the same resamples: none saves 0 in each
        assertThat(d[2]).isEqualTo(a.savingsHigh());
    }
}
