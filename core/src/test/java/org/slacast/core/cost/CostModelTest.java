package org.slacast.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.HIGH;
import static org.slacast.core.ticket.Priority.LOW;
import static org.slacast.core.ticket.Priority.MEDIUM;
import static org.slacast.core.ticket.Priority.PLANNING;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.BadInputException;

class CostModelTest {
    static final CostModel MODEL = new CostModel(Map.of(CRITICAL, 500.0, HIGH, 200.0, MEDIUM, 50.0), 20, 0.6,
            Map.of("platinum", Map.of(CRITICAL, 1000.0)), Map.of("Acme", 1.5),
            List.of(new CostModel.EffectivenessStep(0.5, 0.3), new CostModel.EffectivenessStep(0, 0.6),
                    new CostModel.EffectivenessStep(0.25, 0.5)));

    @Test
    void thePenaltyIsTheContractsForThePriorityTimesTheCustomersWeight() {
        assertThat(MODEL.penalty(CRITICAL, null, null)).isEqualTo(500.0);
        assertThat(MODEL.penalty(CRITICAL, "platinum", null)).isEqualTo(1000.0);
        assertThat(MODEL.penalty(HIGH, "platinum", null)).isEqualTo(200.0); // the contract sets critical only
        assertThat(MODEL.penalty(CRITICAL, "platinum", "Acme")).isEqualTo(1500.0);
        assertThat(MODEL.penalty(LOW, "gold", "Acme")).isEqualTo(0.0); // no penalty given: 0
    }

    @Test
    void effectivenessStepsDownAsTheTargetsTimeGoes() {
        assertThat(MODEL.effectivenessSteps()).extracting(CostModel.EffectivenessStep::from)
                .containsExactly(0.0, 0.25, 0.5);
        assertThat(MODEL.effectiveness(0)).isEqualTo(0.6);
        assertThat(MODEL.effectiveness(0.2499)).isEqualTo(0.6);
        assertThat(MODEL.effectiveness(0.25)).isEqualTo(0.5);
        assertThat(MODEL.effectiveness(0.9)).isEqualTo(0.3);
        assertThat(CostModel.defaults().effectiveness(0.9)).isEqualTo(0.5); // no steps: one share throughout
    }

    @Test
    void actExactlyWhenTheExpectedSavingIsPositive() {
        // 0.1 x 500 x 0.6 - 20 = 10: act
        Decision d = MODEL.decide(0.1, CRITICAL, null, null, 0);
        assertThat(d.saving()).isCloseTo(10, within(1e-9));
        assertThat(d.act()).isTrue();
        assertThat(d.reason()).isEqualTo("expected saving 10.00 = 0.1 × 500 × 0.6 − 20: act");
        // at 60% of the target: 0.1 x 500 x 0.3 - 20 = -5: do not act
        Decision late = MODEL.decide(0.1, CRITICAL, null, null, 0.6);
        assertThat(late.saving()).isCloseTo(-5, within(1e-9));
        assertThat(late.act()).isFalse();
        assertThat(late.reason()).isEqualTo("expected saving -5.00 = 0.1 × 500 × 0.3 − 20: do not act");
        // exactly break-even, 0.2 x 200 x 0.5 - 20 = 0, does not pay
        assertThat(MODEL.decide(0.2, HIGH, null, null, 0.3).act()).isFalse();
    }

    @Test
    void theImpliedThresholdIsTheCostOverPenaltyTimesEffectiveness() {
        assertThat(MODEL.threshold(CRITICAL, null, null, 0)).isCloseTo(20 / 300.0, within(1e-12)); // 0.0667
        assertThat(MODEL.threshold(HIGH, null, null, 0)).isCloseTo(20 / 120.0, within(1e-12)); // 0.1667
        assertThat(MODEL.threshold(MEDIUM, null, null, 0)).isCloseTo(20 / 30.0, within(1e-12)); // 0.667
        assertThat(MODEL.threshold(CRITICAL, "platinum", null, 0)).isCloseTo(20 / 600.0, within(1e-12));
        assertThat(MODEL.threshold(PLANNING, null, null, 0)).isInfinite();
        // the defaults: 20 / (10 x 0.5) = 4: acting on a low ticket never pays
        assertThat(CostModel.defaults().threshold(LOW, null, null, 0)).isEqualTo(4.0);
    }

    @Test
    void oldBundlesWithoutTheNewPartsReadAsOneRatePerPriority() {
        CostModel old = new CostModel(Map.of(CRITICAL, 500.0), 20, 0.5, null, null, null);
        assertThat(old.contracts()).isEmpty();
        assertThat(old.customers()).isEmpty();
        assertThat(old.effectivenessSteps()).isEmpty();
        assertThat(old).isEqualTo(new CostModel(Map.of(CRITICAL, 500.0), 20, 0.5));
    }

    @Test
    void badNumbersAreRefusedByName() {
        assertThatThrownBy(() -> new CostModel(Map.of(), 20, 0.5, Map.of("gold", Map.of(HIGH, -1.0)), null, null))
                .isInstanceOf(BadInputException.class).hasMessage("penalty for contract gold, high must be 0 or more, not -1.0");
        assertThatThrownBy(() -> new CostModel.EffectivenessStep(1, 0.5)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a fraction of the target");
        assertThatThrownBy(() -> new CostModel(Map.of(), -1, 0.5)).hasMessage(
                "intervention cost must be 0 or more, not -1.0");
    }
}
