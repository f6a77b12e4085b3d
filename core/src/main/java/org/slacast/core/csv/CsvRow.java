package org.slacast.core.csv;

import java.util.Map;

/**
 * One data row of a CSV file.
 *
 * @param file    the file, for messages
 * @param line    the line the row starts on (1-based, the header is line 1)
 * @param columns header name to column index
 * @param values  the row's values
 */
public record CsvRow(String file, long line, Map<String, Integer> columns, String[] values, String malformed) {

    /** A row that was read as CSV. */
    public CsvRow(String file, long line, Map<String, Integer> columns, String[] values) {
        this(file, line, columns, values, null);
    }

    /**
     * A row that could not be read as CSV at all; any read of it is refused with the reason, so it is rejected
     * like a row with a bad value, and the rows before it are kept.
     *
     * @param file   the file
     * @param line   the line it starts on
     * @param reason what is wrong and what to do
     * @return the row
     */
    public static CsvRow malformed(String file, long line, String reason) {
        return new CsvRow(file, line, Map.of(), new String[0], reason);
    }

    /**
     * @param column a header name
     * @return the stripped value, or null when the column is absent or the value blank
     */
    public String get(String column) {
        if (malformed != null) {
            throw new RowException(null, malformed);
        }
        Integer i = columns.get(column);
        if (i == null || i >= values.length) {
            return null;
        }
        String v = values[i].strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * @param column a header name
     * @return the value
     * @throws RowException if absent or blank
     */
    public String require(String column) {
        String v = get(column);
        if (v == null) {
            throw new RowException(column, "is empty; a value is required");
        }
        return v;
    }
}
