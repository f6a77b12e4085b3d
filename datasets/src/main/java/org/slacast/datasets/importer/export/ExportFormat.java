package org.slacast.datasets.importer.export;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a delimited export is written, and which sheet of a workbook to read (the mapping's {@code delimiter},
 * {@code decimal}, {@code encoding} and {@code sheet} keys).
 *
 * @param delimiter the field separator, or null to detect it from the header
 * @param decimal   the decimal separator of numbers in text ('.' or ',')
 * @param encoding  the text encoding of a delimited file
 * @param sheet     the workbook sheet, by name, or null for the first
 */
public record ExportFormat(Character delimiter, char decimal, Charset encoding, String sheet) {
    /** The separators a delimited export may use, in the order detection prefers them on a tie. */
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    /** The encodings an export may be in. */
    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"),
            StandardCharsets.ISO_8859_1);
    /** Comma-separated UTF-8 with decimal points: what the importer assumed before these keys existed. */
    public static final ExportFormat DEFAULT = new ExportFormat(null, '.', StandardCharsets.UTF_8, null);

    /**
     * Reads a number in this export's decimal separator. The other separator is refused rather than taken as a
     * thousands mark: {@code 1,5} under {@code decimal: .} is more likely a wrong key than fifteen.
     *
     * @param text a number as written, e.g. {@code 2}, {@code 2.0} or, with a decimal comma, {@code 2,0}
     * @return the number
     * @throws NumberFormatException if it is not one
     */
    public java.math.BigDecimal number(String text) {
        String t = text.strip();
        char other = decimal == ',' ? '.' : ',';
        if (t.indexOf(other) >= 0) {
            throw new NumberFormatException(text);
        }
        return new java.math.BigDecimal(t.replace(',', '.'));
    }
}
