package org.slacast.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointChoiceTest {
    static final List<Double> CPS = List.of(0.0, 0.25, 0.5, 0.75);

    @Test
    void creationAllAndMixesCoverTheirCheckpoints() {
        CheckpointChoice creation = CheckpointChoice.parse("creation", CPS);
        assertThat(creation.label()).isEqualTo("creation");
        assertThat(List.of(0, 1, 2, 3)).filteredOn(k -> creation.covers(k, CPS)).containsExactly(0);
        assertThat(CheckpointChoice.parse("0", CPS)).isEqualTo(creation);
        CheckpointChoice mix = CheckpointChoice.parse("0.5, 0.25,0.5", CPS);
        assertThat(mix.label()).isEqualTo("0.25,0.5");
        assertThat(List.of(0, 1, 2, 3)).filteredOn(k -> mix.covers(k, CPS)).containsExactly(1, 2);
        CheckpointChoice all = CheckpointChoice.parse("all", CPS);
        assertThat(List.of(0, 1, 2, 3)).filteredOn(k -> all.covers(k, CPS)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aFractionThatIsNoCheckpointIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> CheckpointChoice.parse("0.3", CPS)).hasMessage("--choose-at 0.3: 0.3 is not one of "
                + "the checkpoints [0.0, 0.25, 0.5, 0.75]; add it to --checkpoints or choose among them");
        assertThatThrownBy(() -> CheckpointChoice.parse("arrival", CPS)).hasMessage("--choose-at arrival: give "
                + "creation, all, or fractions among the checkpoints [0.0, 0.25, 0.5, 0.75], e.g. 0.25,0.5");
    }
}
