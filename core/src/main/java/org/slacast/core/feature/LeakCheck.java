package org.slacast.core.feature;

import java.time.Instant;
import java.util.List;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Proves that no feature looks past its instant: each feature is computed twice, once from the ticket's whole
 * event log and once from only the events up to the instant (with the clock read from each), and the two must
 * agree. Training runs it on a sample of every example set.
 */
public final class LeakCheck {
    private LeakCheck() {
    }

    /**
     * @param extractor the extractor under test
     * @param t         a ticket
     * @param allEvents its whole event log, including events after {@code at}
     * @param at        the instant
     * @param history   the desk's history at {@code at}
     * @throws FeatureLeakException naming the first feature whose value depends on a later event
     */
    public static void verify(FeatureExtractor extractor, Ticket t, List<TicketEvent> allEvents, Instant at,
                              DeskState.History history) {
        List<TicketEvent> known = allEvents.stream().filter(e -> !e.at().isAfter(at)).toList();
        if (known.size() == allEvents.size()) {
            return;
        }
        FeatureInput full = extractor.input(t, allEvents, at, extractor.sla(t, allEvents, at), history);
        FeatureInput past = extractor.input(t, known, at, extractor.sla(t, known, at), history);
        for (Feature f : extractor.features()) {
            double a = f.value(full);
            double b = f.value(past);
            if (Double.compare(a, b) != 0) {
                throw new FeatureLeakException(f.name(), t.id(), at, a, b);
            }
        }
    }

    /** A feature whose value at an instant changed when later events were removed. */
    public static final class FeatureLeakException extends IllegalStateException {
        private final String feature;

        FeatureLeakException(String feature, String ticketId, Instant at, double withLater, double withoutLater) {
            super("feature '" + feature + "' leaks: for ticket " + ticketId + " at " + at + " it is " + withLater
                    + " with the later events and " + withoutLater + " without them; it must use only events up to "
                    + "the instant");
            this.feature = feature;
        }

        /** @return the leaking feature's name */
        public String feature() {
            return feature;
        }
    }
}
