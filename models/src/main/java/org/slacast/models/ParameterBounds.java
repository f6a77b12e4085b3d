package org.slacast.models;

import org.slacast.core.BadInputException;

/**
 * The range checks the parameter records share. Each failure names the parameter as the command line writes it
 * ({@code random-forest.trees=0: must be at least 1}), so a bad {@code --param} reads back to the user as typed.
 */
final class ParameterBounds {
    /** LightGBM's own limit on {@code num_leaves}; past it the native library refuses the fit. */
    static final int MAX_LEAVES = 131_072;

    private ParameterBounds() {
    }

    /** Refuses a whole-number parameter below {@code min}. */
    static void atLeast(ModelKind kind, String name, int value, int min) {
        if (value < min) {
            throw refused(kind, name, value, "must be at least " + min);
        }
    }

    /** Refuses a whole-number parameter outside {@code [min, max]}. */
    static void between(ModelKind kind, String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw refused(kind, name, value, "must be from " + min + " to " + max);
        }
    }

    /** Refuses a share outside (0, 1]; NaN included. */
    static void fraction(ModelKind kind, String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw refused(kind, name, value, "must be in (0, 1]");
        }
    }

    /** Refuses zero, a negative number, infinity or NaN. */
    static void positive(ModelKind kind, String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw refused(kind, name, value, "must be a finite number above 0");
        }
    }

    static BadInputException refused(ModelKind kind, String name, Object value, String why) {
        return new BadInputException(kind.label() + "." + name + "=" + value + ": " + why);
    }
}
