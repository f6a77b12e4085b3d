package org.slacast.training.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.cost.CostModel;
import org.slacast.core.cost.Decision;
import org.slacast.training.data.Example;

/**
 * The decision taken at each checkpoint of a ticket's life instead of at creation only. Later, the model knows
 * more but an intervention prevents less (the cost model's effectiveness by checkpoint), and a ticket already
 * resolved or breached has no later checkpoint, so it cannot be acted on then. Two policies are compared with
 * deciding at creation: deciding at one fixed checkpoint, and an alarm at the first checkpoint where acting pays
 * (alarms that change over a case's life, after Fahrenkrog-Petersen et al., "Fire now, fire later: alarm-based
 * systems for prescriptive process monitoring", Knowledge and Information Systems, 2022 (arXiv 2019)).
 *
 * @param tickets    tickets judged (those with an example at creation)
 * @param byIndex    net savings and interventions when deciding only at checkpoint k, by k
 * @param firstAlarm net savings and interventions when acting at the first checkpoint where it pays
 * @param best       the checkpoint with the highest net savings
 */
public record CheckpointDecisions(long tickets, List<Policy> byIndex, Policy firstAlarm, int best) {

    /**
     * @param checkpoint the checkpoint index, or -1 for the first alarm
     * @param interventions tickets acted on
     * @param netSavings    penalties prevented minus spend
     */
    public record Policy(int checkpoint, long interventions, double netSavings) {
    }

    /**
     * @param test test examples, each ticket's in checkpoint order
     * @param p    their probabilities
     * @param cost the cost model
     * @return the figures
     */
    public static CheckpointDecisions of(List<Example> test, double[] p, CostModel cost) {
        Map<String, List<Integer>> byTicket = new LinkedHashMap<>();
        for (int i = 0; i < test.size(); i++) {
            byTicket.computeIfAbsent(test.get(i).ticketId(), k -> new ArrayList<>()).add(i);
        }
        int depth = test.stream().mapToInt(Example::checkpoint).max().orElse(-1) + 1;
        long[] acted = new long[depth];
        double[] net = new double[depth];
        long alarms = 0;
        double alarmNet = 0;
        long tickets = 0;
        for (List<Integer> rows : byTicket.values()) {
            if (test.get(rows.getFirst()).checkpoint() != 0) {
                continue; // only tickets seen from creation are comparable across policies
            }
            tickets++;
            boolean alarmed = false;
            for (int i : rows) {
                Example e = test.get(i);
                Decision d = DecisionSavings.decide(cost, e, p[i]);
                double r = DecisionSavings.realised(d, e.label() == 1);
                acted[e.checkpoint()] += d.act() ? 1 : 0;
                net[e.checkpoint()] += r;
                if (!alarmed && d.act()) {
                    alarmed = true;
                    alarms++;
                    alarmNet += r;
                }
            }
        }
        List<Policy> policies = new ArrayList<>();
        int best = 0;
        for (int k = 0; k < depth; k++) {
            policies.add(new Policy(k, acted[k], net[k]));
            best = net[k] > net[best] ? k : best;
        }
        return new CheckpointDecisions(tickets, List.copyOf(policies), new Policy(-1, alarms, alarmNet), best);
    }
}
