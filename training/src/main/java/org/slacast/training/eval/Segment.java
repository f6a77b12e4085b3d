package org.slacast.training.eval;

import org.slacast.models.BinaryMetrics;

/**
 * The metrics of one segment of the test set (a priority, a tier, a team).
 *
 * @param dimension what the segment is cut by
 * @param value     the segment's value
 * @param metrics   its metrics
 * @param confusion its confusion matrix at the chosen threshold
 */
public record Segment(String dimension, String value, BinaryMetrics metrics, Confusion confusion) {
}
