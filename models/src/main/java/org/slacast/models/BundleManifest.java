package org.slacast.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slacast.core.cost.CostModel;
import org.slacast.core.feature.FeatureSchema;

/**
 * The description of a bundle, stored as {@code bundle.json} beside the model file.
 *
 * @param format        the bundle format version
 * @param id            unique id, e.g. {@code random-forest-20261123-2210-3f9a1c}
 * @param kind          the model kind's label
 * @param createdAt     when it was trained
 * @param schema        the feature schema
 * @param provenance    training data fingerprint and library versions
 * @param parameters    the fitting parameters, seed included
 * @param calibrator    the probability calibration
 * @param threshold     the decision threshold chosen by cost
 * @param cost          the cost model the threshold was chosen under
 * @param metrics       test metrics by name (roc_auc, pr_auc, brier, log_loss, ece, lift_top10, ...)
 * @param testFrom      the test window's first ticket creation
 * @param testTo        the test window's last ticket creation
 * @param distributions training distribution of each feature, for drift
 * @param modelFile     the model file's name
 * @param modelSha256   the model file's SHA-256
 */
public record BundleManifest(int format, String id, String kind, Instant createdAt, FeatureSchema schema,
                             Provenance provenance, Map<String, Number> parameters, Calibrator calibrator,
                             double threshold, CostModel cost, Map<String, Double> metrics, Instant testFrom,
                             Instant testTo, List<FeatureDistribution> distributions, String modelFile,
                             String modelSha256) {
    /** The format this code writes and reads. */
    public static final int FORMAT = 1;
}
