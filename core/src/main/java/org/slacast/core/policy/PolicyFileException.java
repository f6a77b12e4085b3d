package org.slacast.core.policy;

/** A policy file that cannot be used; the message names the file and the key path. */
public final class PolicyFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, where, and what to do
     * @param cause   the underlying error, or null
     */
    public PolicyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
