package org.slacast.core.ticket;

import org.slacast.core.BadInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ticket's event log. Only the fields that the type needs are set; the rest are null.
 *
 * @param ticketId the ticket
 * @param at       when it happened
 * @param type     what happened
 * @param status   the new status (STATUS_CHANGE; optional on others)
 * @param priority the new priority (PRIORITY_CHANGE)
 * @param tier     the new tier (TIER_CHANGE)
 * @param team     the team involved, or null
 * @param agent    the agent involved, or null
 */
public record TicketEvent(String ticketId, Instant at, EventType type, String status, Priority priority, Tier tier,
                          String team, String agent) {

    /** Checks that each type carries the field it needs. */
    public TicketEvent {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        switch (type) {
            case STATUS_CHANGE -> require(status != null && !status.isBlank(), "a status_change event needs a status");
            case PRIORITY_CHANGE -> require(priority != null, "a priority_change event needs a priority");
            case TIER_CHANGE -> require(tier != null, "a tier_change event needs a tier");
            default -> {
                // no extra field required
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }

    /**
     * An event with no extra fields.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param type     what
     * @return the event
     */
    public static TicketEvent of(String ticketId, Instant at, EventType type) {
        return new TicketEvent(ticketId, at, type, null, null, null, null, null);
    }

    /**
     * A status change.
     *
     * @param ticketId the ticket
     * @param at       when
     * @param status   the new status
     * @return the event
     */
    public static TicketEvent status(String ticketId, Instant at, String status) {
        return new TicketEvent(ticketId, at, EventType.STATUS_CHANGE, status, null, null, null, null);
    }

    /**
     * @param instant another instant
     * @return this event at that instant
     */
    public TicketEvent movedTo(Instant instant) {
        return new TicketEvent(ticketId, instant, type, status, priority, tier, team, agent);
    }
}
