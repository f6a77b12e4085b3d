/** The training pipeline: features, time split, fitting, calibration, threshold, evaluation, bundles. */
package org.slacast.training.pipeline;
