package org.slacast.serving;

import java.util.List;

/**
 * A client's mistake, with the JSON field paths at fault. Becomes a 4xx problem response, never a 500.
 */
public final class BadRequest extends RuntimeException {
    private final int status;
    private final List<FieldError> errors;

    /**
     * One field at fault.
     *
     * @param field   JSON path, e.g. {@code ticket.priority} or {@code tickets[3].created_at}
     * @param message what is wrong and what is accepted
     */
    public record FieldError(String field, String message) {
    }

    /**
     * @param status HTTP status, 4xx
     * @param detail what is wrong
     * @param errors the fields at fault, possibly none
     */
    public BadRequest(int status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /**
     * @param field   the field
     * @param message what is wrong
     * @return a 400 naming one field
     */
    public static BadRequest field(String field, String message) {
        return new BadRequest(400, "the request has an invalid field", List.of(new FieldError(field, message)));
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the fields at fault */
    public List<FieldError> errors() {
        return errors;
    }
}
