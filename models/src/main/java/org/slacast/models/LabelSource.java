package org.slacast.models;

/**
 * Where a model's labels came from, as its manifest records it.
 *
 * @param source   {@code given} (outcomes given by the source system) or {@code clock} (the breach the SLA clock
 *                 computes from the events)
 * @param file     the outcomes file read, or null
 * @param given    labelled tickets whose label was given
 * @param fallback labelled tickets without a given outcome, labelled by the clock instead (0 under {@code clock})
 */
public record LabelSource(String source, String file, long given, long fallback) {
    /** What a manifest written before labels were recorded says: the clock, the only source then. */
    public static final LabelSource CLOCK = new LabelSource("clock", null, 0, 0);

    /** @return e.g. {@code given (data/sn/outcomes.csv: 4,812 tickets; 188 by the clock)} or {@code clock} */
    public String label() {
        if (!"given".equals(source)) {
            return source;
        }
        return String.format("given (%s: %,d tickets; %,d without one, labelled by the clock)", file, given,
                fallback);
    }
}
