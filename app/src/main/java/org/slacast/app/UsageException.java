package org.slacast.app;

/** Flags that do not fit together or are out of range: exit code 2, like a parse error. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the flags and what to give instead */
    UsageException(String message) {
        super(message);
    }
}
