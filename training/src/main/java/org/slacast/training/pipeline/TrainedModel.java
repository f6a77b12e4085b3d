package org.slacast.training.pipeline;

import org.slacast.models.ModelBundle;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.eval.Evaluation;

/**
 * A fitted, calibrated model with its evaluation.
 *
 * @param bundle     the bundle
 * @param validation calibrated metrics on the validation slice at the checkpoints models are compared on
 *                   ({@code --choose-at}), which chose the best model
 * @param test       its evaluation on the test slice
 * @param fitSeconds wall time of the fit
 * @param importance global importance per feature: mean absolute contribution (TreeSHAP for trees, coefficient
 *                   × value for the logistic model) over a sample of test examples, normalised to sum to 1
 * @param moments    its metrics at every checkpoint, over all, and at the chosen mix
 */
public record TrainedModel(ModelBundle bundle, BinaryMetrics validation, Evaluation test, double fitSeconds,
                           double[] importance, java.util.List<MomentMetrics> moments) {
}
