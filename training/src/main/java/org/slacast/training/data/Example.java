package org.slacast.training.data;

import java.time.Instant;
import org.slacast.core.band.RiskBand;
import org.slacast.core.ticket.Priority;

/**
 * One scoring moment of one ticket: its features at a checkpoint and whether the ticket went on to breach.
 *
 * @param ticketId   the ticket
 * @param createdAt  its creation, which decides its split
 * @param at         the checkpoint instant
 * @param checkpoint the checkpoint's index (0 = at creation)
 * @param label      1 breached, 0 met, -1 unknown yet
 * @param x          feature values
 * @param priority   its priority
 * @param tier       its tier at the checkpoint (1-3)
 * @param team       its team
 * @param system     its system
 * @param band       the rule-based band at the checkpoint
 * @param hour       local hour of creation
 * @param weekday    local weekday of creation (1 = Monday)
 * @param dueAt      when the target falls due as read at the checkpoint, or null
 * @param contract   its contract, or null: with the priority and customer it sets the breach penalty
 * @param customer   its customer, or null
 * @param fraction   the share of the target's business time gone at the checkpoint (0 at creation), which sets
 *                   how much an intervention can still prevent
 */
public record Example(String ticketId, Instant createdAt, Instant at, int checkpoint, int label, double[] x,
                      Priority priority, int tier, String team, String system, RiskBand band, int hour, int weekday,
                      Instant dueAt, String contract, String customer, double fraction) {
}
