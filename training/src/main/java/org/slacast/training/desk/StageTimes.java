package org.slacast.training.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.MetricRules;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventOrder;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * The business minutes one ticket spent in each status, until its resolution and until its first response.
 * Time after a resolution and before a reopen counts for neither; paused statuses count as stages of their own
 * (the SLA clock leaves them out, the requester does not).
 *
 * @param ticket        the ticket
 * @param reached       the highest tier it reached
 * @param resolution    minutes by status until the resolution clock stopped for good; null while it runs
 * @param firstResponse minutes by status until the first response; null before it
 */
public record StageTimes(Ticket ticket, Tier reached, Map<String, Double> resolution,
                         Map<String, Double> firstResponse) {
    /** The status a ticket is in before any event names one. */
    public static final String FIRST_STATUS = "new";
    /** The status after an event that stops the resolution clock without naming a status. */
    public static final String STOPPED = "(resolved)";

    /** Copies the maps. */
    public StageTimes {
        resolution = resolution == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolution));
        firstResponse = firstResponse == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(firstResponse));
    }

    /**
     * @param metric resolution or first response
     * @return the minutes by status until that metric stopped; null while it runs
     */
    public Map<String, Double> of(Metric metric) {
        return metric == Metric.FIRST_RESPONSE ? firstResponse : resolution;
    }

    /**
     * @param e   an event
     * @param res the resolution metric's rules
     * @return the status the ticket is in after it, lower case: the one it names, {@value #STOPPED} after an
     *         event that stops the resolution clock without naming one, {@code reopened} after a bare reopen;
     *         null when it leaves the status as it was
     */
    static String statusAfter(TicketEvent e, MetricRules res) {
        if (e.status() != null && !e.status().isBlank()) {
            return e.status().strip().toLowerCase(Locale.ROOT);
        }
        if (res.stopsOn(e.type())) {
            return STOPPED;
        }
        return e.type() == EventType.REOPENED ? "reopened" : null;
    }

    /**
     * @param ticket the ticket
     * @param events its events, in any order
     * @param policy its policy: the calendar counts the minutes, and each metric's rules say which events stop it
     * @return its stage times
     */
    public static StageTimes of(Ticket ticket, List<TicketEvent> events, SlaPolicy policy) {
        List<TicketEvent> ordered = new ArrayList<>(events);
        ordered.sort(EventOrder.ORDER);
        BusinessCalendar cal = policy.calendar();
        MetricRules res = policy.rules(Metric.RESOLUTION);
        MetricRules fr = policy.rules(Metric.FIRST_RESPONSE);
        Map<String, Double> resolution = new LinkedHashMap<>();
        Map<String, Double> response = new LinkedHashMap<>();
        String status = FIRST_STATUS;
        Tier reached = ticket.tier();
        long from = ticket.createdAt().toEpochMilli();
        boolean stopped = false;
        boolean responded = false;
        for (TicketEvent e : ordered) {
            long at = Math.max(from, e.at().toEpochMilli());
            double minutes = cal.millisBetween(from, at) / 60_000.0;
            if (!stopped && minutes > 0) {
                resolution.merge(status, minutes, Double::sum);
            }
            if (!responded && minutes > 0) {
                response.merge(status, minutes, Double::sum);
            }
            from = at;
            if (e.tier() != null && e.tier().compareTo(reached) > 0) {
                reached = e.tier();
            }
            String next = statusAfter(e, res);
            status = next == null ? status : next;
            stopped = e.type() == EventType.REOPENED ? false : stopped || res.stopsOn(e.type());
            responded = responded || fr.stopsOn(e.type());
        }
        return new StageTimes(ticket, reached, stopped ? resolution : null, responded ? response : null);
    }
}
