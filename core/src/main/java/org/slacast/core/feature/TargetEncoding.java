package org.slacast.core.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.slacast.core.ticket.Ticket;

/**
 * A categorical attribute's values as their smoothed breach rates in training: the m-estimate
 * {@code (breaches + m × prior) / (tickets + m)} of D. Micci-Barreca, "A preprocessing scheme for high-cardinality
 * categorical attributes in classification and prediction problems", SIGKDD Explorations 3, 2001. Trees split a
 * vocabulary's codes in name order, which means nothing; a rate puts values that breach alike side by side. A
 * value seen fewer than {@link FeatureSchema#MIN_COUNT} times, or never, takes the prior.
 *
 * @param attribute the ticket attribute
 * @param prior     the training breach rate
 * @param rates     each value's smoothed rate
 */
public record TargetEncoding(String attribute, double prior, Map<String, Double> rates) {
    /** The m of the m-estimate: a value's rate counts as much as this many tickets at the prior. */
    public static final double SMOOTHING = 20;

    /** Copies the map. */
    public TargetEncoding {
        rates = Map.copyOf(rates);
    }

    /** @param value a value, possibly null; @return its smoothed breach rate, or the prior */
    public double rate(String value) {
        Double r = value == null ? null : rates.get(value);
        return r == null ? prior : r;
    }

    /**
     * @param attribute the attribute
     * @param tickets   training tickets with a known outcome
     * @param label     1 for a breach, 0 otherwise
     * @return the encoding
     */
    public static TargetEncoding fit(String attribute, List<Ticket> tickets, ToIntFunction<Ticket> label) {
        Map<String, long[]> counts = new HashMap<>();
        long breaches = 0;
        for (Ticket t : tickets) {
            int y = label.applyAsInt(t);
            breaches += y;
            String v = t.attribute(attribute);
            if (v != null) {
                long[] c = counts.computeIfAbsent(v, k -> new long[2]);
                c[0] += y;
                c[1]++;
            }
        }
        double prior = tickets.isEmpty() ? 0 : breaches / (double) tickets.size();
        Map<String, Double> rates = new HashMap<>();
        counts.forEach((v, c) -> {
            if (c[1] >= FeatureSchema.MIN_COUNT) {
                rates.put(v, (c[0] + SMOOTHING * prior) / (c[1] + SMOOTHING));
            }
        });
        return new TargetEncoding(attribute, prior, rates);
    }
}
