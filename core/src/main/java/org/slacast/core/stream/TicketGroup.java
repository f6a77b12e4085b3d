package org.slacast.core.stream;

import java.util.List;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * One ticket and all its accepted events.
 *
 * @param ticket the ticket
 * @param events its events in source order, exact duplicates dropped; possibly empty
 */
public record TicketGroup(Ticket ticket, List<TicketEvent> events) {
    /** Copies nothing: the stream hands over lists it no longer touches. */
    public TicketGroup {
        java.util.Objects.requireNonNull(ticket, "ticket");
        java.util.Objects.requireNonNull(events, "events");
    }
}
