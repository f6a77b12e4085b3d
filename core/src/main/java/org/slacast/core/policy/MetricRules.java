package org.slacast.core.policy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slacast.core.BadInputException;
import org.slacast.core.ticket.EventType;

/**
 * How one metric's clock runs: which statuses pause it, which events stop it, and whether a reopen starts it
 * again. A policy that says nothing about a metric gets {@link #defaults}, which are slacast's rules before
 * per-metric rules existed.
 *
 * @param pauseStatuses statuses (lower case) that pause this metric; the policy's inactive statuses stop it too
 * @param stopOn        event types that stop it; for an OLA a hand-off ({@code tier_change}) always ends the stint
 * @param reopenResumes whether a reopen starts the metric again when it is stopped
 */
public record MetricRules(Set<String> pauseStatuses, Set<EventType> stopOn, boolean reopenResumes) {

    /** Copies the sets, lower-cases the statuses, and checks that something stops the metric. */
    public MetricRules {
        pauseStatuses = pauseStatuses.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (stopOn.isEmpty()) {
            throw new BadInputException("lists no event that stops the metric");
        }
        stopOn = Set.copyOf(stopOn);
    }

    /**
     * The rules a policy gets when it says nothing about a metric.
     *
     * @param metric                  the metric
     * @param pauseStatuses           the policy's pause statuses
     * @param reopenResumesResolution the policy's {@code reopen_resumes_resolution}
     * @return first response: stopped by a reply or the resolution, not resumed; resolution: stopped by resolved
     *         or closed, resumed as the policy says; an OLA stint: ended by its tier's reply, a hand-off or the
     *         resolution, and a new stint in the current tier on reopen
     */
    public static MetricRules defaults(Metric metric, Set<String> pauseStatuses, boolean reopenResumesResolution) {
        return switch (metric) {
            case Metric.FirstResponse fr -> new MetricRules(pauseStatuses, allowedStops(metric), false);
            case Metric.Resolution r -> new MetricRules(pauseStatuses, allowedStops(metric), reopenResumesResolution);
            case Metric.TierOla ola -> new MetricRules(pauseStatuses, allowedStops(metric), true);
        };
    }

    /**
     * @param metric a metric
     * @return the event types that may stop it (all of them stop it by default)
     */
    public static Set<EventType> allowedStops(Metric metric) {
        return switch (metric) {
            case Metric.Resolution r -> EnumSet.of(EventType.RESOLVED, EventType.CLOSED);
            case Metric.FirstResponse fr -> EnumSet.of(EventType.FIRST_RESPONSE, EventType.RESOLVED, EventType.CLOSED);
            case Metric.TierOla ola -> EnumSet.of(EventType.FIRST_RESPONSE, EventType.RESOLVED, EventType.CLOSED);
        };
    }

    /**
     * @param lowerCaseStatus a status, already stripped and lower-cased
     * @return true if it pauses this metric
     */
    public boolean pausesLower(String lowerCaseStatus) {
        return pauseStatuses.contains(lowerCaseStatus);
    }

    /**
     * @param type an event type
     * @return true if it stops this metric
     */
    public boolean stopsOn(EventType type) {
        return stopOn.contains(type);
    }
}
