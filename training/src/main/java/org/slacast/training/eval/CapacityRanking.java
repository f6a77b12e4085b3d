package org.slacast.training.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slacast.core.cost.Capacity;
import org.slacast.core.cost.CostModel;
import org.slacast.core.cost.Decision;
import org.slacast.training.data.Example;

/**
 * Decisions when the desk can act on at most K tickets per window: within each window of creation times the
 * tickets are ranked by expected saving and the top K with a positive saving are acted on (capacity-aware
 * ranking, after Shoush and Dumas, "When to intervene? Prescriptive process monitoring under uncertainty and
 * resource constraints", BPM 2022). The ranking sees the whole window at once, so on a live desk, which must
 * decide before the window's later tickets arrive, the capped figures are an upper bound.
 *
 * @param capacity  the cap judged, or null when none was set
 * @param uncapped  interventions and net savings without a cap
 * @param capped    the same under the cap, or null when none was set
 * @param curve     interventions and net savings for K = 0, 1, 2, ... per hour (or per the cap's window), up to
 *                  the K beyond which the cap no longer binds
 */
public record CapacityRanking(Capacity capacity, Point uncapped, Point capped, List<Point> curve) {

    /**
     * One cap's figures.
     *
     * @param perWindow     the cap, or -1 for none
     * @param interventions tickets acted on
     * @param netSavings    penalties prevented minus spend
     */
    public record Point(int perWindow, long interventions, double netSavings) {
    }

    /**
     * @param test     test examples (those at creation are decided on)
     * @param p        their probabilities
     * @param cost     the cost model
     * @param capacity the desk's cap, or null
     * @return the figures with and without the cap, and the curve
     */
    public static CapacityRanking of(List<Example> test, double[] p, CostModel cost, Capacity capacity) {
        long window = (capacity == null ? java.time.Duration.ofHours(1) : capacity.per()).toMillis();
        // Each window's tickets worth acting on, best first.
        Map<Long, List<double[]>> windows = new TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            if (e.checkpoint() != 0) {
                continue;
            }
            Decision d = DecisionSavings.decide(cost, e, p[i]);
            if (d.act()) {
                windows.computeIfAbsent(Math.floorDiv(e.createdAt().toEpochMilli(), window), k -> new ArrayList<>())
                        .add(new double[] {d.saving(), DecisionSavings.realised(d, e.label() == 1)});
            }
        }
        int widest = 0;
        for (List<double[]> w : windows.values()) {
            w.sort(Comparator.comparingDouble((double[] x) -> -x[0]));
            widest = Math.max(widest, w.size());
        }
        List<Point> curve = new ArrayList<>();
        for (int k = 0; k <= widest; k++) {
            curve.add(at(windows, k));
        }
        Point all = at(windows, Integer.MAX_VALUE);
        return new CapacityRanking(capacity, new Point(-1, all.interventions(), all.netSavings()),
                capacity == null ? null : at(windows, capacity.interventions()), List.copyOf(curve));
    }

    private static Point at(Map<Long, List<double[]>> windows, int k) {
        long n = 0;
        double net = 0;
        for (List<double[]> w : windows.values()) {
            for (int j = 0; j < Math.min(k, w.size()); j++) {
                n++;
                net += w.get(j)[1];
            }
        }
        return new Point(k, n, net);
    }
}
