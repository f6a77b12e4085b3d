package org.slacast.app.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * A data set's tickets and events in [from, until), in time order, cut into batches that never split an instant:
 * once a batch is ingested, the server holds every item up to its last instant, so each ticket created in it can
 * be scored at its creation.
 */
public final class ReplayTimeline {
    /**
     * One request's worth of the timeline.
     *
     * @param first   the earliest instant in it
     * @param last    the latest instant in it
     * @param tickets tickets to create or update: those created in it, and earlier ones that its events need
     * @param created the tickets created in it, to be scored at creation
     * @param events  its events
     */
    public record Batch(Instant first, Instant last, List<Ticket> tickets, List<Ticket> created,
                        List<TicketEvent> events) {
        /** @return tickets and events together */
        public int size() {
            return tickets.size() + events.size();
        }
    }

    private final TreeMap<Instant, List<Object>> byInstant = new TreeMap<>();
    private final Map<String, Ticket> before = new java.util.HashMap<>();
    private int tickets;
    private int events;

    /**
     * @param data  the data set
     * @param from  the first instant to replay, or null for the beginning
     * @param until the instant to stop before, or null for the end
     */
    public ReplayTimeline(TicketData data, Instant from, Instant until) {
        for (Ticket t : data.tickets()) {
            if (within(t.createdAt(), from, until)) {
                add(t.createdAt(), t);
                tickets++;
            } else if (from != null && t.createdAt().isBefore(from)) {
                before.put(t.id(), t);
            }
            for (TicketEvent e : data.eventsOf(t.id())) {
                if (within(e.at(), from, until) && !t.createdAt().isAfter(e.at())) {
                    add(e.at(), e);
                    events++;
                }
            }
        }
    }

    private static boolean within(Instant at, Instant from, Instant until) {
        return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
    }

    private void add(Instant at, Object item) {
        byInstant.computeIfAbsent(at, k -> new ArrayList<>()).add(item);
    }

    /** @return tickets created in the period */
    public int tickets() {
        return tickets;
    }

    /** @return events dated in the period */
    public int events() {
        return events;
    }

    /** @return the first instant holding an item, or null when the period is empty */
    public Instant start() {
        return byInstant.isEmpty() ? null : byInstant.firstKey();
    }

    /**
     * @param maxItems most items in a batch, unless one instant alone holds more
     * @param span     longest stretch of time in a batch, or null for any: with pacing, a batch is sent when its
     *                 first instant is due, so this bounds how early its last item arrives
     * @return the batches, in time order
     */
    public List<Batch> batches(int maxItems, java.time.Duration span) {
        List<Batch> out = new ArrayList<>();
        Builder b = null;
        Set<String> sent = new HashSet<>();
        for (Map.Entry<Instant, List<Object>> moment : byInstant.entrySet()) {
            boolean full = b != null && (b.size() + moment.getValue().size() > maxItems
                    || span != null && moment.getKey().isAfter(b.first.plus(span)));
            if (b == null || full) {
                if (b != null) {
                    out.add(b.build());
                }
                b = new Builder(moment.getKey());
            }
            b.add(moment.getKey(), moment.getValue(), sent);
        }
        if (b != null) {
            out.add(b.build());
        }
        return out;
    }

    /** Gathers one batch. */
    private final class Builder {
        final Instant first;
        Instant last;
        final List<Ticket> tickets = new ArrayList<>();
        final List<Ticket> created = new ArrayList<>();
        final List<TicketEvent> events = new ArrayList<>();

        Builder(Instant first) {
            this.first = first;
        }

        int size() {
            return tickets.size() + events.size();
        }

        void add(Instant at, List<Object> items, Set<String> sent) {
            last = at;
            for (Object o : items) {
                if (o instanceof Ticket t) {
                    tickets.add(t);
                    created.add(t);
                    sent.add(t.id());
                } else if (o instanceof TicketEvent e) {
                    // A ticket created before the period goes with its first replayed event, so that a server
                    // whose store lacks it can still take the event.
                    Ticket earlier = before.get(e.ticketId());
                    if (earlier != null && sent.add(e.ticketId())) {
                        tickets.add(earlier);
                    }
                    events.add(e);
                }
            }
        }

        Batch build() {
            return new Batch(first, last, List.copyOf(tickets), List.copyOf(created), List.copyOf(events));
        }
    }
}
