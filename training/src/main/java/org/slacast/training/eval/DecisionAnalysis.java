package org.slacast.training.eval;

import java.util.List;
import org.slacast.core.cost.Capacity;
import org.slacast.core.cost.CostModel;
import org.slacast.training.data.Example;

/**
 * The decision figures of one model on the test slice, for the report's "Decisions" section: the thresholds the
 * cost model implies, the capacity curve, savings by checkpoint, and the paired difference with the priority
 * baseline's savings under the same rule.
 *
 * @param model              the model judged
 * @param cost               the cost model
 * @param thresholds         the implied threshold per priority (and contract)
 * @param capacity           with and without the desk's cap, and the curve
 * @param checkpoints        savings by checkpoint and by first alarm
 * @param versusPriority     {difference, lower, upper}: the model's net savings minus the priority baseline's,
 *                           with a paired bootstrap 95% interval; null without that baseline
 */
public record DecisionAnalysis(String model, CostModel cost, List<ImpliedThreshold> thresholds,
                               CapacityRanking capacity, CheckpointDecisions checkpoints, double[] versusPriority) {

    /**
     * @param model    the model's evaluation
     * @param priority the priority baseline's, on the same test examples, or null
     * @param test     the test examples
     * @param p        the model's probabilities on them
     * @param cost     the cost model
     * @param cap      the desk's capacity, or null
     * @return the analysis
     */
    public static DecisionAnalysis of(Evaluation model, Evaluation priority, List<Example> test, double[] p,
                                      CostModel cost, Capacity cap) {
        return new DecisionAnalysis(model.name(), cost, ImpliedThreshold.of(cost), CapacityRanking.of(test, p, cost,
                cap), CheckpointDecisions.of(test, p, cost),
                priority == null ? null : DecisionSavings.difference(model.savings(), priority.savings()));
    }
}
