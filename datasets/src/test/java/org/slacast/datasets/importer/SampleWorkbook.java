package org.slacast.datasets.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slacast.core.csv.CsvFiles;

/**
 * Writes the ServiceNow CSV sample as the .xlsx a user would get from "Export > Excel": timestamps as date cells,
 * true/false as booleans, everything else as text, and one timestamp left as text ("3/3/2026 8:05", as a pasted
 * cell would be) so the mapping's formats still apply to it. {@code main} regenerates
 * {@code datasets/sample/servicenow-incidents.xlsx}.
 */
final class SampleWorkbook {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private SampleWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of("sample/servicenow-incidents.csv"), Path.of("sample/servicenow-incidents.xlsx"));
    }

    static void write(Path csv, Path xlsx) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] header = CsvFiles.read(csv, List.of(), r -> rows.add(r.values())).keySet().stream()
                .map(h -> h.replaceAll("#\\d+$", "")).toArray(String[]::new);
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "slacast", "1.0");
            Worksheet ws = wb.newWorksheet("incidents");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                String[] v = rows.get(r);
                for (int c = 0; c < v.length; c++) {
                    cell(ws, r + 1, c, v[c]);
                }
            }
            ws.style(rows.size() + 1, 0).format("@").set(); // a formatted but empty row, as spreadsheets leave
            wb.finish();
        }
    }

    private static void cell(Worksheet ws, int r, int c, String v) {
        if (v.isEmpty()) {
            return;
        }
        if (v.equals("true") || v.equals("false")) {
            ws.value(r, c, Boolean.valueOf(v));
            return;
        }
        try {
            ws.value(r, c, LocalDateTime.parse(v, FULL));
            ws.style(r, c).format("dd/mm/yyyy hh:mm:ss").set();
        } catch (DateTimeParseException text) {
            ws.value(r, c, v);
        }
    }
}
