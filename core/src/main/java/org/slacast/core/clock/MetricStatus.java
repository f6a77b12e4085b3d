package org.slacast.core.clock;

import java.time.Duration;
import java.time.Instant;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Priority;

/**
 * One metric of one ticket, as of some instant.
 *
 * @param metric      what is measured
 * @param priority    the priority whose target applies (the latest known)
 * @param target      business-time target, or null when the policy sets none
 * @param start       when the metric's clock first started, or null if it never did
 * @param elapsed     business time counted, pauses excluded
 * @param paused      business time spent paused within the metric's running intervals
 * @param dueAt       when the target is (or was) reached if the clock runs on from now; null without target
 * @param remaining   target minus elapsed; negative once breached; null without target
 * @param state       where the clock stands
 * @param breached    whether elapsed exceeds the target
 * @param breachedAt  when it exceeded the target, or null
 * @param completedAt when the clock stopped for good, or null
 */
public record MetricStatus(Metric metric, Priority priority, Duration target, Instant start, Duration elapsed,
                           Duration paused, Instant dueAt, Duration remaining, MetricState state, boolean breached,
                           Instant breachedAt, Instant completedAt) {

    /** @return true if the clock stopped for good */
    public boolean completed() {
        return state == MetricState.COMPLETED;
    }

    /** @return true if the clock stopped for good within the target */
    public boolean completedOnTime() {
        return completed() && !breached;
    }

    /** @return elapsed business minutes, with fractions */
    public double elapsedMinutes() {
        return elapsed.toMillis() / 60_000.0;
    }
}
