package org.slacast.datasets.generate;

import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/** Where the simulation sends what it produces, in simulated-time order. */
public interface DeskSink {
    /** @param t a new ticket, at its arrival */
    void ticket(Ticket t);

    /** @param e an event */
    void event(TicketEvent e);

    /**
     * Root cause and ownership, at first resolution.
     *
     * @param ticketId          the ticket
     * @param team              the team that resolved it
     * @param engineer          the agent who resolved it
     * @param rootCauseCategory e.g. configuration, capacity
     * @param fixType           permanent, patch or workaround
     * @param repeatIncident    whether it repeats an earlier incident (part of a storm)
     */
    void rootCause(String ticketId, String team, String engineer, String rootCauseCategory, String fixType,
                   boolean repeatIncident);

    /**
     * Business impact of an incident on a transactional system, at first resolution.
     *
     * @param ticketId            the ticket
     * @param system              the system
     * @param failedTransactions  transactions that failed while it was open
     * @param estimatedLoss       estimated financial loss
     * @param region              affected region
     * @param uptimeImpactMinutes minutes of degraded service
     */
    void impact(String ticketId, String system, long failedTransactions, double estimatedLoss, String region,
                long uptimeImpactMinutes);
}
