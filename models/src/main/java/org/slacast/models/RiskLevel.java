package org.slacast.models;

import java.util.Locale;

/**
 * The model's risk band for a probability, relative to the bundle's cost-chosen threshold: high at or above it
 * (intervening pays), medium from half of it, low below.
 */
public enum RiskLevel {
    /** Below half the threshold. */
    LOW,
    /** From half the threshold. */
    MEDIUM,
    /** At or above the threshold. */
    HIGH;

    /** Made once: the label is written for every score, and lower-casing the name each time showed in profiles. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /**
     * @param probability a calibrated breach probability
     * @param threshold   the bundle's threshold
     * @return the band
     */
    public static RiskLevel of(double probability, double threshold) {
        return probability >= threshold ? HIGH : probability >= threshold / 2 ? MEDIUM : LOW;
    }

    /** @return the label used in files and the API */
    public String label() {
        return label;
    }
}
