/**
 * Training: the pipeline from features to fitted models, time-split evaluation, bundles and reports.
 */
package org.slacast.training;
