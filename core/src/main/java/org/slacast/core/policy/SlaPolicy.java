package org.slacast.core.policy;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.ticket.Priority;

/**
 * One SLA: the calendar its times are counted on, per-priority targets for each metric, and its pause rules.
 *
 * @param name                    the policy's name
 * @param calendar                working time for every metric
 * @param match                   which tickets it covers
 * @param targets                 for each metric, a business-time target per priority; a priority without one
 *                                has no target for that metric
 * @param pauseStatuses           statuses (lower case) during which the clocks stop, e.g. pending_customer
 * @param inactiveStatuses        statuses (lower case) in which a ticket is neither open nor in progress, e.g.
 *                                cancelled; the clocks stop and the band is not_active
 * @param reopenResumesResolution whether a reopen resumes the resolution clock (true) or leaves the first
 *                                resolution as the outcome (false)
 * @param atRisk                  when an open metric counts as at risk
 */
public record SlaPolicy(String name, BusinessCalendar calendar, PolicyMatch match,
                        Map<Metric, Map<Priority, Duration>> targets, Set<String> pauseStatuses,
                        Set<String> inactiveStatuses, boolean reopenResumesResolution, AtRiskThreshold atRisk) {

    /** Copies the collections and lower-cases the statuses. */
    public SlaPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(atRisk, "atRisk");
        targets = targets.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Map.copyOf(e.getValue())));
        pauseStatuses = lower(pauseStatuses);
        inactiveStatuses = lower(inactiveStatuses);
    }

    private static Set<String> lower(Set<String> s) {
        return s.stream().map(x -> x.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param metric   a metric
     * @param priority a priority
     * @return the business-time target, if the policy sets one
     */
    public Optional<Duration> target(Metric metric, Priority priority) {
        Map<Priority, Duration> byPriority = targets.get(metric);
        return byPriority == null ? Optional.empty() : Optional.ofNullable(byPriority.get(priority));
    }

    /**
     * @param status a status as written in the event log
     * @return true if it stops the clocks
     */
    public boolean pauses(String status) {
        return status != null && pauseStatuses.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param status a status as written in the event log
     * @return true if it is neither open nor in progress
     */
    public boolean inactive(String status) {
        return status != null && inactiveStatuses.contains(status.strip().toLowerCase(Locale.ROOT));
    }
}
