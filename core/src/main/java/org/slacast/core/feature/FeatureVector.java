package org.slacast.core.feature;

/**
 * A ticket's features at one instant, in the order of its {@link FeatureSchema}.
 *
 * @param values the values; primitive, so vectors pack densely into training matrices
 */
public record FeatureVector(double[] values) {

    /**
     * @param i a feature index
     * @return its value
     */
    public double get(int i) {
        return values[i];
    }
}
