package org.slacast.core.clock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;

/**
 * Every metric of one ticket under its policy, as of an instant.
 *
 * @param ticket  the ticket
 * @param policy  the policy applied
 * @param asOf    the instant the clock was read at
 * @param status  the ticket's latest status, or null
 * @param metrics one status per metric the policy defines and the ticket has started
 * @param stints  every tier visit of the OLA metrics the policy defines, in the order they began
 */
public record TicketSla(Ticket ticket, SlaPolicy policy, Instant asOf, String status, List<MetricStatus> metrics,
                        List<StintReading> stints) {

    /** Copies the lists. */
    public TicketSla {
        metrics = List.copyOf(metrics);
        stints = List.copyOf(stints);
    }

    /**
     * A reading without stints.
     *
     * @param ticket  the ticket
     * @param policy  the policy applied
     * @param asOf    the instant the clock was read at
     * @param status  the ticket's latest status, or null
     * @param metrics one status per metric
     */
    public TicketSla(Ticket ticket, SlaPolicy policy, Instant asOf, String status, List<MetricStatus> metrics) {
        this(ticket, policy, asOf, status, metrics, List.of());
    }

    /**
     * @param metric a metric
     * @return its status, if the ticket has it
     */
    public Optional<MetricStatus> metric(Metric metric) {
        return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst();
    }
}
