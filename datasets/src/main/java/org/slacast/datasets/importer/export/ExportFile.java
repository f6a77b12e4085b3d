package org.slacast.datasets.importer.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slacast.core.csv.CsvFileException;
import org.slacast.core.csv.CsvRow;

/**
 * One export to import: delimited text, an Excel workbook, or a Parquet file. Each gives its header and its rows
 * with a line number (the spreadsheet row for a workbook, the row number from 1 for Parquet).
 */
public sealed interface ExportFile permits DelimitedFile, Workbook, ParquetFile {

    /** @return the file, for messages */
    Path file();

    /** @return how it was read, e.g. {@code ';'-separated (detected), windows-1252}, for the summary */
    String describe();

    /**
     * True when timestamps arrive from typed cells (an Excel date, a Parquet timestamp) and are handed on as
     * ISO-8601 text, which the importer then accepts whatever the mapping's formats say.
     *
     * @return whether time values may be typed
     */
    boolean typedTimes();

    /**
     * Streams the data rows.
     *
     * @param sink receives each row
     * @return header name to index (repeated names as name#2)
     * @throws CsvFileException if the file cannot be read as a whole
     */
    Map<String, Integer> read(Consumer<CsvRow> sink);

    /**
     * Chooses the reader by the file's extension: {@code .xlsx}, {@code .parquet}, else delimited text.
     *
     * @param file   the export
     * @param format the mapping's format keys
     * @return the export
     * @throws CsvFileException if the file is missing, a directory, or an old binary {@code .xls}
     */
    static ExportFile of(Path file, ExportFormat format) {
        if (Files.isDirectory(file)) {
            throw new CsvFileException(file + ": is a directory; give the export file itself");
        }
        if (!Files.isRegularFile(file)) {
            throw new CsvFileException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return new Workbook(file, format.sheet());
        }
        if (name.endsWith(".xls")) {
            throw new CsvFileException(file + ": an old binary Excel file; save it as .xlsx (or CSV) and import that");
        }
        if (name.endsWith(".parquet")) {
            return new ParquetFile(file);
        }
        return DelimitedFile.open(file, format);
    }
}
