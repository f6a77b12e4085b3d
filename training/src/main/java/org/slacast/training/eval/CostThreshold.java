package org.slacast.training.eval;

import java.util.ArrayList;
import java.util.List;
import org.slacast.core.cost.CostModel;
import org.slacast.core.ticket.Priority;

/**
 * Chooses the decision threshold that minimises total cost (missed breaches' penalties plus interventions) and
 * reports what it saves. Decisions are taken once per ticket, at creation, as a routing system would.
 *
 * @param threshold     the chosen threshold
 * @param curve         total cost at each candidate threshold, for the report
 * @param costNoAction  total penalty when nothing is done
 * @param costAtChoice  total cost at the threshold
 * @param interventions how many tickets are intervened on
 * @param spend         what the interventions cost
 * @param netSavings    costNoAction - costAtChoice
 * @param roi           net savings per unit spent on interventions
 */
public record CostThreshold(double threshold, List<double[]> curve, double costNoAction, double costAtChoice,
                            long interventions, double spend, double netSavings, double roi) {

    /**
     * Fits the threshold on one set of predictions (validation).
     *
     * @param p          probabilities
     * @param y          labels
     * @param priorities each prediction's priority
     * @param cost       the cost model
     * @return the threshold with the lowest total cost, and its figures on the same data
     */
    public static CostThreshold choose(double[] p, int[] y, Priority[] priorities, CostModel cost) {
        List<double[]> curve = new ArrayList<>();
        double best = 0.5;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 99; k++) {
            double t = k / 100.0;
            double c = total(p, y, priorities, cost, t);
            curve.add(new double[] {t, c});
            if (c < bestCost) {
                bestCost = c;
                best = t;
            }
        }
        return at(p, y, priorities, cost, best, curve);
    }

    /**
     * The figures of a given threshold on some predictions (test).
     *
     * @param p          probabilities
     * @param y          labels
     * @param priorities priorities
     * @param cost       the cost model
     * @param threshold  the threshold
     * @param curve      the curve to carry along
     * @return the figures
     */
    public static CostThreshold at(double[] p, int[] y, Priority[] priorities, CostModel cost, double threshold,
                                   List<double[]> curve) {
        double none = total(p, y, priorities, cost, Double.POSITIVE_INFINITY);
        double at = total(p, y, priorities, cost, threshold);
        long n = 0;
        for (double v : p) {
            n += v >= threshold ? 1 : 0;
        }
        double spend = n * cost.interventionCost();
        return new CostThreshold(threshold, curve, none, at, n, spend, none - at,
                spend == 0 ? 0 : (none - at) / spend);
    }

    private static double total(double[] p, int[] y, Priority[] pr, CostModel cost, double t) {
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            c += cost.cost(p[i] >= t, y[i] == 1, pr[i]);
        }
        return c;
    }
}
