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
public record CsvRow(String file, long line, Map<String, Integer> columns, String[] values) {

    /**
     * @param column a header name
     * @return the stripped value, or null when the column is absent or the value blank
     */
    public String get(String column) {
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
