package org.slacast.training.pipeline;

import java.time.Instant;
import java.util.List;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.PolicySet;
import org.slacast.training.data.Example;
import org.slacast.training.data.ExampleBuilder;
import org.slacast.training.data.TicketOutcome;

/**
 * A data set turned into examples under one schema.
 *
 * @param asOf     the end of the data
 * @param outcomes every ticket's outcome
 * @param examples every checkpoint example, labelled or not
 */
public record ExampleSet(Instant asOf, List<TicketOutcome> outcomes, List<Example> examples) {

    /**
     * @param data        tickets and events
     * @param policies    SLA policies
     * @param schema      the schema
     * @param checkpoints checkpoint fractions
     * @param leakSample  tickets to check for leaks
     * @param progress    progress
     * @return the examples
     */
    public static ExampleSet build(TicketData data, PolicySet policies, FeatureSchema schema, List<Double> checkpoints,
                                   int leakSample, Progress progress) {
        return build(data, policies, schema, checkpoints, o -> o, leakSample, progress);
    }

    /**
     * @param data        tickets and events
     * @param policies    SLA policies
     * @param schema      the schema
     * @param checkpoints checkpoint fractions
     * @param labels      relabels the clock's outcomes (given labels), or returns them
     * @param leakSample  tickets to check for leaks
     * @param progress    progress
     * @return the examples, labelled as {@code labels} says
     */
    public static ExampleSet build(TicketData data, PolicySet policies, FeatureSchema schema, List<Double> checkpoints,
                                   java.util.function.UnaryOperator<List<TicketOutcome>> labels, int leakSample,
                                   Progress progress) {
        Instant asOf = SlaClock.latestInstant(data.tickets(), data.events());
        ExampleBuilder b = new ExampleBuilder(new FeatureExtractor(schema, policies), policies, checkpoints);
        List<TicketOutcome> outcomes = labels.apply(b.outcomes(data, schema.metric(), asOf));
        return build(b, data, outcomes, asOf, leakSample, progress);
    }

    static ExampleSet build(ExampleBuilder b, TicketData data, List<TicketOutcome> outcomes, Instant asOf,
                            int leakSample, Progress progress) {
        progress.start("features", outcomes.size());
        List<Example> ex = b.build(data, outcomes, asOf, leakSample, progress::stepTo);
        progress.finish();
        return new ExampleSet(asOf, outcomes, ex);
    }

    /** @return the examples whose outcome is known */
    public List<Example> labelled() {
        return examples.stream().filter(e -> e.label() >= 0).toList();
    }
}
