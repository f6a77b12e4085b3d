package org.slacast.datasets.importer.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.slacast.core.csv.CsvFileException;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;

/**
 * An Excel workbook ({@code .xlsx}), streamed one row at a time by fastexcel-reader. The first row of the sheet is
 * the header; a row's line is its spreadsheet row number. Date cells become ISO-8601 local date-times, numbers
 * their plain decimal text ({@code 2}, not {@code 2.0}), and a formula its cached result.
 *
 * @param file  the file
 * @param sheet the sheet's name, or null for the first sheet
 */
public record Workbook(Path file, String sheet) implements ExportFile {
    /** A number format that shows a date or time: y, d, h or s outside quoted text and [colour] tags. */
    private static final Pattern DATE_FORMAT = Pattern.compile("[ydhs]", Pattern.CASE_INSENSITIVE);

    @Override
    public String describe() {
        return sheet == null ? "first sheet of the workbook" : "sheet '" + sheet + "'";
    }

    @Override
    public boolean typedTimes() {
        return true;
    }

    @Override
    public Map<String, Integer> read(Consumer<CsvRow> sink) {
        String name = file.toString();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
             Stream<Row> rows = sheet(wb).openStream()) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new CsvFileException(name + ": " + describe() + " is empty; expected a header row");
            }
            Map<String, Integer> columns = CsvFiles.header(texts(it.next(), -1));
            while (it.hasNext()) {
                Row r = it.next();
                sink.accept(new CsvRow(name, r.getRowNum(), columns, texts(r, columns.size())));
            }
            return columns;
        } catch (IOException | java.io.UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw new CsvFileException(name + ": not a readable .xlsx workbook (" + e.getMessage()
                    + "); open it in a spreadsheet and save it again as .xlsx, or export CSV");
        }
    }

    private Sheet sheet(ReadableWorkbook wb) {
        if (sheet == null) {
            return wb.getFirstSheet();
        }
        return wb.findSheet(sheet).orElseThrow(() -> new CsvFileException(file + ": has no sheet '" + sheet
                + "'; its sheets are " + wb.getSheets().map(Sheet::getName).toList() + " (the mapping's sheet key)"));
    }

    /** The row's cells as text, padded to {@code width} (or as wide as the row when negative). */
    private static String[] texts(Row r, int width) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(width, r.getCellCount()); i++) {
            out.add(i < r.getCellCount() ? text(r.getCell(i)) : "");
        }
        return out.toArray(String[]::new);
    }

    private static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY) {
            return "";
        }
        if (c.getType() == CellType.NUMBER || (c.getType() == CellType.FORMULA && c.getValue() instanceof BigDecimal)) {
            BigDecimal n = c.getType() == CellType.NUMBER ? c.asNumber() : (BigDecimal) c.getValue();
            if (isDate(c.getDataFormatId(), c.getDataFormatString())) {
                LocalDateTime t = c.asDate();
                return t.toString();
            }
            return n.stripTrailingZeros().toPlainString();
        }
        Object v = c.getValue();
        return v == null ? c.getText() : v.toString();
    }

    /** Built-in date formats are ids 14 to 22 and 45 to 47; custom ones are recognised by their pattern. */
    static boolean isDate(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
        return DATE_FORMAT.matcher(bare).find();
    }
}
