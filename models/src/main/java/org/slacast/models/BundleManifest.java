package org.slacast.models;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slacast.core.cost.CostModel;
import org.slacast.core.feature.FeatureSchema;

/**
 * The description of a bundle, stored as {@code bundle.json} beside the model file. Build one with
 * {@link #builder()} or change one with {@link #toBuilder()}. A {@code bundle.json} is read through the same
 * {@link Builder}, so a field it lacks (one added after it was written) takes the default given below; those
 * marked required make {@link ModelBundle#load} refuse the bundle when absent.
 *
 * @param format        the bundle format version; absent: 1, the first format ({@link #builder()} starts at
 *                      {@link #FORMAT})
 * @param id            unique id, e.g. {@code random-forest-20261123-2210-3f9a1c}; absent: null (the registry names
 *                      a bundle by its directory)
 * @param kind          the model kind's label; required
 * @param createdAt     when it was trained; absent: {@link Instant#EPOCH}, so it lists as the oldest
 * @param schema        the feature schema; required
 * @param provenance    training data fingerprint and library versions; absent: {@link Provenance#UNKNOWN}
 * @param parameters    the fitting parameters, seed included; absent: none
 * @param calibrator    the probability calibration; required
 * @param threshold     the decision threshold chosen by cost; absent: 0.5
 * @param cost          the cost model the threshold was chosen under; absent: {@link CostModel#defaults()}
 * @param metrics       test metrics by name (roc_auc, pr_auc, brier, log_loss, ece, lift_top10, ...); absent: none
 * @param testFrom      the test window's first ticket creation; absent: null, unknown (the promotion gate then
 *                      refuses without {@code --force})
 * @param testTo        the test window's last ticket creation; absent: null, unknown
 * @param distributions training distribution of each feature, for drift; absent: none (no drift is reported)
 * @param modelFile     the model file's name; required
 * @param modelSha256   the model file's SHA-256; absent: null, and the load refuses the unverifiable file
 * @param policy        the policy file it was trained under (name and content hash); absent: null, written before
 *                      bundles recorded it, and then {@link PolicyCheck} cannot check it
 * @param labels        where its labels came from; absent: {@link LabelSource#CLOCK}, the only source then
 * @param chosenAt      the checkpoints it was judged on against the other models and the champion:
 *                      {@code creation}, {@code all} or fractions such as {@code 0.25,0.5}; absent: {@code all},
 *                      how models were chosen before
 * @param checkpoints   the fractions of the target's business time at which it was trained to score a ticket;
 *                      absent: {@link org.slacast.core.feature.Checkpoints#DEFAULT}, the only ones before bundles
 *                      recorded them
 */
@JsonDeserialize(builder = BundleManifest.Builder.class)
public record BundleManifest(int format, String id, String kind, Instant createdAt, FeatureSchema schema,
                             Provenance provenance, Map<String, Number> parameters, Calibrator calibrator,
                             double threshold, CostModel cost, Map<String, Double> metrics, Instant testFrom,
                             Instant testTo, List<FeatureDistribution> distributions, String modelFile,
                             String modelSha256, org.slacast.core.policy.PolicyIdentity policy, LabelSource labels,
                             String chosenAt, List<Double> checkpoints) {
    /** The format this code writes and reads. */
    public static final int FORMAT = 1;

    /** @return a builder at the current {@link #FORMAT}, every other field at its default */
    public static Builder builder() {
        return new Builder().format(FORMAT);
    }

    /** @return a builder holding this manifest's fields */
    public Builder toBuilder() {
        return new Builder().format(format).id(id).kind(kind).createdAt(createdAt).schema(schema)
                .provenance(provenance).parameters(parameters).calibrator(calibrator).threshold(threshold).cost(cost)
                .metrics(metrics).testFrom(testFrom).testTo(testTo).distributions(distributions).modelFile(modelFile)
                .modelSha256(modelSha256).policy(policy).labels(labels).chosenAt(chosenAt)
                .checkpoints(checkpoints);
    }

    /** Builds a manifest by named fields; each starts at the default documented on {@link BundleManifest}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        // Jackson starts here too, so these are the defaults for fields a bundle.json lacks.
        private int format = 1;
        private String id;
        private String kind;
        private Instant createdAt = Instant.EPOCH;
        private FeatureSchema schema;
        private Provenance provenance = Provenance.UNKNOWN;
        private Map<String, Number> parameters = Map.of();
        private Calibrator calibrator;
        private double threshold = 0.5;
        private CostModel cost = CostModel.defaults();
        private Map<String, Double> metrics = Map.of();
        private Instant testFrom;
        private Instant testTo;
        private List<FeatureDistribution> distributions = List.of();
        private String modelFile;
        private String modelSha256;
        private org.slacast.core.policy.PolicyIdentity policy;
        private LabelSource labels = LabelSource.CLOCK;
        private String chosenAt = "all";
        private List<Double> checkpoints = org.slacast.core.feature.Checkpoints.DEFAULT;

        private Builder() {
        }

        /**
         * @param v the bundle format version
         * @return this builder
         */
        public Builder format(int v) {
            format = v;
            return this;
        }

        /**
         * @param v the unique id
         * @return this builder
         */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /**
         * @param v the model kind's label, {@link ModelKind#label()}
         * @return this builder
         */
        public Builder kind(String v) {
            kind = v;
            return this;
        }

        /**
         * @param v when it was trained
         * @return this builder
         */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /**
         * @param v the feature schema
         * @return this builder
         */
        public Builder schema(FeatureSchema v) {
            schema = v;
            return this;
        }

        /**
         * @param v training data fingerprint and library versions
         * @return this builder
         */
        public Builder provenance(Provenance v) {
            provenance = v;
            return this;
        }

        /**
         * @param v the fitting parameters, seed included
         * @return this builder
         */
        public Builder parameters(Map<String, Number> v) {
            parameters = v;
            return this;
        }

        /**
         * @param v the probability calibration
         * @return this builder
         */
        public Builder calibrator(Calibrator v) {
            calibrator = v;
            return this;
        }

        /**
         * @param v the decision threshold
         * @return this builder
         */
        public Builder threshold(double v) {
            threshold = v;
            return this;
        }

        /**
         * @param v the cost model the threshold was chosen under
         * @return this builder
         */
        public Builder cost(CostModel v) {
            cost = v;
            return this;
        }

        /**
         * @param v test metrics by name
         * @return this builder
         */
        public Builder metrics(Map<String, Double> v) {
            metrics = v;
            return this;
        }

        /**
         * @param v the test window's first ticket creation
         * @return this builder
         */
        public Builder testFrom(Instant v) {
            testFrom = v;
            return this;
        }

        /**
         * @param v the test window's last ticket creation
         * @return this builder
         */
        public Builder testTo(Instant v) {
            testTo = v;
            return this;
        }

        /**
         * @param v training distribution of each feature
         * @return this builder
         */
        public Builder distributions(List<FeatureDistribution> v) {
            distributions = v;
            return this;
        }

        /**
         * @param v the model file's name
         * @return this builder
         */
        public Builder modelFile(String v) {
            modelFile = v;
            return this;
        }

        /**
         * @param v the model file's SHA-256
         * @return this builder
         */
        public Builder modelSha256(String v) {
            modelSha256 = v;
            return this;
        }

        /**
         * @param v the policy file it was trained under
         * @return this builder
         */
        public Builder policy(org.slacast.core.policy.PolicyIdentity v) {
            policy = v;
            return this;
        }

        /**
         * @param v where its labels came from
         * @return this builder
         */
        public Builder labels(LabelSource v) {
            labels = v;
            return this;
        }

        /**
         * @param v the checkpoints it was chosen on: creation, all, or fractions
         * @return this builder
         */
        public Builder chosenAt(String v) {
            chosenAt = v;
            return this;
        }

        /**
         * @param v the fractions of the target it was trained to score at
         * @return this builder
         */
        public Builder checkpoints(List<Double> v) {
            checkpoints = List.copyOf(v);
            return this;
        }

        /** @return the manifest */
        public BundleManifest build() {
            return new BundleManifest(format, id, kind, createdAt, schema, provenance, parameters, calibrator,
                    threshold, cost, metrics, testFrom, testTo, distributions, modelFile, modelSha256, policy, labels,
                    chosenAt, checkpoints);
        }
    }
}
