package org.slacast.core.csv;

/**
 * A row that was left out.
 *
 * @param file   the source file
 * @param line   the line the row starts on
 * @param column the column at fault, or empty
 * @param reason why, and what to do
 */
public record Reject(String file, long line, String column, String reason) {

    /**
     * @param row the row
     * @param e   what was wrong with it
     * @return the reject
     */
    public static Reject of(CsvRow row, RowException e) {
        return new Reject(row.file(), row.line(), e.column() == null ? "" : e.column(), e.getMessage());
    }

    @Override
    public String toString() {
        return file + ":" + line + (column.isEmpty() ? "" : " [" + column + "]") + ": " + reason;
    }
}
