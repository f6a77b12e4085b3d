package org.slacast.core;

/**
 * Input that cannot be used: a file, a row, a flag's value, a model bundle, a request field. The message says
 * where (file and line, key path or field) and what to do. The CLI exits 1 on it, and the HTTP API answers 4xx;
 * any other exception is slacast's own fault.
 */
public class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where, and what to do */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, where, and what to do
     * @param cause   the underlying error, or null
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
