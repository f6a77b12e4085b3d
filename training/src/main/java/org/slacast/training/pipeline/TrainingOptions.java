package org.slacast.training.pipeline;

import java.util.List;
import java.util.Map;
import org.slacast.core.cost.Capacity;
import org.slacast.core.cost.CostModel;
import org.slacast.core.feature.Checkpoints;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.Metric;
import org.slacast.models.ModelKind;
import org.slacast.models.ModelParameters;

/**
 * What to train and how. {@link #defaults()} gives sensible public defaults.
 *
 * @param target           the metric whose breach is predicted
 * @param checkpoints      checkpoint fractions of the target
 * @param trainFraction    share of tickets (by time) for training
 * @param validFraction    share for validation; the rest is test
 * @param kinds            the models to fit
 * @param parameters       fitting parameters per kind; a kind not in it takes {@link ModelParameters#defaults}
 * @param seed             the seed for sampling and fitting
 * @param maxTrainExamples at most this many training examples are used to fit (a seeded sample), to bound time;
 *                         a kind's {@link ModelParameters#maxExamples()} may lower it
 * @param textBuckets      hashed subject buckets
 * @param bodyBuckets      hashed body buckets, 0 for none
 * @param cost             the cost model: decisions, savings and the classification threshold
 * @param capacity         at most this many interventions per window, or null for no cap
 * @param leakSample       tickets whose examples are checked for leaks
 * @param chooseAt         the checkpoints on which models are compared (the champion is the best on validation
 *                         there, and the promotion gate compares there)
 * @param encodings        how categorical attributes enter beyond their vocabularies: as their training breach
 *                         rates ({@link org.slacast.core.feature.TargetEncoding}, in creation order for training
 *                         examples) and as their shares ({@link org.slacast.core.feature.FrequencyEncoding})
 * @param fitThreads       at most this many kinds are fitted at the same time, each on a thread of its own: Smile's
 *                         boosting and Tribuo's SGD use one core, so fitting them beside the forest fills the second;
 *                         1 fits one after another and holds one kind's sample in memory at a time
 */
public record TrainingOptions(Metric target, List<Double> checkpoints, double trainFraction, double validFraction,
                              List<ModelKind> kinds, Map<ModelKind, ModelParameters> parameters, long seed,
                              int maxTrainExamples, int textBuckets, int bodyBuckets, CostModel cost,
                              Capacity capacity, int leakSample, CheckpointChoice chooseAt,
                              FeatureSchema.Encodings encodings, int fitThreads) {

    /** Fit threads by default: enough for every default kind at once. */
    public static final int DEFAULT_FIT_THREADS = 3;

    /** Checks that each kind's parameters are that kind's. */
    public TrainingOptions {
        parameters.forEach((kind, p) -> {
            if (p.kind() != kind) {
                throw new IllegalArgumentException(p.kind().label() + " parameters given for " + kind.label());
            }
        });
        parameters = Map.copyOf(parameters);
        if (fitThreads < 1) {
            throw new IllegalArgumentException("fitThreads must be at least 1, not " + fitThreads);
        }
    }

    /**
     * @return resolution target, checkpoints 0/25/50/75%, 70/15/15 split, all three models, seed 42, models
     *         compared at creation, target encoding on, every kind fitted at the same time
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(Metric.RESOLUTION, Checkpoints.DEFAULT, 0.7, 0.15, ModelKind.DEFAULTS,
                Map.of(), 42, 200_000, 16, 0, CostModel.defaults(), null, 500, new CheckpointChoice.Creation(),
                new FeatureSchema.Encodings(true, false), DEFAULT_FIT_THREADS);
    }

    /**
     * @param models the kinds to fit
     * @return these options with those kinds
     */
    public TrainingOptions withKinds(List<ModelKind> models) {
        return new TrainingOptions(target, checkpoints, trainFraction, validFraction, models, parameters, seed,
                maxTrainExamples, textBuckets, bodyBuckets, cost, capacity, leakSample, chooseAt, encodings,
                fitThreads);
    }

    /**
     * @param kind a model kind
     * @return its parameters: those given, or its defaults
     */
    public ModelParameters parametersOf(ModelKind kind) {
        return parameters.getOrDefault(kind, ModelParameters.defaults(kind));
    }
}
