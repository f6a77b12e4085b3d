package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelKindTest {

    @Test
    void aLargeDeskFitsLightGbmInPlaceOfSmilesBoostingUnlessThatIsTuned() {
        assertThat(ModelKind.defaultsFor(ModelKind.LARGE_DESK - 1, Set.of())).isEqualTo(ModelKind.DEFAULTS);
        assertThat(ModelKind.defaultsFor(ModelKind.LARGE_DESK, Set.of())).containsExactly(ModelKind.RANDOM_FOREST,
                ModelKind.LOGISTIC, ModelKind.LIGHTGBM);
        assertThat(ModelKind.defaultsFor(300_000, Set.of(ModelKind.RANDOM_FOREST))).containsExactly(
                ModelKind.RANDOM_FOREST, ModelKind.LOGISTIC, ModelKind.LIGHTGBM);
        assertThat(ModelKind.defaultsFor(300_000, Set.of(ModelKind.GRADIENT_BOOSTING))).isEqualTo(
                List.of(ModelKind.RANDOM_FOREST, ModelKind.LOGISTIC, ModelKind.GRADIENT_BOOSTING));
    }
}
