package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading ahead on another thread changes neither the rows, their order and places, nor the errors. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against a hang between the two threads, not a speed test
class ReadAheadTest {
    @TempDir
    Path dir;

    @Test
    void rowsArriveInOrderWithTheirLinesAndTheHeaderIsReturned() throws IOException {
        Path f = dir.resolve("rows.csv");
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 0; i < 10_000; i++) {
            b.append(i).append(i % 7 == 0 ? ",\"two\nlines\"\n" : ",x\n");
        }
        Files.writeString(f, b);
        List<CsvRow> direct = new ArrayList<>();
        List<CsvRow> ahead = new ArrayList<>();
        Object header = RowSource.csv(f).read(List.of("a"), direct::add);
        assertThat(new ReadAhead(RowSource.csv(f)).read(List.of("a"), ahead::add)).isEqualTo(header);
        assertThat(ahead).hasSameSizeAs(direct);
        for (int i = 0; i < direct.size(); i++) {
            assertThat(ahead.get(i).line()).isEqualTo(direct.get(i).line());
            assertThat(ahead.get(i).values()).isEqualTo(direct.get(i).values());
        }
    }

    @Test
    void theSourcesErrorReachesTheCaller() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> new ReadAhead(RowSource.csv(missing)).read(List.of("a"), r -> { }))
                .isInstanceOf(CsvFileException.class).hasMessage(missing + ": no such file");
    }

    @Test
    void theCallersErrorStopsTheReaderAndIsThrown() throws IOException {
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, "a\n" + "1\n".repeat(100_000));
        int[] seen = {0};
        assertThatThrownBy(() -> new ReadAhead(RowSource.csv(f)).read(List.of("a"), r -> {
            if (++seen[0] == 5_000) {
                throw new IllegalStateException("enough");
            }
        })).hasMessage("enough");
        assertThat(seen[0]).isEqualTo(5_000);
    }
}
