package org.slacast.core.policy;

import java.time.Duration;
import java.util.HashMap;
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
 * One SLA: the calendar its times are counted on, per-priority targets for each metric, its pause rules, each
 * metric's own rules, and how tier stints begin.
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
 * @param rules                   per metric, its own rules; a metric not listed gets {@link MetricRules#defaults}
 * @param startTier               whether a ticket starts in its tickets.csv tier or in none
 * @param sameTierChange          what a {@code tier_change} to the tier the ticket is in does
 */
public record SlaPolicy(String name, BusinessCalendar calendar, PolicyMatch match,
                        Map<Metric, Map<Priority, Duration>> targets, Set<String> pauseStatuses,
                        Set<String> inactiveStatuses, boolean reopenResumesResolution, AtRiskThreshold atRisk,
                        Map<Metric, MetricRules> rules, StartTier startTier, SameTierChange sameTierChange) {

    /** Where a ticket's first tier stint comes from. */
    public enum StartTier {
        /** The ticket starts in the tier tickets.csv gives (L1 when it gives none); a stint starts at creation. */
        TICKET,
        /** The ticket is in no tier until its first {@code tier_change}; no OLA runs before it. */
        NONE
    }

    /** What a {@code tier_change} to the ticket's current tier does. */
    public enum SameTierChange {
        /** Nothing: the ticket stays where it is (the stint, if one runs, goes on). */
        IGNORE,
        /** It ends the current stint, if one runs, and starts a new one in the same tier: a new visit. */
        NEW_STINT
    }

    /** Copies the collections, lower-cases the statuses and fills in every metric's rules. */
    public SlaPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(atRisk, "atRisk");
        Objects.requireNonNull(startTier, "startTier");
        Objects.requireNonNull(sameTierChange, "sameTierChange");
        targets = targets.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Map.copyOf(e.getValue())));
        pauseStatuses = lower(pauseStatuses);
        inactiveStatuses = lower(inactiveStatuses);
        Map<Metric, MetricRules> all = new HashMap<>();
        for (Metric m : Metric.ALL) {
            all.put(m, rules.getOrDefault(m, MetricRules.defaults(m, pauseStatuses, reopenResumesResolution)));
        }
        rules = Map.copyOf(all);
    }

    /**
     * A policy with today's default rules for every metric, tickets starting in their own tier, and a
     * {@code tier_change} to the same tier ignored.
     *
     * @param name                    the policy's name
     * @param calendar                working time for every metric
     * @param match                   which tickets it covers
     * @param targets                 for each metric, a business-time target per priority
     * @param pauseStatuses           statuses during which the clocks stop
     * @param inactiveStatuses        statuses in which a ticket is neither open nor in progress
     * @param reopenResumesResolution whether a reopen resumes the resolution clock
     * @param atRisk                  when an open metric counts as at risk
     */
    public SlaPolicy(String name, BusinessCalendar calendar, PolicyMatch match,
                     Map<Metric, Map<Priority, Duration>> targets, Set<String> pauseStatuses,
                     Set<String> inactiveStatuses, boolean reopenResumesResolution, AtRiskThreshold atRisk) {
        this(name, calendar, match, targets, pauseStatuses, inactiveStatuses, reopenResumesResolution, atRisk,
                Map.of(), StartTier.TICKET, SameTierChange.IGNORE);
    }

    /**
     * @param metric a metric
     * @return its rules under this policy
     */
    public MetricRules rules(Metric metric) {
        return rules.get(metric);
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
