package org.slacast.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slacast.core.csv.TicketData;
import org.slacast.core.store.DeskStore;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * The desk a batch of tickets arrives at: the tickets that came before it, whose queues, requesters' and systems'
 * recent tickets and breach rates the history features read.
 */
final class DeskHistory {
    private DeskHistory() {
    }

    /**
     * @param source  a native directory, or a desk store's JDBC URL
     * @param options how to read a directory's local timestamps and early events
     * @return its tickets and events
     */
    static TicketData load(String source, org.slacast.core.csv.ReadOptions options) {
        if (source.startsWith("jdbc:")) {
            try (DeskStore s = DeskStore.open(source)) {
                return s.load(null);
            }
        }
        return TicketData.load(Path.of(source), options);
    }

    /**
     * The batch on top of its history. A ticket in both takes the batch's attributes; its events are the union
     * of both, each kept once, in time order (history first at equal instants).
     *
     * @param history what came before
     * @param batch   the tickets to score
     * @return both, with the batch's rejects and counts
     */
    static TicketData under(TicketData history, TicketData batch) {
        Set<String> ids = new HashSet<>();
        batch.tickets().forEach(t -> ids.add(t.id()));
        List<Ticket> tickets = new ArrayList<>();
        Map<String, List<TicketEvent>> events = new HashMap<>();
        for (Ticket t : history.tickets()) {
            if (!ids.contains(t.id())) {
                tickets.add(t);
                events.put(t.id(), history.eventsOf(t.id()));
            }
        }
        for (Ticket t : batch.tickets()) {
            tickets.add(t);
            LinkedHashSet<TicketEvent> both = new LinkedHashSet<>(history.eventsOf(t.id()));
            both.addAll(batch.eventsOf(t.id()));
            List<TicketEvent> sorted = new ArrayList<>(both);
            sorted.sort(Comparator.comparing(TicketEvent::at));
            events.put(t.id(), sorted);
        }
        return new TicketData(tickets, events, batch.rejects(), batch.duplicates(), batch.clamped());
    }
}
