package org.slacast.core.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.ticket.Ticket;

/**
 * A categorical attribute's values as their share of the training tickets: the count encoding that gradient
 * boosting libraries apply to high-cardinality columns. Unlike a vocabulary it keeps the long tail apart from the
 * head (a value on 0.1% of tickets is not a value on 10%), and unlike a target encoding it uses no label, so it
 * needs no folds. Values beyond the {@link #MAX_VALUES} most frequent, and unseen ones, are 0.
 *
 * @param attribute the ticket attribute
 * @param shares    each kept value's share of the training tickets
 */
public record FrequencyEncoding(String attribute, Map<String, Double> shares) {
    /** At most this many values are kept, so that a bundle stays small whatever the data. */
    public static final int MAX_VALUES = 10_000;

    /** Copies the map. */
    public FrequencyEncoding {
        shares = Map.copyOf(shares);
    }

    /** @param value a value, possibly null; @return its share of the training tickets, 0 when unseen */
    public double share(String value) {
        Double s = value == null ? null : shares.get(value);
        return s == null ? 0 : s;
    }

    /**
     * @param attribute the attribute
     * @param tickets   the training tickets
     * @return the encoding
     */
    public static FrequencyEncoding fit(String attribute, List<Ticket> tickets) {
        Map<String, Integer> counts = new HashMap<>();
        for (Ticket t : tickets) {
            String v = t.attribute(attribute);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        double n = Math.max(1, tickets.size());
        Map<String, Double> shares = new HashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_VALUES).forEach(e -> shares.put(e.getKey(), e.getValue() / n));
        return new FrequencyEncoding(attribute, shares);
    }
}
