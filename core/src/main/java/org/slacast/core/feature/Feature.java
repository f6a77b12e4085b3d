package org.slacast.core.feature;

import java.util.function.ToDoubleFunction;

/**
 * One named feature: a number computed from what is known about a ticket at an instant.
 *
 * @param name     the name, stable across versions of the schema
 * @param kind     how models should treat it
 * @param function computes the value; must look only at events up to the input's instant
 */
public record Feature(String name, Kind kind, ToDoubleFunction<FeatureInput> function) {

    /** How a feature's number is to be read. */
    public enum Kind {
        /** A quantity or an ordinal. */
        NUMERIC,
        /** A vocabulary code: 0 is "other". */
        CATEGORICAL,
        /** 0 or 1. */
        FLAG
    }

    /**
     * @param in the input
     * @return the value
     */
    public double value(FeatureInput in) {
        return function.applyAsDouble(in);
    }
}
