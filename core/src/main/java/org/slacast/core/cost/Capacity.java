package org.slacast.core.cost;

import java.time.Duration;
import org.slacast.core.BadInputException;

/**
 * How many interventions the desk can make: at most {@code interventions} per window of {@code per} (an hour, or
 * an 8-hour shift). Within a window the tickets with the largest expected saving are taken first (capacity-aware
 * ranking, after Shoush and Dumas, "When to intervene? Prescriptive process monitoring under uncertainty and
 * resource constraints", BPM 2022).
 *
 * @param interventions at most this many per window
 * @param per           the window's length, between a minute and a week
 */
public record Capacity(int interventions, Duration per) {
    /** Checks the numbers. */
    public Capacity {
        if (interventions < 0) {
            throw new BadInputException("capacity must be 0 or more interventions, not " + interventions);
        }
        if (per.compareTo(Duration.ofMinutes(1)) < 0 || per.compareTo(Duration.ofDays(7)) > 0) {
            throw new BadInputException("a capacity window must be between 1 minute and 7 days, not " + per);
        }
    }

    /** @return e.g. {@code 6 per 1h} */
    @Override
    public String toString() {
        return interventions + " per " + org.slacast.core.policy.Durations.format(per);
    }
}
