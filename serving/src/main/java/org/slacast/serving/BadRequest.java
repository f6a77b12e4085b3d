package org.slacast.serving;

import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;

/**
 * A client's mistake in the request itself, with the JSON field paths at fault: 400, or 413 for a request past a
 * size bound. Other client errors use Javalin's typed responses (401, 403, 404, 405, 415); all of them become
 * problem+json in {@link Problems}, never a 500.
 */
public final class BadRequest extends HttpResponseException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    /**
     * One field at fault.
     *
     * @param field   JSON path, e.g. {@code ticket.priority} or {@code tickets[3].created_at}
     * @param message what is wrong and what is accepted
     */
    public record FieldError(String field, String message) {
    }

    private BadRequest(int status, String detail, List<FieldError> errors) {
        super(status, detail, Map.of());
        this.errors = List.copyOf(errors);
    }

    /**
     * @param detail what is wrong with the request as a whole
     * @return a 400 naming no field
     */
    public static BadRequest of(String detail) {
        return new BadRequest(400, detail, List.of());
    }

    /**
     * @param field   the field
     * @param message what is wrong
     * @return a 400 naming one field
     */
    public static BadRequest field(String field, String message) {
        return new BadRequest(400, "the request has an invalid field", List.of(new FieldError(field, message)));
    }

    /**
     * @param field  the field past its bound
     * @param detail what the bound is, and which setting raises it
     * @return a 413 naming the field
     */
    public static BadRequest tooLarge(String field, String detail) {
        return new BadRequest(413, detail, List.of(new FieldError(field, "too large")));
    }

    /** @return the fields at fault */
    public List<FieldError> errors() {
        return errors;
    }
}
