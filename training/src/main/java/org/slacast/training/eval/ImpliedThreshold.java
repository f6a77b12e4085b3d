package org.slacast.training.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slacast.core.cost.CostModel;
import org.slacast.core.ticket.Priority;

/**
 * The probability above which acting at creation pays, {@code cost / (penalty × effectiveness)}: what the
 * expected-value rule amounts to for one priority (and contract). Above 1, acting never pays.
 *
 * @param priority      the priority
 * @param contract      the contract whose penalty this is, or null for the priority's own
 * @param penalty       the breach penalty
 * @param effectiveness the share of breaches an intervention at creation prevents
 * @param threshold     the implied threshold; infinite when penalty or effectiveness is 0
 */
public record ImpliedThreshold(Priority priority, String contract, double penalty, double effectiveness,
                               double threshold) {

    /**
     * @param cost a cost model
     * @return one row per priority, then one per priority a contract overrides
     */
    public static List<ImpliedThreshold> of(CostModel cost) {
        List<ImpliedThreshold> out = new ArrayList<>();
        for (Priority p : Priority.values()) {
            out.add(row(cost, p, null));
        }
        for (Map.Entry<String, Map<Priority, Double>> c : cost.contracts().entrySet()) {
            for (Priority p : c.getValue().keySet()) {
                out.add(row(cost, p, c.getKey()));
            }
        }
        return List.copyOf(out);
    }

    private static ImpliedThreshold row(CostModel cost, Priority p, String contract) {
        return new ImpliedThreshold(p, contract, cost.penalty(p, contract, null), cost.effectiveness(0),
                cost.threshold(p, contract, null, 0));
    }

    /** @return the threshold to three decimals, or "never" when acting cannot pay */
    public String label() {
        return threshold >= 1 ? "never" : String.format(java.util.Locale.ROOT, "%.3f", threshold);
    }
}
