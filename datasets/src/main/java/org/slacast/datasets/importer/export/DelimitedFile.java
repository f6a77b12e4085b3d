package org.slacast.datasets.importer.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.slacast.core.csv.CsvFileException;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;

/**
 * A delimited text export: comma, semicolon, tab or pipe separated, in UTF-8, Windows-1252 or ISO-8859-1.
 *
 * @param file      the file
 * @param format    the mapping's format keys
 * @param separator the separator used: the mapping's, or the one detected
 * @param detected  true when the separator was detected rather than given
 */
public record DelimitedFile(Path file, ExportFormat format, char separator, boolean detected) implements ExportFile {
    /** Enough of the file to see its header and some rows. */
    private static final int SAMPLE_BYTES = 64 * 1024;

    /**
     * @param file   the file
     * @param format the mapping's format keys; a null delimiter is detected
     * @return the export
     */
    static DelimitedFile open(Path file, ExportFormat format) {
        if (format.delimiter() != null) {
            return new DelimitedFile(file, format, format.delimiter(), false);
        }
        return new DelimitedFile(file, format, detect(sample(file, format), format.decimal()), true);
    }

    @Override
    public String describe() {
        String sep = separator == '\t' ? "tab" : "'" + separator + "'";
        return sep + "-separated" + (detected ? " (detected)" : "") + ", " + format.encoding().name();
    }

    @Override
    public boolean typedTimes() {
        return false;
    }

    @Override
    public Map<String, Integer> read(Consumer<CsvRow> sink) {
        return CsvFiles.read(file, format.encoding(), separator, java.util.List.of(), sink);
    }

    /**
     * The separator that splits the header into the most columns; on a tie, the one that splits the most of the
     * following lines into as many. Header names seldom hold a separator, while values (decimal commas, free text)
     * often do, so the header decides.
     *
     * @param sample  the start of the file
     * @param decimal the decimal separator; a decimal comma rules the comma out (unless the mapping names it)
     * @return the separator, ',' when none splits the header (';' with a decimal comma)
     */
    static char detect(String sample, char decimal) {
        String[] lines = sample.split("\r?\n", 21);
        char best = decimal == ',' ? ';' : ',';
        long bestHeader = 0;
        long bestAgree = -1;
        for (char c : ExportFormat.DELIMITERS) {
            if (c == decimal) {
                continue;
            }
            long header = count(lines[0], c);
            long agree = 0;
            for (int i = 1; i < lines.length - 1; i++) {
                agree += count(lines[i], c) == header ? 1 : 0;
            }
            if (header > bestHeader || (header == bestHeader && header > 0 && agree > bestAgree)) {
                best = c;
                bestHeader = header;
                bestAgree = agree;
            }
        }
        return best;
    }

    /** Separators outside double quotes. */
    private static long count(String line, char c) {
        long n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    private static String sample(Path file, ExportFormat format) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(SAMPLE_BYTES);
            // Lenient here: a bad byte is reported with the encoding advice when the file is read.
            return format.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new CsvFileException(file + ": cannot read: " + e.getMessage());
        }
    }
}
