package org.slacast.datasets.whatif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.cost.CostModel;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;

/**
 * What one simulated desk delivered over a period, as its SLA clock reads it.
 *
 * @param tickets         tickets that arrived
 * @param breaches        breaches per metric label, then per priority label
 * @param penalty         the penalty of the resolution breaches under the cost model
 * @param agentHours      agent hours on shift while tickets arrived
 * @param p95Resolution   the 95th percentile of resolution business minutes over resolved tickets
 */
public record DeskOutcome(int tickets, Map<String, Map<String, Long>> breaches, double penalty, double agentHours,
                          double p95Resolution) {

    /**
     * @param results    the clock readings of every ticket
     * @param cost       the cost model for penalties
     * @param agentHours agent hours on shift
     * @return the outcome
     */
    public static DeskOutcome of(List<TicketSla> results, CostModel cost, double agentHours) {
        Map<String, Map<String, Long>> breaches = new TreeMap<>();
        double penalty = 0;
        List<Double> resolution = new ArrayList<>();
        for (TicketSla s : results) {
            Ticket t = s.ticket();
            for (MetricStatus m : s.metrics()) {
                if (m.breached()) {
                    breaches.computeIfAbsent(m.metric().label(), k -> new TreeMap<>())
                            .merge(m.priority().label(), 1L, Long::sum);
                }
                if (m.metric() == Metric.RESOLUTION) {
                    penalty += m.breached() ? cost.penalty(t.priority(), t.contract(), t.customer()) : 0;
                    if (m.completed()) {
                        resolution.add(m.elapsedMinutes());
                    }
                }
            }
        }
        return new DeskOutcome(results.size(), breaches, penalty, agentHours, p95(resolution));
    }

    /**
     * @param metric   a metric label
     * @param priority a priority, or null for all
     * @return its breaches
     */
    public long breaches(String metric, Priority priority) {
        Map<String, Long> m = breaches.getOrDefault(metric, Map.of());
        return priority == null ? m.values().stream().mapToLong(Long::longValue).sum()
                : m.getOrDefault(priority.label(), 0L);
    }

    /** Nearest rank. */
    static double p95(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[Math.max(0, (int) Math.ceil(0.95 * v.length) - 1)];
    }
}
