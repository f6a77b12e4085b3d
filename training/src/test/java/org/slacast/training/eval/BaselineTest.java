package org.slacast.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.slacast.core.band.RiskBand.AT_RISK;
import static org.slacast.core.band.RiskBand.ON_TRACK;
import static org.slacast.core.band.RiskBand.OVERDUE;
import static org.slacast.core.band.RiskBand.PAUSED;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.HIGH;
import static org.slacast.core.ticket.Priority.LOW;
import static org.slacast.core.ticket.Priority.MEDIUM;
import static org.slacast.training.eval.TestExamples.example;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.training.data.Example;

class BaselineTest {
    //            priority  band      breached
    static final List<Example> TRAIN = List.of(
            example(1, HIGH, ON_TRACK),
            example(1, HIGH, AT_RISK),
            example(0, HIGH, AT_RISK),
            example(0, LOW, ON_TRACK),
            example(1, LOW, OVERDUE),
            example(0, LOW, ON_TRACK));

    // Unseen groups: critical and medium priority, the paused band.
    static final List<Example> TEST = List.of(
            example(0, HIGH, ON_TRACK),
            example(0, LOW, OVERDUE),
            example(0, CRITICAL, AT_RISK),
            example(0, MEDIUM, PAUSED));

    @Test
    void priorityRateIsTheTrainingBreachRateOfEachPriority() {
        Baseline b = Baseline.priority(TRAIN);
        assertThat(b.name()).isEqualTo("baseline: priority rate");
        assertThat(b.rates()).containsOnlyKeys("high", "low");
        assertThat(b.rates().get("high")).isCloseTo(2 / 3.0, within(1e-12)); // 1 + 1 + 0 of 3
        assertThat(b.rates().get("low")).isCloseTo(1 / 3.0, within(1e-12)); // 0 + 1 + 0 of 3
        assertThat(b.prior()).isCloseTo(0.5, within(1e-12)); // 3 breaches of 6
    }

    @Test
    void bandRateIsTheTrainingBreachRateOfEachBand() {
        Baseline b = Baseline.band(TRAIN);
        assertThat(b.name()).isEqualTo("baseline: at-risk band");
        assertThat(b.rates()).containsOnlyKeys("on_track", "at_risk", "overdue");
        assertThat(b.rates().get("on_track")).isCloseTo(1 / 3.0, within(1e-12)); // 1 + 0 + 0 of 3
        assertThat(b.rates().get("at_risk")).isCloseTo(0.5, within(1e-12)); // 1 + 0 of 2
        assertThat(b.rates().get("overdue")).isCloseTo(1.0, within(1e-12)); // 1 of 1
        assertThat(b.prior()).isCloseTo(0.5, within(1e-12)); // 3 of 6
    }

    @Test
    void predictsTheGroupRateAndThePriorForAnUnseenGroup() {
        // high -> 2/3, low -> 1/3, critical (unseen) -> prior 1/2, medium (unseen) -> 1/2
        assertThat(Baseline.priority(TRAIN).predict(TEST))
                .containsExactly(new double[] {2 / 3.0, 1 / 3.0, 0.5, 0.5}, within(1e-12));
        // on_track -> 1/3, overdue -> 1, at_risk -> 1/2, paused (unseen) -> prior 1/2
        assertThat(Baseline.band(TRAIN).predict(TEST))
                .containsExactly(new double[] {1 / 3.0, 1.0, 0.5, 0.5}, within(1e-12));
    }

    @Test
    void theTestLabelsDoNotMatter() {
        List<Example> flipped = TEST.stream().map(e -> example(1, e.priority(), e.band())).toList();
        assertThat(Baseline.priority(TRAIN).predict(flipped)).containsExactly(Baseline.priority(TRAIN).predict(TEST));
    }

    @Test
    void anEmptyTrainingSetPredictsZero() {
        Baseline b = Baseline.priority(List.of());
        assertThat(b.rates()).isEmpty();
        assertThat(b.prior()).isZero(); // no tickets: 0 rather than 0 / 0
        assertThat(b.predict(TEST)).containsExactly(0, 0, 0, 0);
    }
}
