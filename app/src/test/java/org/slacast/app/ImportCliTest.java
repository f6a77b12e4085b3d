package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCliTest {
    @TempDir
    Path dir;

    @Test
    void theSummarySaysHowTheExportWasReadAndCountsEmptyRows() {
        CliRun r = CliRun.of("import", "--mapping", "../datasets/mappings/bank-incidents.yaml", "--input",
                "../datasets/sample/bank-incidents.csv", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("11 rows read (';'-separated (detected), windows-1252): 3 tickets, 9 events "
                + "written to " + dir + "; 3 rows rejected (see " + dir.resolve("rejects.csv") + "); 5 empty rows skipped\n"
                + "first reject: ../datasets/sample/bank-incidents.csv:6 [Open Time]: is empty; a timestamp is required");
    }

    @Test
    void anXlsxAndAParquetExportImportFromTheCommandLine() {
        CliRun x = CliRun.of("import", "--mapping", "../datasets/mappings/servicenow.yaml", "--input",
                "../datasets/sample/servicenow-incidents.xlsx", "--out", dir.resolve("x").toString());
        assertThat(x.code()).as(x.err()).isZero();
        assertThat(x.out()).startsWith("7 rows read (first sheet of the workbook): 3 tickets, 11 events");
        CliRun p = CliRun.of("import", "--mapping", "../datasets/mappings/zendesk.yaml", "--input",
                "../datasets/sample/zendesk-tickets.parquet", "--out", dir.resolve("p").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).startsWith("4 rows read (Parquet): 4 tickets, 9 events");
    }
}
