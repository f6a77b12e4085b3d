package org.slacast.datasets.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ConfigFileException;
import org.slacast.core.csv.CsvFileException;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.Priority;

/** Exports as they come: another separator and encoding, decimal commas, empty rows, .xlsx and Parquet. */
class ExportFormatsTest {
    static final Path BANK = Path.of("mappings/bank-incidents.yaml");
    static final Path BANK_SAMPLE = Path.of("sample/bank-incidents.csv");

    @TempDir
    Path dir;

    @Test
    void aSemicolonSeparatedWindows1252ExportWithDecimalCommasAndSeparatorRowsImports() throws IOException {
        Importer.Summary s = new Importer(ImportMapping.load(BANK), null).run(BANK_SAMPLE, dir);
        assertThat(s.readAs()).isEqualTo("';'-separated (detected), windows-1252");
        assertThat(s.rows()).isEqualTo(11);
        assertThat(s.empty()).isEqualTo(5);
        assertThat(s.tickets()).isEqualTo(3);
        assertThat(s.rejects()).extracting(r -> r.line() + " " + r.column() + ": " + r.reason()).containsExactly(
                "6 Open Time: is empty; a timestamp is required",
                "4 Priority: is empty, and so is impact or urgency; a ticket needs a priority",
                "7 Priority: unknown priority '9'; expected one of [critical, high, medium, low, planning] or a rank "
                        + "1-5; add it under values.priority in " + BANK);
        TicketData d = TicketData.load(dir);
        assertThat(d.tickets().getFirst().system()).isEqualTo("Zahlungsverkehr – Büro");
        assertThat(d.tickets().getFirst().createdAt()).hasToString("2012-02-05T12:32:00Z");
        assertThat(d.tickets().get(2).priority()).isEqualTo(Priority.HIGH);
        assertThat(d.eventsOf("IM0000005")).extracting(e -> e.type() + " " + e.at()).containsExactly(
                "CREATED 2012-03-12T14:44:00Z", "RESOLVED 2013-12-02T11:36:00Z", "CLOSED 2013-12-02T11:36:00Z");
    }

    @Test
    void theWrongEncodingOrSeparatorIsNamedWithWhatToSet() throws IOException {
        Path utf8 = dir.resolve("utf8.yaml");
        Files.writeString(utf8, Files.readString(BANK).replace("encoding: Windows-1252\n", ""));
        assertThatThrownBy(() -> new Importer(ImportMapping.load(utf8), null).run(BANK_SAMPLE, dir.resolve("a")))
                .isInstanceOf(CsvFileException.class)
                .hasMessage(BANK_SAMPLE + ": not UTF-8 text; give its encoding in the import mapping (encoding: UTF-8, "
                        + "Windows-1252 or ISO-8859-1), or convert it to UTF-8");
        Path comma = dir.resolve("comma.yaml");
        Files.writeString(comma, Files.readString(BANK).replace("decimal: \",\"", "delimiter: \",\""));
        assertThatThrownBy(() -> new Importer(ImportMapping.load(comma), null).run(BANK_SAMPLE, dir.resolve("b")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(comma + ": fields.ticket_id: column 'Incident ID' is not in " + BANK_SAMPLE)
                .hasMessageEndingWith("(read as ','-separated, windows-1252; if the file has another separator or "
                        + "encoding, set delimiter or encoding in the mapping)");
    }

    @Test
    void anXlsxExportImportsWithTheSameMappingAsItsCsv() throws IOException {
        ImportMapping sn = ImportMapping.load(ImporterTest.SN);
        Importer.Summary csv = new Importer(sn, null).run(ImporterTest.SN_SAMPLE, dir.resolve("csv"));
        Path xlsx = dir.resolve("incidents.xlsx");
        SampleWorkbook.write(ImporterTest.SN_SAMPLE, xlsx);
        Importer.Summary s = new Importer(sn, null).run(xlsx, dir.resolve("xlsx"));
        assertThat(s.readAs()).isEqualTo("first sheet of the workbook");
        assertThat(s.tickets()).isEqualTo(3);
        assertThat(s.outcomes()).isEqualTo(3);
        assertThat(s.rejects()).extracting(r -> r.file() + ":" + r.line() + " " + r.column())
                .containsExactly(xlsx + ":5 opened_at", xlsx + ":6 u_first_response", xlsx + ":7 priority");
        for (String f : new String[] {"tickets.csv", "events.csv", "outcomes.csv"}) {
            assertThat(dir.resolve("xlsx").resolve(f)).hasSameTextualContentAs(dir.resolve("csv").resolve(f));
        }
        assertThat(csv.tickets()).isEqualTo(s.tickets());
        // the checked-in sample is the same workbook
        assertThat(new Importer(sn, null).run(Path.of("sample/servicenow-incidents.xlsx"), dir.resolve("x2")).tickets())
                .isEqualTo(3);
    }

    @Test
    void workbookCellsAreReadByTypeAndTheSheetIsChosenByName() throws IOException {
        Path xlsx = dir.resolve("desk.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "slacast", "1.0");
            wb.newWorksheet("notes").value(0, 0, "not this one");
            Worksheet ws = wb.newWorksheet("Tickets");
            String[] header = {"Key", "Opened", "Prio", "Team"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            ws.value(1, 0, 1001);
            ws.value(1, 1, LocalDateTime.of(2026, 3, 2, 9, 30));
            ws.style(1, 1).format("yyyy-mm-dd hh:mm").set();
            ws.value(1, 2, 2);
            ws.value(1, 3, "Payments");
            ws.value(2, 0, "1002");
            ws.value(2, 1, "02.03.2026 10:15");
            ws.value(2, 2, 3.0);
            ws.value(4, 0, "1003");
            ws.value(4, 1, "yesterday");
            ws.value(4, 2, 1);
            wb.finish();
        }
        Path m = Files.writeString(dir.resolve("m.yaml"), """
                shape: tickets
                sheet: Tickets
                zone: Europe/Berlin
                fields: {ticket_id: Key, created_at: Opened, priority: Prio, team: Team}
                formats: {created_at: ["dd.MM.yyyy HH:mm"]}
                """);
        Importer.Summary s = new Importer(ImportMapping.load(m), null).run(xlsx, dir.resolve("o"));
        assertThat(s.readAs()).isEqualTo("sheet 'Tickets'");
        assertThat(s.rejects()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.reason()).isEqualTo("'yesterday' matches none of the formats given under formats.created_at in " + m);
        });
        TicketData d = TicketData.load(dir.resolve("o"));
        assertThat(d.tickets()).extracting(t -> t.id() + " " + t.createdAt() + " " + t.priority() + " " + t.team())
                .containsExactly("1001 2026-03-02T08:30:00Z HIGH Payments", "1002 2026-03-02T09:15:00Z MEDIUM null");
        Path other = Files.writeString(dir.resolve("other.yaml"), Files.readString(m).replace("Tickets", "Tix"));
        assertThatThrownBy(() -> new Importer(ImportMapping.load(other), null).run(xlsx, dir.resolve("p")))
                .isInstanceOf(CsvFileException.class)
                .hasMessage(xlsx + ": has no sheet 'Tix'; its sheets are [notes, Tickets] (the mapping's sheet key)");
        Path notXlsx = Files.writeString(dir.resolve("fake.xlsx"), "Key,Opened\n");
        assertThatThrownBy(() -> new Importer(ImportMapping.load(m), null).run(notXlsx, dir.resolve("q")))
                .isInstanceOf(CsvFileException.class).hasMessageStartingWith(notXlsx + ": not a readable .xlsx workbook");
    }

    @Test
    void aParquetExportImportsThroughDuckDb() throws IOException, SQLException {
        Path pq = dir.resolve("tickets.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("COPY (SELECT * FROM (VALUES "
                    + "('P1', TIMESTAMP '2026-03-02 09:00:00', TIMESTAMPTZ '2026-03-02 12:00:00+00', 'High'), "
                    + "('P2', NULL, NULL, 'Low'), "
                    + "(NULL, NULL, NULL, NULL), "
                    + "('P3', TIMESTAMP '2026-03-03 09:00:00', NULL, 'Low')"
                    + ") t(\"Ticket ID\", \"Opened\", \"Solved\", \"Prio\")) TO '" + pq + "' (FORMAT parquet)");
        }
        Path m = Files.writeString(dir.resolve("m.yaml"), """
                shape: tickets
                zone: Europe/London
                fields: {ticket_id: Ticket ID, created_at: Opened, resolved_at: Solved, priority: Prio}
                formats: {created_at: ["dd/MM/yyyy HH:mm"]}
                values: {priority: {High: high, Low: low}}
                """);
        Importer.Summary s = new Importer(ImportMapping.load(m), null).run(pq, dir.resolve("o"));
        assertThat(s.readAs()).isEqualTo("Parquet");
        assertThat(s.rows()).isEqualTo(4);
        assertThat(s.empty()).isEqualTo(1);
        assertThat(s.rejects()).extracting(r -> r.line() + " " + r.column()).containsExactly("2 Opened");
        TicketData d = TicketData.load(dir.resolve("o"));
        assertThat(d.tickets()).extracting(t -> t.id() + " " + t.createdAt()).containsExactly(
                "P1 2026-03-02T09:00:00Z", "P3 2026-03-03T09:00:00Z");
        assertThat(d.eventsOf("P1")).extracting(e -> e.type() + " " + e.at()).containsExactly(
                "CREATED 2026-03-02T09:00:00Z", "RESOLVED 2026-03-02T12:00:00Z");
        Path bad = Files.writeString(dir.resolve("bad.parquet"), "not parquet");
        assertThatThrownBy(() -> new Importer(ImportMapping.load(m), null).run(bad, dir.resolve("p")))
                .isInstanceOf(CsvFileException.class).hasMessageStartingWith(bad + ": not a readable Parquet file");
    }
}
