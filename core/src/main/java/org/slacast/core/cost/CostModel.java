package org.slacast.core.cost;

import org.slacast.core.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.ticket.Priority;

/**
 * The cost-penalty model: a breach of a ticket costs its penalty (by priority, overridden per contract, weighted
 * per customer); an intervention (moving the ticket up, adding an agent) costs {@code interventionCost} and
 * prevents a breach with a probability that depends on how early it comes. For a ticket with breach probability
 * q, acting saves {@code q * penalty * effectiveness - interventionCost} in expectation; acting pays exactly when
 * that is positive (the decision rule of cost-sensitive classification, Elkan, "The Foundations of
 * Cost-Sensitive Learning", IJCAI 2001), which needs q calibrated.
 *
 * @param penalties        breach penalty per priority
 * @param interventionCost the cost of one intervention
 * @param effectiveness    the share of breaches an intervention at creation prevents, in [0, 1]; later
 *                         checkpoints take {@code effectivenessSteps} when there are any
 * @param contracts        per contract, penalties that replace the priority's; absent in older bundles: none
 * @param customers        per customer, a weight on the penalty (a key account's tier); absent: none (weight 1)
 * @param effectivenessSteps the effectiveness from each fraction of the target's time on, ascending; absent or
 *                         empty: {@code effectiveness} throughout
 */
public record CostModel(Map<Priority, Double> penalties, double interventionCost, double effectiveness,
                        Map<String, Map<Priority, Double>> contracts, Map<String, Double> customers,
                        List<EffectivenessStep> effectivenessSteps) {

    /**
     * From a fraction of the target's business time on, an intervention prevents this share of breaches.
     *
     * @param from  fraction of the target elapsed, in [0, 1)
     * @param share share of breaches prevented, in [0, 1]
     */
    public record EffectivenessStep(double from, double share) {
        /** Checks the range. */
        public EffectivenessStep {
            if (!(from >= 0 && from < 1)) {
                throw new BadInputException("effectiveness: " + from + " is not a fraction of the target in [0, 1)");
            }
            if (!(share >= 0 && share <= 1)) {
                throw new BadInputException("effectiveness at " + from + " must be between 0 and 1, not " + share);
            }
        }
    }

    /** Checks the numbers, fills priorities without a penalty with 0 and takes absent parts as none. */
    public CostModel {
        penalties = priorities(penalties, "penalty for ");
        Map<String, Map<Priority, Double>> c = new LinkedHashMap<>();
        (contracts == null ? Map.<String, Map<Priority, Double>>of() : contracts).forEach((k, v) -> {
            EnumMap<Priority, Double> m = new EnumMap<>(Priority.class);
            v.forEach((p, x) -> m.put(p, nonNegative(x, "penalty for contract " + k + ", " + p.label())));
            c.put(k, Collections.unmodifiableMap(m));
        });
        contracts = Collections.unmodifiableMap(c);
        Map<String, Double> w = new LinkedHashMap<>();
        (customers == null ? Map.<String, Double>of() : customers)
                .forEach((k, v) -> w.put(k, nonNegative(v, "penalty weight of customer " + k)));
        customers = Collections.unmodifiableMap(w);
        nonNegative(interventionCost, "intervention cost");
        if (!(effectiveness >= 0 && effectiveness <= 1)) {
            throw new BadInputException("intervention effectiveness must be between 0 and 1, not " + effectiveness);
        }
        List<EffectivenessStep> steps = new ArrayList<>(effectivenessSteps == null ? List.of() : effectivenessSteps);
        steps.sort(Comparator.comparingDouble(EffectivenessStep::from));
        effectivenessSteps = List.copyOf(steps);
    }

    /**
     * A model with one penalty per priority and one effectiveness throughout.
     *
     * @param penalties        breach penalty per priority
     * @param interventionCost the cost of one intervention
     * @param effectiveness    the share of breaches an intervention prevents
     */
    public CostModel(Map<Priority, Double> penalties, double interventionCost, double effectiveness) {
        this(penalties, interventionCost, effectiveness, Map.of(), Map.of(), List.of());
    }

    /** @return Critical 500, High 200, Medium 50, Low 10, Planning 5; intervention 20 at 50% effectiveness */
    public static CostModel defaults() {
        return new CostModel(Map.of(Priority.CRITICAL, 500.0, Priority.HIGH, 200.0, Priority.MEDIUM, 50.0,
                Priority.LOW, 10.0, Priority.PLANNING, 5.0), 20, 0.5);
    }

    /**
     * @param p a priority
     * @return its breach penalty before any contract or customer
     */
    public double penalty(Priority p) {
        return penalties.get(p);
    }

    /**
     * @param p        priority
     * @param contract the ticket's contract, or null
     * @param customer the ticket's customer, or null
     * @return its breach penalty: the contract's for the priority if it sets one, times the customer's weight
     */
    public double penalty(Priority p, String contract, String customer) {
        Map<Priority, Double> byContract = contract == null ? null : contracts.get(contract);
        Double base = byContract == null ? null : byContract.get(p);
        double weight = customer == null ? 1 : customers.getOrDefault(customer, 1.0);
        return (base == null ? penalty(p) : base) * weight;
    }

    /**
     * @param fraction the fraction of the target's business time elapsed when acting (0 at creation)
     * @return the share of breaches an intervention then prevents
     */
    public double effectiveness(double fraction) {
        double share = effectivenessSteps.isEmpty() ? effectiveness : effectivenessSteps.getFirst().share();
        for (EffectivenessStep s : effectivenessSteps) {
            if (s.from() <= fraction) {
                share = s.share();
            }
        }
        return share;
    }

    /**
     * The decision on one ticket.
     *
     * @param probability its calibrated breach probability
     * @param p           priority
     * @param contract    contract, or null
     * @param customer    customer, or null
     * @param fraction    fraction of the target elapsed
     * @return the decision, with its arithmetic
     */
    public Decision decide(double probability, Priority p, String contract, String customer, double fraction) {
        return new Decision(probability, penalty(p, contract, customer), effectiveness(fraction), interventionCost);
    }

    /**
     * The implied probability threshold: acting pays above it. Above 1, acting never pays.
     *
     * @param p        priority
     * @param contract contract, or null
     * @param customer customer, or null
     * @param fraction fraction of the target elapsed
     * @return {@code cost / (penalty * effectiveness)}, infinite when the product is 0
     */
    public double threshold(Priority p, String contract, String customer, double fraction) {
        double gain = penalty(p, contract, customer) * effectiveness(fraction);
        return gain == 0 ? Double.POSITIVE_INFINITY : interventionCost / gain;
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
     * @return what acting at creation saves in expectation, net of its cost; negative when acting does not pay
     */
    public double expectedSaving(double probability, Priority p) {
        return decide(probability, p, null, null, 0).saving();
    }

    /**
     * The realised cost of one ticket under a decision at creation.
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

    private static Map<Priority, Double> priorities(Map<Priority, Double> given, String what) {
        EnumMap<Priority, Double> p = new EnumMap<>(Priority.class);
        for (Priority pr : Priority.values()) {
            p.put(pr, nonNegative(given.getOrDefault(pr, 0.0), what + pr.label()));
        }
        return Collections.unmodifiableMap(p);
    }

    private static double nonNegative(double v, String what) {
        if (!(v >= 0)) {
            throw new BadInputException(what + " must be 0 or more, not " + v);
        }
        return v;
    }
}
