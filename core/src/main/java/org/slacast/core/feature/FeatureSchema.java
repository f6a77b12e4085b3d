package org.slacast.core.feature;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.OpenAttribute;
import org.slacast.core.ticket.Ticket;

/**
 * What a model's input looks like: the feature catalogue's version, the target metric, the vocabularies learnt
 * from the training tickets, the number of text buckets, and the resulting feature names in vector order. A bundle
 * stores it; serving rebuilds the same extractor from it.
 *
 * @param version      {@link Features#VERSION} when it was built
 * @param target       the metric whose breach is predicted, e.g. {@code resolution}
 * @param vocabularies one per categorical attribute
 * @param textBuckets  hashed subject buckets, 0 for none
 * @param names        feature names in vector order
 * @param encodings    the categorical attributes' training breach rates ({@link TargetEncoding}); empty in
 *                     schemas fitted without labels, and in bundles from before encodings existed
 * @param attributes   the open attributes that are features ({@link OpenAttribute} keys, none known only at the
 *                     end), in key order; empty in bundles from before open attributes existed
 * @param frequencies  the categorical attributes' shares of the training tickets ({@link FrequencyEncoding});
 *                     empty unless asked for
 * @param bodyBuckets  hashed body buckets (the description as first written), 0 for none, as in bundles from
 *                     before
 */
public record FeatureSchema(String version, String target, List<Vocabulary> vocabularies, int textBuckets,
                            List<String> names, List<TargetEncoding> encodings, List<String> attributes,
                            List<FrequencyEncoding> frequencies, int bodyBuckets) {
    /** A categorical value seen fewer times than this in training is "other". */
    public static final int MIN_COUNT = 5;
    /** Vocabularies keep the most frequent values until they cover this share of the training tickets. */
    public static final double COVERAGE = 0.95;
    /** And keep at most this many values. */
    public static final int MAX_LEVELS = 250;

    /** Copies the lists. */
    public FeatureSchema {
        vocabularies = List.copyOf(vocabularies);
        names = List.copyOf(names);
        encodings = encodings == null ? List.of() : List.copyOf(encodings);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        frequencies = frequencies == null ? List.of() : List.copyOf(frequencies);
    }

    /** A schema without target encodings. */
    public FeatureSchema(String version, String target, List<Vocabulary> vocabularies, int textBuckets,
                         List<String> names) {
        this(version, target, vocabularies, textBuckets, names, List.of(), List.of(), List.of(), 0);
    }

    /** A schema without open attributes or frequency encodings. */
    public FeatureSchema(String version, String target, List<Vocabulary> vocabularies, int textBuckets,
                         List<String> names, List<TargetEncoding> encodings) {
        this(version, target, vocabularies, textBuckets, names, encodings, List.of(), List.of(), 0);
    }

    /**
     * How a schema encodes categories beyond its vocabularies.
     *
     * @param target    each categorical attribute also as its training breach rate (needs labels)
     * @param frequency each categorical attribute also as its share of the training tickets
     */
    public record Encodings(boolean target, boolean frequency) {
        /** Vocabularies only. */
        public static final Encodings NONE = new Encodings(false, false);
    }

    /**
     * Learns vocabularies from training tickets (see {@link Vocabulary#covering}), for the native categorical
     * attributes and every open one that some training ticket has, and, as asked, each categorical attribute's
     * {@link TargetEncoding} and {@link FrequencyEncoding}. Attributes known only at the end are left out.
     *
     * @param tickets     the training tickets
     * @param labels      1 for a breach, 0 otherwise, by ticket id; tickets without one are left out of the
     *                    target encodings
     * @param target      the target metric
     * @param textBuckets hashed subject buckets
     * @param encodings   the encodings beyond vocabularies
     * @return the schema
     */
    public static FeatureSchema fit(List<Ticket> tickets, Map<String, Integer> labels, Metric target,
                                    int textBuckets, Encodings encodings) {
        List<String> open = TicketData.openAttributes(tickets).stream().filter(a -> !a.knownAtEnd())
                .map(OpenAttribute::key).toList();
        List<String> categorical = categorical(open);
        List<Vocabulary> vocabularies = categorical.stream().map(a -> {
            Map<String, Integer> counts = new HashMap<>();
            for (Ticket t : tickets) {
                String v = t.attribute(a);
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
            return Vocabulary.covering(a, counts, MIN_COUNT, COVERAGE, MAX_LEVELS);
        }).toList();
        List<TargetEncoding> enc = List.of();
        if (encodings.target()) {
            List<Ticket> known = tickets.stream().filter(t -> labels.containsKey(t.id())).toList();
            enc = categorical.stream().map(a -> TargetEncoding.fit(a, known, t -> labels.get(t.id()))).toList();
        }
        List<FrequencyEncoding> freq = encodings.frequency()
                ? categorical.stream().map(a -> FrequencyEncoding.fit(a, tickets)).toList() : List.of();
        FeatureSchema draft = new FeatureSchema(Features.VERSION, target.label(), vocabularies, textBuckets,
                List.of(), enc, open, freq, 0);
        return new FeatureSchema(Features.VERSION, target.label(), vocabularies, textBuckets,
                Features.of(draft).stream().map(Feature::name).toList(), enc, open, freq, 0);
    }

    /**
     * Learns vocabularies and target encodings.
     *
     * @param tickets     the training tickets
     * @param labels      their labels by id
     * @param target      the target metric
     * @param textBuckets hashed subject buckets
     * @return the schema
     */
    public static FeatureSchema fit(List<Ticket> tickets, Map<String, Integer> labels, Metric target,
                                    int textBuckets) {
        return fit(tickets, labels, target, textBuckets, new Encodings(true, false));
    }

    /**
     * Learns vocabularies only.
     *
     * @param tickets     the training tickets
     * @param target      the target metric
     * @param textBuckets hashed subject buckets
     * @return the schema
     */
    public static FeatureSchema fit(List<Ticket> tickets, Metric target, int textBuckets) {
        return fit(tickets, Map.of(), target, textBuckets, Encodings.NONE);
    }

    /** @return the categorical attributes: the native ones, then the open categories */
    @JsonIgnore
    public List<String> categorical() {
        return categorical(attributes);
    }

    private static List<String> categorical(List<String> open) {
        List<String> all = new java.util.ArrayList<>(Features.CATEGORICAL);
        open.stream().filter(k -> !OpenAttribute.ofKey(k).number()).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * @param attribute a native attribute or an open attribute's key
     * @return the stem of its features' names: the native name, or {@code attr_NAME}
     */
    public static String stem(String attribute) {
        OpenAttribute a = OpenAttribute.ofKey(attribute);
        return a == null ? attribute : a.feature();
    }

    /**
     * @param encoded the encodings to use instead, e.g. fitted without one fold of the training tickets
     * @return this schema with them, the same features
     */
    public FeatureSchema withEncodings(List<TargetEncoding> encoded) {
        return new FeatureSchema(version, target, vocabularies, textBuckets, names, encoded, attributes, frequencies,
                bodyBuckets);
    }

    /**
     * @param buckets hashed body buckets, 0 for none
     * @return this schema with them, its feature names recomputed
     */
    public FeatureSchema withBodyBuckets(int buckets) {
        FeatureSchema draft = new FeatureSchema(version, target, vocabularies, textBuckets, List.of(), encodings,
                attributes, frequencies, buckets);
        return new FeatureSchema(version, target, vocabularies, textBuckets,
                Features.of(draft).stream().map(Feature::name).toList(), encodings, attributes, frequencies, buckets);
    }

    /**
     * @param attribute a categorical attribute
     * @return its vocabulary, empty when unknown
     */
    public Vocabulary vocabulary(String attribute) {
        return vocabularies.stream().filter(v -> v.attribute().equals(attribute)).findFirst()
                .orElse(new Vocabulary(attribute, List.of()));
    }

    /** @return the target metric */
    @JsonIgnore
    public Metric metric() {
        return Metric.parse(target);
    }

    /** @return how many features */
    @JsonIgnore
    public int size() {
        return names.size();
    }

    /**
     * Checks that this code computes the features a stored schema names.
     *
     * @throws IllegalStateException naming the difference and what to do
     */
    public void checkCompatible() {
        if (!Features.VERSION.equals(version)) {
            throw new IllegalStateException("the model was built with feature schema version " + version
                    + " but this slacast computes version " + Features.VERSION + "; retrain it with this version");
        }
        List<String> computed = Features.of(this).stream().map(Feature::name).toList();
        if (!computed.equals(names)) {
            throw new IllegalStateException("the model's feature names differ from this slacast's (" + names.size()
                    + " against " + computed.size() + "); retrain it with this version");
        }
    }
}
