package org.slacast.core.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slacast.core.csv.CsvFileException;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.csv.ReadAhead;
import org.slacast.core.csv.ReadOptions;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.RowException;
import org.slacast.core.csv.RowSource;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Tickets and their events read once and handed out one part of the tickets at a time, each ticket with all its
 * events, in the tickets' source order. Tickets and events wait on disk ({@link DeskSpill}); what stays in memory
 * is each ticket's id, position and creation instant, so memory does not grow with the number of events. Rows are checked as {@link TicketData#load} checks them and
 * rejected with the same place and reason; exact duplicate events are dropped per ticket, where they can be found
 * without a set of every event.
 */
public final class TicketStream implements AutoCloseable {
    /** Tickets per part: a part's events (about 7 a ticket) are the most held in memory at once. */
    static final int PART = 16_384;

    private final int tickets;
    private final List<Reject> rejects;
    private final int clamped;
    private final Instant latest;
    private final DeskSpill spill;
    private int duplicates;
    private boolean read;

    private TicketStream(int tickets, List<Reject> rejects, int clamped, Instant latest, DeskSpill spill) {
        this.tickets = tickets;
        this.rejects = rejects;
        this.clamped = clamped;
        this.latest = latest;
        this.spill = spill;
    }

    /**
     * Reads {@code tickets.csv} and {@code events.csv} from a directory.
     *
     * @param dir     the directory
     * @param options how to read local timestamps and early events
     * @return the stream, to be closed
     * @throws CsvFileException if a file is missing or unreadable as a whole
     */
    public static TicketStream open(Path dir, ReadOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new CsvFileException(dir + ": not a directory; expected one holding tickets.csv and events.csv");
        }
        return open(RowSource.csv(dir.resolve(NativeFormat.TICKETS_FILE)),
                RowSource.csv(dir.resolve(NativeFormat.EVENTS_FILE)), options);
    }

    /**
     * Reads and checks every row, keeping the tickets and spilling the accepted events to disk.
     *
     * @param ticketsSource rows in the tickets.csv layout
     * @param eventsSource  rows in the events.csv layout, in any order
     * @param options       how to read local timestamps and early events
     * @return the stream, to be closed
     * @throws CsvFileException if a source cannot be read as a whole
     */
    public static TicketStream open(RowSource ticketsSource, RowSource eventsSource, ReadOptions options) {
        return open(ticketsSource, eventsSource, options, PART);
    }

    /**
     * As {@link #open(RowSource, RowSource, ReadOptions)}, with a part size of one's own (tests use small parts to
     * cross part boundaries on small data).
     *
     * @param ticketsSource rows in the tickets.csv layout
     * @param eventsSource  rows in the events.csv layout, in any order
     * @param options       how to read local timestamps and early events
     * @param ticketsPerPart tickets handed out per batch, at least 1
     * @return the stream, to be closed
     * @throws CsvFileException if a source cannot be read as a whole
     */
    public static TicketStream open(RowSource ticketsSource, RowSource eventsSource, ReadOptions options,
                                    int ticketsPerPart) {
        if (ticketsPerPart < 1) {
            throw new IllegalArgumentException("ticketsPerPart must be at least 1: " + ticketsPerPart);
        }
        List<Reject> rejects = new ArrayList<>();
        DeskSpill spill = new DeskSpill(ticketsPerPart);
        try {
            Index index = new Index();
            TicketData.tickets(new ReadAhead(ticketsSource), options, rejects, t -> index.add(t, spill));
            int[] clamped = {0};
            Instant[] latest = {index.latest};
            new ReadAhead(eventsSource).read(NativeFormat.EVENT_REQUIRED, row -> {
                try {
                    TicketEvent e = TicketData.event(row, index::created, ticketsSource.name(), options, clamped);
                    latest[0] = later(latest[0], e.at());
                    spill.add(index.last, e);
                } catch (RowException ex) {
                    rejects.add(Reject.of(row, ex));
                }
            });
            spill.finish();
            return new TicketStream(index.ordinals.size(), rejects, clamped[0], latest[0], spill);
        } catch (RuntimeException e) {
            spill.close();
            throw e;
        }
    }

    /** What stays in memory of each accepted ticket: its position and creation instant. */
    private static final class Index {
        private final Map<String, Integer> ordinals = new HashMap<>();
        private final List<Instant> created = new ArrayList<>();
        private Instant latest = Instant.EPOCH;
        /** The ordinal found by the last {@link #created} that found one: one map look-up an event, not two. */
        private int last;

        /** @return false if the id is taken */
        boolean add(Ticket t, DeskSpill spill) {
            if (ordinals.putIfAbsent(t.id(), created.size()) != null) {
                return false;
            }
            created.add(t.createdAt());
            latest = later(latest, t.createdAt());
            spill.add(t);
            return true;
        }

        Instant created(String id) {
            Integer o = ordinals.get(id);
            if (o == null) {
                return null;
            }
            last = o;
            return created.get(o);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /**
     * Hands out the tickets with their events, once: a part of the tickets at a time, in source order.
     *
     * @param batch receives each part's groups; it may keep them
     * @throws IllegalStateException if called a second time
     */
    public void forEachBatch(Consumer<List<TicketGroup>> batch) {
        if (read) {
            throw new IllegalStateException("a ticket stream is read once");
        }
        read = true;
        for (int k = 0; k < spill.parts(); k++) {
            List<TicketGroup> groups = spill.read(k);
            groups.replaceAll(g -> new TicketGroup(g.ticket(), distinct(g.events())));
            batch.accept(groups);
        }
    }

    /** The first of each set of exact duplicates, in order, as the in-memory reader keeps them. */
    private List<TicketEvent> distinct(List<TicketEvent> events) {
        if (events.size() < 2 || events.size() <= FEW && !repeats(events)) {
            return events;
        }
        LinkedHashSet<TicketEvent> set = new LinkedHashSet<>(events);
        if (set.size() == events.size()) {
            return events;
        }
        duplicates += events.size() - set.size();
        return new ArrayList<>(set);
    }

    /** Up to this many events, pairs are compared (by instant first) rather than hashed: a ticket has a few. */
    private static final int FEW = 32;

    private static boolean repeats(List<TicketEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            TicketEvent e = events.get(i);
            for (int j = 0; j < i; j++) {
                if (e.at().equals(events.get(j).at()) && e.equals(events.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the number of accepted tickets */
    public int tickets() {
        return tickets;
    }

    /** @return rows left out, tickets' first and then events', each in source order */
    public List<Reject> rejects() {
        return List.copyOf(rejects);
    }

    /** @return events dated before their ticket's creation and moved to it */
    public int clamped() {
        return clamped;
    }

    /** @return exact duplicate events dropped; complete once {@link #forEachBatch} has returned */
    public int duplicates() {
        return duplicates;
    }

    /** @return the latest instant among the accepted tickets and events, or the epoch if there is none */
    public Instant latest() {
        return latest;
    }

    /** Deletes the spill files. */
    @Override
    public void close() {
        spill.close();
    }
}
