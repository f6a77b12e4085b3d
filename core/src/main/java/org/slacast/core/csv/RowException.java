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

    /**
     * Parses one value, turning a parser's IllegalArgumentException into a rejection of the row.
     *
     * @param column the column the value came from, named in the rejection
     * @param value  the value, or null
     * @param parser reads the value; throws IllegalArgumentException with a reason
     * @param <T>    the parsed type
     * @return the parsed value, or null for null
     * @throws RowException naming the column and the parser's reason
     */
    public static <T> T parsing(String column, String value, java.util.function.Function<String, T> parser) {
        return parsing(column, value, parser, "");
    }

    /**
     * As {@link #parsing(String, String, java.util.function.Function)}, with advice added to the reason.
     *
     * @param column the column the value came from
     * @param value  the value, or null
     * @param parser reads the value
     * @param advice appended to the parser's reason, e.g. where to add a missing value
     * @param <T>    the parsed type
     * @return the parsed value, or null for null
     * @throws RowException naming the column, the reason and the advice
     */
    public static <T> T parsing(String column, String value, java.util.function.Function<String, T> parser,
                                String advice) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new RowException(column, e.getMessage() + advice);
        }
    }

    /** @return the column at fault, or null */
    public String column() {
        return column;
    }
}
