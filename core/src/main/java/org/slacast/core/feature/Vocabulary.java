package org.slacast.core.feature;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels of one categorical attribute seen in training. Code 0 is "other": unseen, rare or missing values.
 * Scoring never fails on a new category; it falls into that bucket.
 */
public final class Vocabulary {
    /** The label of code 0. */
    public static final String OTHER = "other";

    private final String attribute;
    private final List<String> levels;
    private final Map<String, Integer> codes = new HashMap<>();

    /**
     * @param attribute the ticket attribute
     * @param levels    known levels; level i has code i + 1
     */
    @JsonCreator
    public Vocabulary(@JsonProperty("attribute") String attribute, @JsonProperty("levels") List<String> levels) {
        this.attribute = attribute;
        this.levels = List.copyOf(levels);
        for (int i = 0; i < this.levels.size(); i++) {
            codes.put(this.levels.get(i), i + 1);
        }
    }

    /**
     * Keeps the most frequent values.
     *
     * @param attribute the attribute
     * @param counts    value to count
     * @param minCount  fewer occurrences than this go to "other"
     * @param maxLevels at most this many levels
     * @return the vocabulary, levels sorted by name
     */
    public static Vocabulary of(String attribute, Map<String, Integer> counts, int minCount, int maxLevels) {
        List<String> levels = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxLevels).map(Map.Entry::getKey).sorted(Comparator.naturalOrder()).toList();
        return new Vocabulary(attribute, levels);
    }

    /**
     * Keeps the most frequent values until they cover {@code coverage} of the tickets that have one, as the
     * frequency rules of gradient-boosting libraries do, so that a long tail neither floods the model nor is cut
     * at a fixed count: a value with fewer than {@code minCount} tickets always goes to "other".
     *
     * @param attribute the attribute
     * @param counts    value to count
     * @param minCount  fewer occurrences than this go to "other"
     * @param coverage  the share of tickets with a value that the kept levels should cover, in (0, 1]
     * @param maxLevels at most this many levels, whatever the coverage
     * @return the vocabulary, levels sorted by name
     */
    public static Vocabulary covering(String attribute, Map<String, Integer> counts, int minCount, double coverage,
                                      int maxLevels) {
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        List<Map.Entry<String, Integer>> byCount = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<String> levels = new java.util.ArrayList<>();
        long covered = 0;
        for (Map.Entry<String, Integer> e : byCount) {
            if (levels.size() >= maxLevels || covered >= coverage * total) {
                break;
            }
            levels.add(e.getKey());
            covered += e.getValue();
        }
        levels.sort(Comparator.naturalOrder());
        return new Vocabulary(attribute, levels);
    }

    /** @return the ticket attribute */
    @JsonProperty
    public String attribute() {
        return attribute;
    }

    /** @return the known levels */
    @JsonProperty
    public List<String> levels() {
        return levels;
    }

    /**
     * @param value a value, possibly null
     * @return its code, 0 for other
     */
    public int code(String value) {
        Integer c = value == null ? null : codes.get(value);
        return c == null ? 0 : c;
    }

    /**
     * @param code a code
     * @return its level, or "other"
     */
    public String level(int code) {
        return code <= 0 || code > levels.size() ? OTHER : levels.get(code - 1);
    }

    /** @return how many codes, "other" included */
    public int size() {
        return levels.size() + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.attribute.equals(attribute) && v.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return attribute.hashCode() * 31 + levels.hashCode();
    }
}
