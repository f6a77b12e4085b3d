package org.slacast.training.pipeline;

import org.slacast.core.BadInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.PolicySet;
import org.slacast.models.ModelBundle;
import org.slacast.models.Provenance;
import org.slacast.training.data.Example;
import org.slacast.training.data.TicketOutcome;
import org.slacast.training.label.Labelling;
import org.slacast.training.data.TimeSplit;
import org.slacast.training.eval.Baseline;
import org.slacast.training.eval.CostThreshold;
import org.slacast.training.eval.DecisionAnalysis;
import org.slacast.training.eval.Evaluation;
import org.slacast.training.report.DeskFacts;

/**
 * Judges saved bundles on data: each bundle's own threshold and calibration, on the tickets created after its
 * training data when there are any (otherwise on all of them, which the result says). The priority baseline is
 * fitted on the same tickets, which flatters it.
 */
public final class BundleEvaluation {
    private BundleEvaluation() {
    }

    /**
     * @param bundles     the bundles
     * @param data        tickets and events
     * @param policies    SLA policies
     * @param source      where the data came from
     * @param checkpoints checkpoint fractions
     * @param progress    progress
     * @return a result shaped like a training run's, with every bundle judged on the same tickets
     */
    public static TrainingPipeline.Result run(List<ModelBundle> bundles, TicketData data, PolicySet policies,
                                              String source, List<Double> checkpoints, Progress progress) {
        return run(bundles, TrainingInput.ofClock(data, policies, source), checkpoints, progress);
    }

    /**
     * @param bundles     the bundles
     * @param in          tickets, policy and given outcomes; the label as for training
     * @param checkpoints checkpoint fractions
     * @param progress    progress
     * @return a result shaped like a training run's, with every bundle judged on the same tickets and labels
     */
    public static TrainingPipeline.Result run(List<ModelBundle> bundles, TrainingInput in, List<Double> checkpoints,
                                              Progress progress) {
        TicketData data = in.data();
        PolicySet policies = in.policies();
        String source = in.source();
        Labelling[] labelling = new Labelling[1];
        java.util.function.UnaryOperator<List<TicketOutcome>> relabel = clock -> {
            labelling[0] = Labelling.of(clock, in.given(), in.label());
            return labelling[0].outcomes();
        };
        Instant after = bundles.stream().map(b -> b.manifest().provenance().to()).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.MIN);
        Map<FeatureSchema, ExampleSet> sets = new HashMap<>();
        List<TrainedModel> models = new ArrayList<>();
        List<Example> judged = List.of();
        ExampleSet any = null;
        double[] firstP = null;
        List<Example> firstJudged = null;
        for (ModelBundle b : bundles) {
            ExampleSet set = sets.computeIfAbsent(b.manifest().schema(),
                    s -> ExampleSet.build(data, policies, s, checkpoints, relabel, 100, progress));
            any = set;
            List<Example> labelled = set.labelled();
            List<Example> later = labelled.stream().filter(e -> e.createdAt().isAfter(after)).toList();
            judged = later.size() >= 30 ? later : labelled;
            if (judged.isEmpty()) {
                throw new BadInputException("no ticket in the data has a known outcome yet; evaluate on data "
                        + "with resolved tickets");
            }
            double[] p = judged.parallelStream().mapToDouble(e -> b.probability(e.x())).toArray();
            if (firstP == null) {
                firstP = p;
                firstJudged = judged;
            }
            Evaluation e = Evaluation.of(b.manifest().id(), judged, p, b.manifest().threshold(), List.of(),
                    b.manifest().cost());
            CheckpointChoice at = chosenAt(b, checkpoints);
            models.add(new TrainedModel(b, MomentMetrics.on(judged, p, checkpoints, at), e, 0, b.model().importance(),
                    MomentMetrics.of(List.of(), new double[0], judged, p, checkpoints, at)));
        }
        List<Evaluation> baselines = new ArrayList<>();
        if (!bundles.isEmpty()) {
            var cost = bundles.getFirst().manifest().cost();
            for (Baseline bl : List.of(Baseline.priority(judged), Baseline.band(judged))) {
                double[] p = bl.predict(judged);
                CostThreshold c = CostThreshold.choose(p, TrainingPipeline.labels(judged),
                        judged.stream().map(Example::priority).toArray(org.slacast.core.ticket.Priority[]::new), cost);
                baselines.add(Evaluation.of(bl.name() + " (in-sample)", judged, p, c.threshold(), c.curve(), cost));
            }
        }
        Instant first = judged.stream().map(Example::createdAt).min(Instant::compareTo).orElse(null);
        Instant last = judged.stream().map(Example::createdAt).max(Instant::compareTo).orElse(null);
        TimeSplit split = new TimeSplit(first, first, first, last);
        Provenance prov = new Provenance(source, judged.stream().map(Example::ticketId).distinct().count(),
                judged.size(), first, last, "", Provenance.currentLibraries());
        // The paired comparison needs the baseline on the first bundle's tickets, which later bundles may not share.
        DecisionAnalysis decisions = models.isEmpty() ? null : DecisionAnalysis.of(models.getFirst().test(),
                firstJudged.equals(judged) ? baselines.getFirst() : null, firstJudged, firstP,
                bundles.getFirst().manifest().cost(), null);
        return new TrainingPipeline.Result(models, baselines, split,
                DeskFacts.of(data, any == null ? List.of() : any.outcomes(), policies), prov, decisions, labelling[0],
                models.isEmpty() ? new CheckpointChoice.AllCheckpoints() : chosenAt(bundles.getFirst(), checkpoints),
                null);
    }

    /** The checkpoints a bundle was chosen at; all for a bundle whose mix the evaluation does not take. */
    private static CheckpointChoice chosenAt(ModelBundle b, List<Double> checkpoints) {
        try {
            return CheckpointChoice.parse(b.manifest().chosenAt(), checkpoints);
        } catch (BadInputException e) {
            return new CheckpointChoice.AllCheckpoints();
        }
    }
}
