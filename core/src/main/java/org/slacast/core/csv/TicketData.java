package org.slacast.core.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.csv.ReadOptions.BeforeCreation;
import org.slacast.core.ticket.TicketEvent;

/**
 * Tickets and their events as read from native files, with every row that was left out and why.
 *
 * @param tickets    accepted tickets, in file order
 * @param events     accepted events by ticket id, in file order; exact duplicates removed
 * @param rejects    rows left out
 * @param duplicates exact duplicate event rows dropped
 * @param clamped    events dated before their ticket's creation and moved to it ({@link BeforeCreation#CLAMP})
 */
public record TicketData(List<Ticket> tickets, Map<String, List<TicketEvent>> events, List<Reject> rejects,
                         int duplicates, int clamped) {

    /**
     * Data with no clamped events.
     *
     * @param tickets    accepted tickets
     * @param events     accepted events by ticket id
     * @param rejects    rows left out
     * @param duplicates exact duplicate event rows dropped
     */
    public TicketData(List<Ticket> tickets, Map<String, List<TicketEvent>> events, List<Reject> rejects,
                      int duplicates) {
        this(tickets, events, rejects, duplicates, 0);
    }

    /**
     * Reads {@code tickets.csv} and {@code events.csv} from a directory.
     *
     * @param dir the directory
     * @return the data
     * @throws CsvFileException if a file is missing or unreadable as a whole
     */
    public static TicketData load(Path dir) {
        return load(dir, ReadOptions.STRICT);
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
        return load(files(ticketsFile), files(eventsFile), ReadOptions.STRICT);
    }

    /**
     * A CSV file parsed on a second core, a few thousand rows ahead of building and checking the records. Only
     * for files: a source that reads under a lock its caller holds (the desk store's) would wait for it forever.
     *
     * @param file a CSV file
     * @return its rows, read ahead
     */
    public static RowSource files(Path file) {
        return new ReadAhead(RowSource.csv(file));
    }

    /**
     * Reads {@code tickets.csv} and {@code events.csv} from a directory.
     *
     * @param dir     the directory
     * @param options how to read local timestamps and early events
     * @return the data
     * @throws CsvFileException if a file is missing or unreadable as a whole
     */
    public static TicketData load(Path dir, ReadOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new CsvFileException(dir + ": not a directory; expected one holding tickets.csv and events.csv");
        }
        return load(files(dir.resolve(NativeFormat.TICKETS_FILE)), files(dir.resolve(NativeFormat.EVENTS_FILE)),
                options);
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
        return load(ticketsSource, eventsSource, ReadOptions.STRICT);
    }

    /**
     * Reads native tickets and events from any row source, with a zone for timestamps written without an offset
     * and a rule for events dated before their ticket's creation: rejected, or moved to the creation instant and
     * counted in {@link #clamped}.
     *
     * @param ticketsSource rows in the tickets.csv layout
     * @param eventsSource  rows in the events.csv layout
     * @param options       how to read local timestamps and early events
     * @return the data
     * @throws CsvFileException if a source cannot be read as a whole
     */
    public static TicketData load(RowSource ticketsSource, RowSource eventsSource, ReadOptions options) {
        List<Reject> rejects = new ArrayList<>();
        Map<String, Ticket> byId = new LinkedHashMap<>();
        tickets(ticketsSource, options, rejects, t -> byId.putIfAbsent(t.id(), t) == null);
        Map<String, List<TicketEvent>> events = new HashMap<>(byId.size() * 2);
        Set<TicketEvent> seen = new HashSet<>();
        int[] dups = {0};
        int[] clamped = {0};
        Function<String, Instant> created = id -> {
            Ticket t = byId.get(id);
            return t == null ? null : t.createdAt();
        };
        eventsSource.read(NativeFormat.EVENT_REQUIRED, row -> {
            try {
                TicketEvent e = event(row, created, ticketsSource.name(), options, clamped);
                if (!seen.add(e)) {
                    dups[0]++;
                    return;
                }
                events.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e);
            } catch (RowException ex) {
                rejects.add(Reject.of(row, ex));
            }
        });
        return new TicketData(List.copyOf(byId.values()), events, rejects, dups[0], clamped[0]);
    }

    /**
     * Reads tickets, rejecting a row that cannot be read or repeats a ticket id.
     *
     * @param source  rows in the tickets.csv layout
     * @param options how to read local timestamps
     * @param rejects receives the rows left out, in source order
     * @param accept  takes each ticket read, in source order; false if its id was taken already (then rejected)
     * @throws CsvFileException if the source cannot be read as a whole
     */
    public static void tickets(RowSource source, ReadOptions options, List<Reject> rejects, Predicate<Ticket> accept) {
        source.read(NativeFormat.TICKET_REQUIRED, row -> {
            try {
                Ticket t = NativeFormat.ticket(row, options.zone());
                if (!accept.test(t)) {
                    throw new RowException("ticket_id", "ticket " + t.id() + " appears twice; the first is kept");
                }
            } catch (RowException e) {
                rejects.add(Reject.of(row, e));
            }
        });
    }

    /**
     * Reads one event row and checks it against its ticket: the same checks, in the same order, for the in-memory
     * and the streaming reader, so both reject the same rows for the same reasons.
     *
     * @param row         an events.csv row
     * @param created     an accepted ticket's creation instant by its id, or null if there is no such ticket
     * @param ticketsName the tickets source, named when the ticket is unknown
     * @param options     how to read local timestamps and early events
     * @param clamped     its one element counts events moved to their ticket's creation
     * @return the event, moved to its ticket's creation if it was earlier and the options say clamp
     * @throws RowException naming the column at fault
     */
    public static TicketEvent event(CsvRow row, Function<String, Instant> created, String ticketsName,
                                    ReadOptions options, int[] clamped) {
        TicketEvent e = NativeFormat.event(row, options.zone());
        Instant createdAt = created.apply(e.ticketId());
        if (createdAt == null) {
            throw new RowException("ticket_id", "no ticket " + e.ticketId() + " in " + ticketsName);
        }
        if (e.at().isBefore(createdAt)) {
            if (options.beforeCreation() == BeforeCreation.REJECT) {
                throw new RowException("at", "event at " + e.at() + " is before its ticket was created ("
                        + createdAt + "); fix the timestamp or the ticket's created_at, or move such "
                        + "events to the creation (--before-creation clamp)");
            }
            e = e.movedTo(createdAt);
            clamped[0]++;
        }
        return e;
    }

    /**
     * @return the open attributes that some ticket has a value of, in key order
     */
    public List<org.slacast.core.ticket.OpenAttribute> attributes() {
        return openAttributes(tickets);
    }

    /**
     * @param tickets tickets
     * @return the open attributes that some of them has a value of, in key order
     */
    public static List<org.slacast.core.ticket.OpenAttribute> openAttributes(java.util.Collection<Ticket> tickets) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        tickets.forEach(t -> keys.addAll(t.attributes().keySet()));
        return keys.stream().map(org.slacast.core.ticket.OpenAttribute::ofKey).toList();
    }

    /**
     * @param ticketId a ticket
     * @return its events, possibly empty
     */
    public List<TicketEvent> eventsOf(String ticketId) {
        return events.getOrDefault(ticketId, List.of());
    }
}
