package org.slacast.core.feature;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Everything a feature may read about one ticket at one instant.
 *
 * @param ticket  the ticket as opened
 * @param events  its events; may include later ones, which features must ignore (see {@link LeakCheck})
 * @param at      the instant the ticket is scored at
 * @param policy  the SLA policy that applies
 * @param sla     the target metric read at {@code at}, or null when the policy sets no target
 * @param history what the desk knew before {@code at}
 * @param subjectTokens hashed subject token counts, one per text bucket
 * @param bodyTokens    hashed body token counts, one per body bucket
 * @param known   the events up to {@code at}, in the clock's order ({@link org.slacast.core.ticket.EventOrder}):
 *                what event features should read
 * @param local   {@code at} in the policy's calendar zone, made once for the four features that read it
 */
public record FeatureInput(Ticket ticket, List<TicketEvent> events, Instant at, SlaPolicy policy, MetricStatus sla,
                           DeskState.History history, int[] subjectTokens,
                           int[] bodyTokens, List<TicketEvent> known,
                           ZonedDateTime local) {
}
