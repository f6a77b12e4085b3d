package org.slacast.core.csv;

/** A CSV file that cannot be read at all; the message names the file (and line) and what to do. */
public final class CsvFileException extends org.slacast.core.BadInputException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where */
    public CsvFileException(String message) {
        super(message);
    }
}
