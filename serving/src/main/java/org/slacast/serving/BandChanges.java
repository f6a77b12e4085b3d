package org.slacast.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.calendar.BusinessCalendar;
import org.slacast.core.clock.MetricState;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.policy.SlaPolicy;

/**
 * When a running SLA clock will next change band with no news: it turns at risk when the policy's threshold is
 * reached and overdue at its due instant. Knowing these instants, the queue re-scores a ticket the moment its band
 * changes instead of sweeping every ticket on a timer.
 */
final class BandChanges {
    private BandChanges() {
    }

    /**
     * @param m      the metric as measured at {@code at}
     * @param policy the ticket's policy
     * @param at     the instant measured
     * @return the first instant after {@code at} at which the band changes, or null when only news can change it
     */
    static Instant next(MetricStatus m, SlaPolicy policy, Instant at) {
        if (m == null || m.target() == null || m.state() != MetricState.RUNNING || m.dueAt() == null) {
            return null;
        }
        if (m.breached() || !m.dueAt().isAfter(at)) {
            return null;
        }
        Instant risk = atRisk(m, policy.atRisk(), policy.calendar(), at);
        return risk != null && risk.isAfter(at) ? risk : m.dueAt();
    }

    /** The instant the threshold is reached, or null when it has been already. */
    private static Instant atRisk(MetricStatus m, AtRiskThreshold threshold, BusinessCalendar calendar, Instant at) {
        Duration untilRisk = switch (threshold) {
            case AtRiskThreshold.Lead l -> null;
            case AtRiskThreshold.BusinessLead b -> m.remaining().minus(b.lead());
            case AtRiskThreshold.FractionRemaining f ->
                    m.remaining().minusMillis((long) Math.floor(f.fraction() * m.target().toMillis()));
        };
        if (threshold instanceof AtRiskThreshold.Lead l) {
            Instant risk = m.dueAt().minus(l.lead());
            return risk.isAfter(at) ? risk : null;
        }
        // The band is judged with remaining <= the threshold, so the change is at the threshold itself.
        return untilRisk.isPositive() ? calendar.plus(at, untilRisk) : null;
    }

    /**
     * @param checkpoints the instants the model was trained to score at, in order
     * @param at          an instant
     * @return the latest checkpoint not after {@code at}, or null
     */
    static Instant lastPassed(List<Instant> checkpoints, Instant at) {
        Instant last = null;
        for (Instant c : checkpoints) {
            if (!c.isAfter(at)) {
                last = c;
            }
        }
        return last;
    }

    /**
     * @param checkpoints the instants, in order
     * @param at          an instant
     * @return the first checkpoint after {@code at}, or null
     */
    static Instant firstAfter(List<Instant> checkpoints, Instant at) {
        for (Instant c : checkpoints) {
            if (c.isAfter(at)) {
                return c;
            }
        }
        return null;
    }
}
