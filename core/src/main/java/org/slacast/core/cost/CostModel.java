package org.slacast.core.cost;

import org.slacast.core.BadInputException;
import java.util.EnumMap;
import java.util.Map;
import org.slacast.core.ticket.Priority;

/**
 * The cost-penalty model: a breach of a ticket of priority p costs {@code penalty(p)}; an intervention (moving
 * the ticket up, adding an agent) costs {@code interventionCost} and prevents a breach with probability
 * {@code effectiveness}. For a ticket with breach probability q, acting saves
 * {@code q * penalty * effectiveness - interventionCost} in expectation (the decision rule of cost-sensitive
 * classification, Elkan, "The Foundations of Cost-Sensitive Learning", IJCAI 2001).
 *
 * @param penalties        breach penalty per priority
 * @param interventionCost the cost of one intervention
 * @param effectiveness    the share of breaches an intervention prevents, in [0, 1]
 */
public record CostModel(Map<Priority, Double> penalties, double interventionCost, double effectiveness) {

    /** Checks the numbers and fills priorities without a penalty with 0. */
    public CostModel {
        EnumMap<Priority, Double> p = new EnumMap<>(Priority.class);
        for (Priority pr : Priority.values()) {
            double v = penalties.getOrDefault(pr, 0.0);
            if (!(v >= 0)) {
                throw new BadInputException("penalty for " + pr.label() + " must be 0 or more, not " + v);
            }
            p.put(pr, v);
        }
        penalties = java.util.Collections.unmodifiableMap(p);
        if (!(interventionCost >= 0)) {
            throw new BadInputException("intervention cost must be 0 or more, not " + interventionCost);
        }
        if (!(effectiveness >= 0 && effectiveness <= 1)) {
            throw new BadInputException("intervention effectiveness must be between 0 and 1, not " + effectiveness);
        }
    }

    /** @return Critical 500, High 200, Medium 50, Low 10, Planning 5; intervention 20 at 50% effectiveness */
    public static CostModel defaults() {
        return new CostModel(Map.of(Priority.CRITICAL, 500.0, Priority.HIGH, 200.0, Priority.MEDIUM, 50.0,
                Priority.LOW, 10.0, Priority.PLANNING, 5.0), 20, 0.5);
    }

    /**
     * @param p a priority
     * @return its breach penalty
     */
    public double penalty(Priority p) {
        return penalties.get(p);
    }

    /**
     * @param probability breach probability
     * @param p           priority
     * @return the penalty expected without acting
     */
    public double expectedPenalty(double probability, Priority p) {
        return probability * penalty(p);
    }

    /**
     * @param probability breach probability
     * @param p           priority
     * @return what acting saves in expectation, net of its cost; negative when acting does not pay
     */
    public double expectedSaving(double probability, Priority p) {
        return probability * penalty(p) * effectiveness - interventionCost;
    }

    /**
     * The realised cost of one ticket under a decision.
     *
     * @param acted    whether it was intervened on
     * @param breached whether it breached (without intervention)
     * @param p        priority
     * @return intervention cost plus the expected remaining penalty
     */
    public double cost(boolean acted, boolean breached, Priority p) {
        double penalty = breached ? penalty(p) : 0;
        return acted ? interventionCost + penalty * (1 - effectiveness) : penalty;
    }
}
