package org.slacast.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slacast.core.ticket.Priority.CRITICAL;
import static org.slacast.core.ticket.Priority.HIGH;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slacast.core.ConfigFileException;

class CostFileTest {
    @Test
    void readsEveryPartOfTheSection() {
        CostFile.Settings s = CostFile.parse("""
                cost:
                  penalties: {critical: 800, high: 300}
                  contracts: {platinum: {critical: 1600}}
                  customers: {"Acme Bank": 2}
                  intervention_cost: 25
                  effectiveness: {0: 0.6, 0.5: 0.3}
                  capacity: {interventions: 6, per: 8h}
                """, "cost.yaml");
        CostModel c = s.cost();
        assertThat(c.penalty(CRITICAL)).isEqualTo(800.0);
        assertThat(c.penalty(CRITICAL, "platinum", "Acme Bank")).isEqualTo(3200.0);
        assertThat(c.interventionCost()).isEqualTo(25.0);
        assertThat(c.effectiveness()).isEqualTo(0.6);
        assertThat(c.effectiveness(0.75)).isEqualTo(0.3);
        assertThat(s.capacity()).isEqualTo(new Capacity(6, Duration.ofHours(8)));
    }

    @Test
    void keysLeftOutKeepTheDefaults() {
        CostFile.Settings s = CostFile.parse("cost: {penalties: {high: 300}, effectiveness: 0.4}", "c");
        // penalties given replace the table: critical is not given, so it is 0
        assertThat(s.cost().penalty(HIGH)).isEqualTo(300.0);
        assertThat(s.cost().penalty(CRITICAL)).isEqualTo(0.0);
        assertThat(s.cost().interventionCost()).isEqualTo(20.0);
        assertThat(s.cost().effectiveness(0.9)).isEqualTo(0.4);
        assertThat(s.capacity()).isNull();
        assertThat(CostFile.parse("cost: {}", "c").cost()).isEqualTo(CostModel.defaults());
    }

    @Test
    void mistakesNameTheKeyPath() {
        assertThatThrownBy(() -> CostFile.parse("cost: {contracts: {gold: {critcal: 5}}}", "c.yaml"))
                .isInstanceOf(ConfigFileException.class).hasMessageStartingWith("c.yaml: cost.contracts.gold.critcal: ");
        assertThatThrownBy(() -> CostFile.parse("cost: {penalty: {}}", "c.yaml"))
                .hasMessageStartingWith("c.yaml: cost.penalty: unknown key");
        assertThatThrownBy(() -> CostFile.parse("cost: {effectiveness: {0.25: 0.5}}", "c.yaml"))
                .hasMessage("c.yaml: cost.effectiveness: give the share at creation (0: ...) too");
        assertThatThrownBy(() -> CostFile.parse("cost: {effectiveness: {0: 1.5}}", "c.yaml"))
                .hasMessage("c.yaml: cost.effectiveness.0: effectiveness at 0.0 must be between 0 and 1, not 1.5");
        assertThatThrownBy(() -> CostFile.parse("cost: {intervention_cost: cheap}", "c.yaml"))
                .hasMessage("c.yaml: cost.intervention_cost: expected a number");
        assertThatThrownBy(() -> CostFile.parse("cost: {capacity: {interventions: 2.5, per: 1h}}", "c.yaml"))
                .hasMessage("c.yaml: cost.capacity.interventions: expected a whole number, not 2.5");
        assertThatThrownBy(() -> CostFile.parse("penalties: {}", "c.yaml"))
                .hasMessageStartingWith("c.yaml: expected one mapping, 'cost:'");
    }
}
