package org.slacast.training.data;

import java.time.Duration;
import java.time.Instant;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.ticket.Ticket;

/**
 * How a ticket's target metric ended, as read at the end of the data.
 *
 * @param ticket      the ticket
 * @param label       the label trained on: 1 breached, 0 met, -1 unknown (still open and not breached, with no
 *                    given outcome)
 * @param knownAt     when the outcome became known (breach instant or completion), or null
 * @param resolvedAt  when the metric's clock stopped for good, or null
 * @param businessMin elapsed business minutes at the end, for MTTR
 * @param clock       what the SLA clock says, as {@code label}; it decides the checkpoints (a ticket is not
 *                    scored after its clock breached or stopped), whatever the label
 */
public record TicketOutcome(Ticket ticket, int label, Instant knownAt, Instant resolvedAt, double businessMin,
                            int clock) {

    /**
     * @param given the label given by the source system (1 breached, 0 met)
     * @return this outcome labelled with it; the clock's reading and instants are kept
     */
    public TicketOutcome withLabel(int given) {
        return new TicketOutcome(ticket, given, knownAt, resolvedAt, businessMin, clock);
    }

    /**
     * @param t      the ticket
     * @param status its target metric at the end of the data, or null without a target
     * @return the outcome
     */
    public static TicketOutcome of(Ticket t, MetricStatus status) {
        if (status == null) {
            return new TicketOutcome(t, -1, null, null, 0, -1);
        }
        int label = status.breached() ? 1 : status.completed() ? 0 : -1;
        Instant known = status.breached() ? status.breachedAt() : status.completed() ? status.completedAt() : null;
        Duration e = status.elapsed();
        return new TicketOutcome(t, label, known, status.completedAt(), e == null ? 0 : e.toMillis() / 60_000.0,
                label);
    }
}
