package org.slacast.core.feature;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;

/**
 * The instants in a ticket's life at which training takes an example: fractions of the target's business time
 * after creation, so that a model learns to re-score a ticket as it ages.
 */
public final class Checkpoints {
    /** The default fractions: at creation, and at a quarter, half and three quarters of the target. */
    public static final List<Double> DEFAULT = List.of(0.0, 0.25, 0.5, 0.75);

    private Checkpoints() {
    }

    /**
     * @param t         the ticket
     * @param policy    its policy
     * @param metric    the target metric
     * @param fractions fractions of the target in [0, 1)
     * @return the instants, creation first; only creation when the policy sets no target
     */
    public static List<Instant> of(Ticket t, SlaPolicy policy, Metric metric, List<Double> fractions) {
        Optional<Duration> target = policy.target(metric, t.priority());
        List<Instant> out = new ArrayList<>();
        for (double f : fractions) {
            if (f == 0 || target.isEmpty()) {
                if (!out.contains(t.createdAt())) {
                    out.add(t.createdAt());
                }
                continue;
            }
            out.add(policy.calendar().plus(t.createdAt(), Duration.ofMillis((long) (target.get().toMillis() * f))));
        }
        return out;
    }
}
