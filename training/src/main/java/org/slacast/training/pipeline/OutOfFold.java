package org.slacast.training.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.feature.TargetEncoding;
import org.slacast.core.ticket.Ticket;
import org.slacast.training.data.Example;

/**
 * Out-of-fold target encodings for the training examples. A ticket's own outcome must not be in the rate it is
 * trained on, or the model learns to trust a rate that serving cannot give it: the training tickets are cut into
 * {@link #FOLDS} folds by a seeded hash of their id, and each fold's examples get the encodings fitted on the
 * other folds. Validation, test and serving use the encodings of every training ticket, as the schema holds them.
 */
final class OutOfFold {
    /** Folds of the training tickets. */
    static final int FOLDS = 5;

    private OutOfFold() {
    }

    /**
     * @param schema  the schema, with its encodings
     * @param tickets the training tickets
     * @param labels  their labels by id
     * @param train   the training examples, whose encoding columns are rewritten in place
     * @param seed    fixes the folds
     */
    static void apply(FeatureSchema schema, List<Ticket> tickets, Map<String, Integer> labels, List<Example> train,
                      long seed) {
        List<TargetEncoding> all = schema.encodings();
        if (all.isEmpty()) {
            return;
        }
        Map<String, Ticket> byId = new HashMap<>();
        tickets.forEach(t -> byId.put(t.id(), t));
        List<List<TargetEncoding>> perFold = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            List<Ticket> others = tickets.stream().filter(t -> labels.containsKey(t.id())
                    && fold(t.id(), seed) != fold).toList();
            perFold.add(all.stream().map(e -> TargetEncoding.fit(e.attribute(), others, t -> labels.get(t.id())))
                    .toList());
        }
        int[] columns = all.stream().mapToInt(e -> schema.names().indexOf(FeatureSchema.stem(e.attribute()) + "_breach_rate")).toArray();
        for (Example e : train) {
            Ticket t = byId.get(e.ticketId());
            if (t == null) {
                continue;
            }
            List<TargetEncoding> enc = perFold.get(fold(t.id(), seed));
            for (int j = 0; j < columns.length; j++) {
                if (columns[j] >= 0) {
                    e.x()[columns[j]] = enc.get(j).rate(t.attribute(enc.get(j).attribute()));
                }
            }
        }
    }

    static int fold(String id, long seed) {
        return (int) Math.floorMod(org.slacast.core.SeededHash.of(seed, id), (long) FOLDS);
    }
}
