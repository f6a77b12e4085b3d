package org.slacast.training.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.slacast.core.cost.CostModel;
import org.slacast.core.cost.Decision;
import org.slacast.training.data.Example;

/**
 * What the expected-value rule earns on test tickets: act on a ticket at creation exactly when
 * {@code p × penalty × effectiveness > cost} (see {@link CostModel#decide}); an intervention on a ticket that
 * breached saves {@code penalty × effectiveness}, every intervention costs its price. Every model and baseline is
 * judged by this one rule, each with its own probabilities: the priority baseline, whose probability is its
 * priority's breach rate, therefore acts per priority. Intervals are the 2.5th and 97.5th percentiles of a
 * seeded bootstrap over tickets (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13); every
 * evaluation resamples the same tickets, so two intervals on the same test set are paired.
 *
 * @param tickets       tickets decided on (one decision each, at creation)
 * @param interventions tickets acted on
 * @param spend         what the interventions cost
 * @param netSavings    penalties prevented minus spend
 * @param roi           net savings per unit spent, 0 when nothing was spent
 * @param savingsLow    the bootstrap interval's lower end for net savings
 * @param savingsHigh   its upper end
 * @param roiLow        the bootstrap interval's lower end for ROI
 * @param roiHigh       its upper end
 * @param months        the same figures per calendar month (UTC) of creation
 * @param perTicket     each ticket's realised saving, for paired comparisons; not written to reports
 */
public record DecisionSavings(long tickets, long interventions, double spend, double netSavings, double roi,
                              double savingsLow, double savingsHigh, double roiLow, double roiHigh,
                              List<Month> months, @JsonIgnore double[] perTicket) {
    /** Bootstrap resamples. */
    public static final int RESAMPLES = 1000;
    /** The bootstrap's seed: fixed, so that a report is reproducible and intervals are paired. */
    public static final long SEED = 20_14L;

    /**
     * One month's figures.
     *
     * @param month         the month
     * @param tickets       tickets created in it
     * @param interventions interventions on them
     * @param spend         their cost
     * @param netSavings    penalties prevented minus spend
     */
    public record Month(YearMonth month, long tickets, long interventions, double spend, double netSavings) {
    }

    /**
     * @param test test examples (only those at creation are decided on)
     * @param p    their probabilities
     * @param cost the cost model
     * @return the rule's figures
     */
    public static DecisionSavings of(List<Example> test, double[] p, CostModel cost) {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i).checkpoint() == 0) {
                first.add(i);
            }
        }
        double[] saving = new double[first.size()];
        boolean[] acted = new boolean[first.size()];
        TreeMap<YearMonth, double[]> byMonth = new TreeMap<>();
        for (int k = 0; k < first.size(); k++) {
            Example e = test.get(first.get(k));
            Decision d = decide(cost, e, p[first.get(k)]);
            acted[k] = d.act();
            saving[k] = realised(d, e.label() == 1);
            double[] m = byMonth.computeIfAbsent(YearMonth.from(e.createdAt().atOffset(ZoneOffset.UTC)),
                    x -> new double[4]);
            m[0]++;
            m[1] += acted[k] ? 1 : 0;
            m[2] += acted[k] ? d.cost() : 0;
            m[3] += saving[k];
        }
        List<Month> months = new ArrayList<>();
        byMonth.forEach((month, m) -> months.add(new Month(month, (long) m[0], (long) m[1], m[2], m[3])));
        return of(saving, acted, cost.interventionCost(), months);
    }

    /**
     * @param cost the cost model
     * @param e    an example
     * @param p    its probability
     * @return the rule's decision on it, at its checkpoint
     */
    static Decision decide(CostModel cost, Example e, double p) {
        return cost.decide(p, e.priority(), e.contract(), e.customer(), e.fraction());
    }

    /** Acting on a breach prevents its share of the penalty; acting costs the intervention either way. */
    static double realised(Decision d, boolean breached) {
        return d.act() ? (breached ? d.penalty() * d.effectiveness() : 0) - d.cost() : 0;
    }

    static DecisionSavings of(double[] saving, boolean[] acted, double unitCost, List<Month> months) {
        long n = 0;
        double net = 0;
        for (int k = 0; k < saving.length; k++) {
            n += acted[k] ? 1 : 0;
            net += saving[k];
        }
        double spend = n * unitCost;
        double[][] boot = bootstrap(saving, acted, unitCost);
        return new DecisionSavings(saving.length, n, spend, net, spend == 0 ? 0 : net / spend,
                percentile(boot[0], 0.025), percentile(boot[0], 0.975), percentile(boot[1], 0.025),
                percentile(boot[1], 0.975), List.copyOf(months), saving);
    }

    /** Net savings and ROI of each resample of the tickets. */
    private static double[][] bootstrap(double[] saving, boolean[] acted, double unitCost) {
        double[][] out = new double[2][RESAMPLES];
        if (saving.length == 0) {
            return out;
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int b = 0; b < RESAMPLES; b++) {
            double net = 0;
            long n = 0;
            for (int k = 0; k < saving.length; k++) {
                int i = rnd.nextInt(saving.length);
                net += saving[i];
                n += acted[i] ? 1 : 0;
            }
            out[0][b] = net;
            out[1][b] = n == 0 ? 0 : net / (n * unitCost);
        }
        return out;
    }

    /**
     * A paired bootstrap interval for the difference of two rules' net savings on the same tickets.
     *
     * @param a one rule's figures
     * @param b another's, on the same tickets in the same order
     * @return {difference, lower end, upper end} of a minus b
     */
    public static double[] difference(DecisionSavings a, DecisionSavings b) {
        double[] d = new double[a.perTicket.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = a.perTicket[k] - b.perTicket[k];
        }
        double[][] boot = bootstrap(d, new boolean[d.length], 1);
        return new double[] {a.netSavings - b.netSavings, percentile(boot[0], 0.025), percentile(boot[0], 0.975)};
    }

    /** The q-quantile by the nearest-rank method on a sorted copy. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }
}
