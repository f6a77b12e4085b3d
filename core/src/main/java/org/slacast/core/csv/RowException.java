package org.slacast.core.csv;

/** A row that cannot be accepted: names the column and the reason. */
public final class RowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String column;

    /**
     * @param column the column at fault, or null for the row as a whole
     * @param reason what is wrong and what to do
     */
    public RowException(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** @return the column at fault, or null */
    public String column() {
        return column;
    }
}
