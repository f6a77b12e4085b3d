package org.slacast.app;

import java.time.Instant;
import java.util.List;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.TicketEvent;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * When {@code slacast score} scores each ticket: at its creation, after its K-th event, or as it stands at one
 * instant (the tickets still open then).
 */
sealed interface ScoreMoment {
    /** At creation: what a router sees when the ticket arrives. */
    record Creation() implements ScoreMoment {
        @Override
        public List<Instant> instants(Instant created, Instant completed, List<TicketEvent> events) {
            return List.of(created);
        }
    }

    /**
     * Just after the ticket's K-th event, not counting its {@code created} event; tickets with fewer events are
     * not scored.
     *
     * @param k from 1
     */
    record AfterEvent(int k) implements ScoreMoment {
        @Override
        public List<Instant> instants(Instant created, Instant completed, List<TicketEvent> events) {
            int seen = 0;
            for (TicketEvent e : events) {
                if (e.type() != EventType.CREATED && ++seen == k) {
                    return List.of(e.at());
                }
            }
            return List.of();
        }
    }

    /**
     * At one instant, for the tickets open then.
     *
     * @param at the instant
     */
    record Snapshot(Instant at) implements ScoreMoment {
        @Override
        public List<Instant> instants(Instant created, Instant completed, List<TicketEvent> events) {
            return completed == null && !created.isAfter(at) ? List.of(at) : List.of();
        }
    }

    /**
     * @param created   the ticket's creation
     * @param completed when its target metric's clock stopped, as known at the end of the data, or null
     * @param events    its events, in order
     * @return the instants to score it at: none, or one
     */
    List<Instant> instants(Instant created, Instant completed, List<TicketEvent> events);

    /** Reads {@code creation}, {@code event:K} or {@code snapshot:INSTANT}. */
    final class Converter implements ITypeConverter<ScoreMoment> {
        @Override
        public ScoreMoment convert(String value) {
            String v = value.strip();
            if (v.equals("creation")) {
                return new Creation();
            }
            if (v.startsWith("event:")) {
                try {
                    int k = Integer.parseInt(v.substring(6));
                    if (k >= 1) {
                        return new AfterEvent(k);
                    }
                } catch (NumberFormatException e) {
                    // the message below says what is expected
                }
                throw new TypeConversionException("'" + value + "': write event:K with K 1 or more, e.g. event:3");
            }
            if (v.startsWith("snapshot:")) {
                return new Snapshot(new InstantConverter().convert(v.substring(9)));
            }
            throw new TypeConversionException("'" + value + "' is not creation, event:K or snapshot:INSTANT");
        }
    }
}
