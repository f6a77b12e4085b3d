package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GivenOutcomesTest {
    @TempDir
    Path tmp;

    @Test
    void badRowsAreRejectedWithTheirLineAndTheOthersUsed() throws IOException {
        Files.writeString(tmp.resolve("outcomes.csv"), """
                ticket_id,breached
                T-1,true
                T-2,FALSE
                T-9,true
                T-3,maybe
                T-1,false
                ,true
                """);
        GivenOutcomes g = GivenOutcomes.beside(tmp, Set.of("T-1", "T-2", "T-3"));
        assertThat(g.breached()).containsOnly(java.util.Map.entry("T-1", true), java.util.Map.entry("T-2", false));
        String f = tmp.resolve("outcomes.csv").toString();
        assertThat(g.rejects()).extracting(Reject::toString).containsExactly(
                f + ":4 [ticket_id]: ticket T-9 is not among the tickets read; remove the row or add the ticket",
                f + ":5 [breached]: 'maybe' is not true or false",
                f + ":6 [ticket_id]: ticket T-1 is given twice; the first is kept",
                f + ":7 [ticket_id]: is empty; a value is required");
        assertThat(g.present()).isTrue();
    }

    @Test
    void noFileIsNoOutcomesAndAFileWithoutTheColumnIsRefused() throws IOException {
        assertThat(GivenOutcomes.beside(tmp, Set.of("T-1"))).isEqualTo(GivenOutcomes.none());
        Files.writeString(tmp.resolve("outcomes.csv"), "ticket_id,made_sla\nT-1,true\n");
        assertThatThrownBy(() -> GivenOutcomes.beside(tmp, Set.of("T-1"))).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("breached");
    }
}
