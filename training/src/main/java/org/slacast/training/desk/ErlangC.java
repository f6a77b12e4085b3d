package org.slacast.training.desk;

import org.slacast.core.BadInputException;

/**
 * The Erlang C queue (M/M/N): how many agents a stream of tickets needs for a service level. A. K. Erlang, "Solution
 * of some problems in the theory of probabilities of significance in automatic telephone exchanges", 1917; in the
 * form of G. Koole, "Call Center Optimization", 2013, ch. 4. The probability of waiting is computed from Erlang B
 * by its recursion, which stays stable for hundreds of agents.
 */
public final class ErlangC {
    /** No desk needs more agents than this in an hour; past it the search stops and says so. */
    public static final int MAX_AGENTS = 10_000;

    private ErlangC() {
    }

    /**
     * @param agents  agents on duty
     * @param erlangs the offered load: arrivals per unit of time × mean handle time in that unit
     * @return the probability that a ticket waits at all; 1 when the agents cannot keep up
     */
    public static double waitProbability(int agents, double erlangs) {
        if (erlangs <= 0) {
            return 0;
        }
        if (agents <= erlangs) {
            return 1;
        }
        double b = 1;
        for (int n = 1; n <= agents; n++) {
            b = erlangs * b / (n + erlangs * b);
        }
        return agents * b / (agents - erlangs * (1 - b));
    }

    /**
     * @param agents     agents on duty
     * @param erlangs    the offered load
     * @param handleTime the mean handle time
     * @param within     the answer time, in the unit of {@code handleTime}
     * @return the share of tickets answered within {@code within}
     */
    public static double serviceLevel(int agents, double erlangs, double handleTime, double within) {
        if (erlangs <= 0) {
            return 1;
        }
        if (agents <= erlangs) {
            return 0;
        }
        return 1 - waitProbability(agents, erlangs) * Math.exp(-(agents - erlangs) * within / handleTime);
    }

    /**
     * @param erlangs    the offered load
     * @param handleTime the mean handle time
     * @param within     the answer time, in the unit of {@code handleTime}
     * @param target     the share to answer within it, in (0, 1)
     * @return the fewest agents that reach the target; 0 without load
     * @throws BadInputException if more than {@link #MAX_AGENTS} would be needed
     */
    public static int agentsFor(double erlangs, double handleTime, double within, double target) {
        if (erlangs <= 0) {
            return 0;
        }
        for (int n = Math.max(1, (int) Math.floor(erlangs) + 1); n <= MAX_AGENTS; n++) {
            if (serviceLevel(n, erlangs, handleTime, within) >= target) {
                return n;
            }
        }
        throw new BadInputException("a load of " + erlangs + " Erlangs needs more than " + MAX_AGENTS + " agents for "
                + "the service level; check the handle time");
    }
}
