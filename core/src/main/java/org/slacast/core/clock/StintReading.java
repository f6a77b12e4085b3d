package org.slacast.core.clock;

import java.time.Duration;
import java.time.Instant;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Tier;

/**
 * One visit of a ticket to a tier: a stint of that tier's OLA, judged on its own against the OLA's target. The
 * {@code ola_l1}..{@code ola_l3} metrics sum a ticket's stints per tier; these are the visits one by one.
 *
 * @param tier     the tier
 * @param visit    1 for the ticket's first stint in this tier, 2 for its second, ...
 * @param priority the ticket's latest priority, whose target applies
 * @param entered  when the stint began (the ticket entered the tier, or was reopened in it)
 * @param left     when it ended (the tier replied, handed the ticket on, or it was resolved), or null if open
 * @param elapsed  business time in the stint, its pauses excluded
 * @param paused   business time paused within the stint
 * @param target   the OLA's target for the ticket's latest priority, or null when the policy sets none
 * @param breached whether elapsed exceeds the target
 * @param state    {@link MetricState#COMPLETED} when ended, else where the open stint's clock stands
 */
public record StintReading(Tier tier, int visit, Priority priority, Instant entered, Instant left, Duration elapsed,
                           Duration paused, Duration target, boolean breached, MetricState state) {

    /** @return true if the stint has ended */
    public boolean completed() {
        return state == MetricState.COMPLETED;
    }
}
