package org.slacast.serving;

import java.time.Instant;
import java.util.List;
import org.slacast.core.band.RiskBand;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.ticket.Priority;
import org.slacast.models.ModelBundle;

/**
 * One open ticket in the at-risk queue, as last re-scored.
 *
 * @param ticketId       the ticket
 * @param team           its team, or null
 * @param system         its system, or null
 * @param priority       its priority
 * @param createdAt      when it was created
 * @param scoredAt       the instant it was scored at: its latest event or the latest checkpoint or band change
 *                       it passed, so every replica scores it at the same instant
 * @param probability    the calibrated breach probability
 * @param riskBand       the model's band: low, medium or high
 * @param slaBand        the target metric's SLA band at {@code scoredAt}: on_track, at_risk, overdue, paused...
 * @param dueAt          when the target metric is due if its clock runs on, or null without a target
 * @param expectedSaving the expected saving of acting now, net of the intervention's cost
 * @param act            whether acting pays
 * @param decision       the arithmetic behind the decision
 * @param reasons        the top contributions to the probability, largest first
 * @param sla            the SLA clock of every metric at {@code scoredAt}
 * @param model          the id of the model that scored it
 */
public record QueueRow(String ticketId, String team, String system, Priority priority, Instant createdAt,
                       Instant scoredAt, double probability, String riskBand, RiskBand slaBand, Instant dueAt,
                       double expectedSaving, boolean act, String decision, List<ModelBundle.Reason> reasons,
                       TicketSla sla, String model) {
    /** Copies the reasons. */
    public QueueRow {
        reasons = List.copyOf(reasons);
    }

    /** @return what to do: intervene when acting pays, watch when the SLA band is at risk or overdue, else wait */
    public String action() {
        if (act) {
            return "intervene";
        }
        return slaBand == RiskBand.AT_RISK || slaBand == RiskBand.OVERDUE ? "watch" : "none";
    }
}
