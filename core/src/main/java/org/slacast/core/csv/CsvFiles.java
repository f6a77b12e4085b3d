package org.slacast.core.csv;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads CSV rows with their line numbers (quoted fields may span lines), strips a UTF-8 byte-order mark, and
 * renames repeated header names {@code name}, {@code name#2}, ... so that none is lost.
 */
public final class CsvFiles {
    private CsvFiles() {
    }

    /**
     * Streams the data rows of a file to {@code sink}.
     *
     * @param file     the file
     * @param required header names that must be present
     * @param sink     receives each data row
     * @return the header map
     * @throws CsvFileException if the file is missing, has no header, lacks a required column, or is not CSV
     */
    public static Map<String, Integer> read(Path file, Collection<String> required, Consumer<CsvRow> sink) {
        return read(file, StandardCharsets.UTF_8, ',', "convert it to UTF-8 first", required, sink);
    }

    /**
     * Streams the data rows of a file in another encoding or with another separator, as exports come.
     *
     * @param file      the file
     * @param charset   its encoding
     * @param separator the field separator
     * @param required  header names that must be present
     * @param sink      receives each data row
     * @return the header map
     * @throws CsvFileException if the file is missing, has no header, lacks a required column, or is not CSV
     */
    public static Map<String, Integer> read(Path file, Charset charset, char separator, Collection<String> required,
                                            Consumer<CsvRow> sink) {
        return read(file, charset, separator, "give its encoding in the import mapping (encoding: UTF-8, "
                + "Windows-1252 or ISO-8859-1), or convert it to UTF-8", required, sink);
    }

    private static Map<String, Integer> read(Path file, Charset charset, char separator, String encodingAdvice,
                                             Collection<String> required, Consumer<CsvRow> sink) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CsvFileException(name + ": is a directory; give a CSV file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, charset);
             CSVReader csv = new CSVReaderBuilder(in)
                     .withCSVParser(new CSVParserBuilder().withSeparator(separator).build()).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new CsvFileException(name + ": the file is empty; expected a header row");
            }
            Map<String, Integer> columns = header(header);
            for (String r : required) {
                if (!columns.containsKey(r)) {
                    throw new CsvFileException(name + ":1: missing column '" + r + "'; the header has "
                            + columns.keySet());
                }
            }
            long line = csv.getLinesRead() + 1;
            String[] values;
            while (true) {
                try {
                    values = csv.readNext();
                } catch (com.opencsv.exceptions.CsvMalformedLineException e) {
                    // An unclosed quote swallows the rest of the file: reject that row, keep every row before it.
                    sink.accept(CsvRow.malformed(name, line, "a quoted field opened on this line is never closed, so "
                            + "the rest of the file is unreadable; close the quote (or double it inside a value)"));
                    return columns;
                }
                if (values == null) {
                    return columns;
                }
                if (!(values.length == 1 && values[0].isBlank())) {
                    sink.accept(new CsvRow(name, line, columns, values));
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (NoSuchFileException e) {
            throw new CsvFileException(name + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CsvFileException(name + ": permission denied");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CsvFileException(name + ": not " + charset.name() + " text; " + encodingAdvice);
        } catch (IOException e) {
            throw new CsvFileException(name + ": cannot read: " + e.getMessage());
        } catch (CsvValidationException e) {
            throw new CsvFileException(name + ":" + e.getLineNumber() + ": not valid CSV: " + e.getMessage());
        }
    }

    /**
     * @param header the raw header row
     * @return name to index, with the BOM stripped and repeats renamed name#2, name#3
     */
    public static Map<String, Integer> header(String[] header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].strip();
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1).strip();
            }
            String key = h;
            for (int n = 2; columns.containsKey(key); n++) {
                key = h + "#" + n;
            }
            columns.put(key, i);
        }
        return columns;
    }

    /**
     * @param out a writer; the caller closes it
     * @return a CSV writer that quotes only where needed and ends lines with \n
     */
    public static ICSVWriter writer(Writer out) {
        return new CSVWriterBuilder(out).withLineEnd("\n").build();
    }

    /**
     * Writes a CSV file, creating its directory.
     *
     * @param file the file
     * @param rows writes the header and rows
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Path file, java.util.function.Consumer<ICSVWriter> rows) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer w = Files.newBufferedWriter(file); ICSVWriter csv = writer(w)) {
                rows.accept(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write", e);
        }
    }

    /**
     * Writes rejects as {@code file,line,column,reason}.
     *
     * @param file    the rejects file
     * @param rejects the rows left out
     */
    public static void writeRejects(Path file, List<Reject> rejects) {
        try (Writer w = Files.newBufferedWriter(file); ICSVWriter csv = writer(w)) {
            csv.writeNext(new String[] {"file", "line", "column", "reason"}, false);
            for (Reject r : rejects) {
                csv.writeNext(new String[] {r.file(), Long.toString(r.line()), r.column(), r.reason()}, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write rejects", e);
        }
    }
}
