package org.slacast.models;

import java.util.List;
import org.slacast.core.feature.Feature;
import org.slacast.core.feature.FeatureSchema;

/**
 * A feature matrix with its binary labels, ready for fitting.
 *
 * @param schema the schema the rows follow
 * @param kinds  each column's kind, in schema order
 * @param x      rows of feature values
 * @param y      1 for a breach, 0 otherwise
 */
public record TrainingSet(FeatureSchema schema, List<Feature.Kind> kinds, double[][] x, int[] y) {

    /** Checks the shapes. */
    public TrainingSet {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        }
        if (kinds.size() != schema.size()) {
            throw new IllegalArgumentException(kinds.size() + " kinds for " + schema.size() + " features");
        }
        kinds = List.copyOf(kinds);
    }

    /** @return the number of rows */
    public int size() {
        return y.length;
    }

    /** @return the share of rows that breached */
    public double positiveRate() {
        long pos = 0;
        for (int v : y) {
            pos += v;
        }
        return y.length == 0 ? 0 : pos / (double) y.length;
    }

    /** @return true when the rows hold both a breach and a non-breach, as a validation loss needs */
    public boolean bothOutcomes() {
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        return pos > 0 && pos < y.length;
    }
}
