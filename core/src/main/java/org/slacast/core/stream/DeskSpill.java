package org.slacast.core.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Accepted tickets and events on disk, in parts by the ticket's position (ordinal) in the tickets' source: part k
 * holds tickets k·size to (k+1)·size − 1 and their events, in the order they were added. The key is dense and
 * known when an event arrives (its ticket came first), so one distribution pass groups the events, and no
 * comparison sort and no merge is needed: a part is read back as its tickets, each with its events in source
 * order. Only one part is ever in memory.
 */
final class DeskSpill implements AutoCloseable {
    private final Path dir;
    private final int size;
    private final SpillCodec codec = new SpillCodec();
    private final List<SpillFile> tickets = new ArrayList<>();
    private final List<SpillFile> events = new ArrayList<>();
    private final List<Boolean> hasEvents = new ArrayList<>();
    private int ticketCount;

    /**
     * @param size tickets per part
     * @throws UncheckedIOException if the temporary directory cannot be written
     */
    DeskSpill(int size) {
        this.size = size;
        try {
            dir = Files.createTempDirectory("slacast-desk-");
        } catch (IOException e) {
            throw unwritable(Path.of(System.getProperty("java.io.tmpdir")), e);
        }
    }

    /** @return the number of parts */
    int parts() {
        return tickets.size();
    }

    /** @param t the next accepted ticket; its ordinal is the number added before it */
    void add(Ticket t) {
        int k = ticketCount++ / size;
        try {
            if (k == tickets.size()) {
                if (k > 0) {
                    tickets.get(k - 1).close(); // tickets come in order: the previous part is complete
                }
                tickets.add(new SpillFile(file("tickets", k)));
                events.add(null);
                hasEvents.add(false);
            }
            codec.write(t, tickets.get(k));
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
    }

    /**
     * @param ordinal the event's ticket's position
     * @param e       the event
     */
    void add(int ordinal, TicketEvent e) {
        int k = ordinal / size;
        try {
            SpillFile out = events.get(k);
            if (out == null) {
                out = new SpillFile(file("events", k));
                events.set(k, out);
                hasEvents.set(k, true);
            }
            out.putInt(ordinal - k * size);
            codec.write(e, out);
        } catch (IOException ex) {
            throw unwritable(dir, ex);
        }
    }

    /** Ends writing; every part can then be read. */
    void finish() {
        try {
            if (!tickets.isEmpty()) {
                tickets.getLast().close();
            }
            for (SpillFile f : events) {
                if (f != null) {
                    f.close();
                }
            }
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
    }

    /**
     * @param k a part
     * @return its tickets in order, each with its events in the order added
     */
    List<TicketGroup> read(int k) {
        ByteBuffer ts = bytes(file("tickets", k));
        List<TicketGroup> out = new ArrayList<>(size);
        while (ts.hasRemaining()) {
            out.add(new TicketGroup(codec.ticket(ts), new ArrayList<>(8)));
        }
        if (hasEvents.get(k)) {
            ByteBuffer es = bytes(file("events", k));
            while (es.hasRemaining()) {
                TicketGroup g = out.get(es.getInt());
                g.events().add(codec.event(es, g.ticket().id()));
            }
        }
        return out;
    }

    private static ByteBuffer bytes(Path f) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(f)); // a part is small: tens of MB for ordinary data
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot read back the spill file", e);
        }
    }

    private Path file(String what, int k) {
        return dir.resolve(what + "-" + k + ".bin");
    }

    private static UncheckedIOException unwritable(Path where, IOException e) {
        return new UncheckedIOException(where + ": cannot write the spill files that group each ticket's events "
                + "on disk; free some space there or point java.io.tmpdir elsewhere, e.g. "
                + "SLACAST_JAVA_OPTS=-Djava.io.tmpdir=/var/tmp", e);
    }

    /** Deletes the spill files, closing any still open after an error. */
    @Override
    public void close() {
        for (int k = 0; k < tickets.size(); k++) {
            quietly(tickets.get(k));
            quietly(events.get(k));
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a file left in the temporary directory is not worth failing a finished run for
        }
    }

    private static void quietly(SpillFile f) {
        try {
            if (f != null) {
                f.close();
            }
        } catch (IOException e) {
            // closing only to delete
        }
    }
}
