/**
 * Honest evaluation: discrimination and calibration metrics, the same by segment, two baselines to beat, and the
 * decision threshold chosen by what breaches and interventions cost.
 */
package org.slacast.training.eval;
