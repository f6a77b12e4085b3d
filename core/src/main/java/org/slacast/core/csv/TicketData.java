package org.slacast.core.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Tickets and their events as read from native files, with every row that was left out and why.
 *
 * @param tickets    accepted tickets, in file order
 * @param events     accepted events by ticket id, in file order; exact duplicates removed
 * @param rejects    rows left out
 * @param duplicates exact duplicate event rows dropped
 */
public record TicketData(List<Ticket> tickets, Map<String, List<TicketEvent>> events, List<Reject> rejects,
                         int duplicates) {

    /**
     * Reads {@code tickets.csv} and {@code events.csv} from a directory.
     *
     * @param dir the directory
     * @return the data
     * @throws CsvFileException if a file is missing or unreadable as a whole
     */
    public static TicketData load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CsvFileException(dir + ": not a directory; expected one holding tickets.csv and events.csv");
        }
        return load(dir.resolve(NativeFormat.TICKETS_FILE), dir.resolve(NativeFormat.EVENTS_FILE));
    }

    /**
     * Reads native ticket and event files. A row is rejected, with its line named, if it cannot be read, repeats
     * a ticket id, names an unknown ticket, or is dated before its ticket was created.
     *
     * @param ticketsFile tickets.csv
     * @param eventsFile  events.csv
     * @return the data
     * @throws CsvFileException if a file is missing or unreadable as a whole
     */
    public static TicketData load(Path ticketsFile, Path eventsFile) {
        return load(RowSource.csv(ticketsFile), RowSource.csv(eventsFile));
    }

    /**
     * Reads native tickets and events from any row source: files or SQL queries.
     *
     * @param ticketsSource rows in the tickets.csv layout
     * @param eventsSource  rows in the events.csv layout
     * @return the data
     * @throws CsvFileException if a source cannot be read as a whole
     */
    public static TicketData load(RowSource ticketsSource, RowSource eventsSource) {
        List<Reject> rejects = new ArrayList<>();
        Map<String, Ticket> byId = new LinkedHashMap<>();
        ticketsSource.read(NativeFormat.TICKET_REQUIRED, row -> {
            try {
                Ticket t = NativeFormat.ticket(row);
                if (byId.putIfAbsent(t.id(), t) != null) {
                    throw new RowException("ticket_id", "ticket " + t.id() + " appears twice; the first is kept");
                }
            } catch (RowException e) {
                rejects.add(Reject.of(row, e));
            }
        });
        Map<String, List<TicketEvent>> events = new HashMap<>(byId.size() * 2);
        Set<TicketEvent> seen = new HashSet<>();
        int[] dups = {0};
        eventsSource.read(NativeFormat.EVENT_REQUIRED, row -> {
            try {
                TicketEvent e = NativeFormat.event(row);
                Ticket t = byId.get(e.ticketId());
                if (t == null) {
                    throw new RowException("ticket_id", "no ticket " + e.ticketId() + " in " + ticketsSource.name());
                }
                if (e.at().isBefore(t.createdAt())) {
                    throw new RowException("at", "event at " + e.at() + " is before its ticket was created ("
                            + t.createdAt() + "); fix the timestamp or the ticket's created_at");
                }
                if (!seen.add(e)) {
                    dups[0]++;
                    return;
                }
                events.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e);
            } catch (RowException ex) {
                rejects.add(Reject.of(row, ex));
            }
        });
        return new TicketData(List.copyOf(byId.values()), events, rejects, dups[0]);
    }

    /**
     * @param ticketId a ticket
     * @return its events, possibly empty
     */
    public List<TicketEvent> eventsOf(String ticketId) {
        return events.getOrDefault(ticketId, List.of());
    }
}
