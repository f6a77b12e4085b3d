package org.slacast.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vocabularies keep the most frequent values until they cover a share of the tickets. */
class VocabularyTest {
    static final Map<String, Integer> COUNTS = Map.of("a", 50, "b", 30, "c", 10, "d", 6, "e", 4);

    @Test
    void levelsAreAddedUntilTheCoverageIsReachedAndRareOnesStayOther() {
        assertThat(Vocabulary.covering("ci", COUNTS, 5, 0.95, 250).levels()).containsExactly("a", "b", "c", "d");
        assertThat(Vocabulary.covering("ci", COUNTS, 5, 0.80, 250).levels()).containsExactly("a", "b");
        assertThat(Vocabulary.covering("ci", COUNTS, 5, 1.0, 2).levels()).containsExactly("a", "b");
        Vocabulary v = Vocabulary.covering("ci", COUNTS, 5, 1.0, 250);
        assertThat(v.code("e")).isZero();
        assertThat(v.level(v.code("d"))).isEqualTo("d");
    }
}
