package org.slacast.core.stream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.TicketEvent;

/**
 * Accepted events on disk, in parts by their ticket's position (ordinal) in the tickets' source: part k holds the
 * events of tickets k·size to (k+1)·size − 1, in the order they were added. The key is dense and known before the
 * first event, so one distribution pass groups the events and no comparison sort (and no merge) is needed: a part
 * is read back into one list per ticket, each in source order. Only one part is ever in memory.
 */
final class EventSpill implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private final Path dir;
    private final int size;
    private final DataOutputStream[] parts;
    private final String[] ids;

    /**
     * @param ids  the accepted tickets' ids, by ordinal; an event's id is not stored, its ordinal names it
     * @param size tickets per part
     * @throws UncheckedIOException if the temporary directory cannot be written
     */
    EventSpill(String[] ids, int size) {
        this.ids = ids;
        this.size = size;
        this.parts = new DataOutputStream[(ids.length + size - 1) / size];
        try {
            dir = Files.createTempDirectory("slacast-events-");
        } catch (IOException e) {
            throw unwritable(Path.of(System.getProperty("java.io.tmpdir")), e);
        }
    }

    /** @return the number of parts */
    int parts() {
        return parts.length;
    }

    /**
     * @param ordinal the event's ticket's position
     * @param e       the event
     */
    void add(int ordinal, TicketEvent e) {
        int k = ordinal / size;
        try {
            if (parts[k] == null) {
                parts[k] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(k)), BUFFER));
            }
            write(parts[k], ordinal, e);
        } catch (IOException ex) {
            throw unwritable(dir, ex);
        }
    }

    /** Ends writing; every part can then be read. */
    void finish() {
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] != null) {
                try {
                    parts[k].close();
                } catch (IOException e) {
                    throw unwritable(dir, e);
                }
            }
        }
    }

    /**
     * @param k a part
     * @return for each ticket of the part (index: ordinal − k·size), its events in the order added
     */
    List<List<TicketEvent>> read(int k) {
        int first = k * size;
        int n = Math.min(size, ids.length - first);
        List<List<TicketEvent>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(8));
        }
        if (parts[k] == null) {
            return out;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(k)),
                BUFFER))) {
            while (true) {
                int ordinal;
                try {
                    ordinal = in.readInt();
                } catch (EOFException end) {
                    return out;
                }
                out.get(ordinal - first).add(read(in, ids[ordinal]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file(k) + ": cannot read back the event spill", e);
        }
    }

    private Path file(int k) {
        return dir.resolve("part-" + k + ".bin");
    }

    private static void write(DataOutputStream out, int ordinal, TicketEvent e) throws IOException {
        out.writeInt(ordinal);
        out.writeLong(e.at().getEpochSecond());
        out.writeInt(e.at().getNano());
        out.writeByte(e.type().ordinal());
        out.writeByte(e.priority() == null ? -1 : e.priority().ordinal());
        out.writeByte(e.tier() == null ? -1 : e.tier().ordinal());
        text(out, e.status());
        text(out, e.team());
        text(out, e.agent());
    }

    private static TicketEvent read(DataInputStream in, String ticketId) throws IOException {
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        EventType type = EventType.values()[in.readByte()];
        int p = in.readByte();
        int t = in.readByte();
        return new TicketEvent(ticketId, at, type, text(in), p < 0 ? null : Priority.values()[p],
                t < 0 ? null : Tier.values()[t], text(in), text(in));
    }

    /** Length-prefixed UTF-8, −1 for null: writeUTF would refuse a value over 64 KB. */
    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static UncheckedIOException unwritable(Path where, IOException e) {
        return new UncheckedIOException(where + ": cannot write the events' spill files (they group each ticket's "
                + "events on disk); free some space there or point java.io.tmpdir elsewhere, e.g. "
                + "SLACAST_JAVA_OPTS=-Djava.io.tmpdir=/var/tmp", e);
    }

    /** Deletes the spill files. */
    @Override
    public void close() {
        for (int k = 0; k < parts.length; k++) {
            try {
                if (parts[k] != null) {
                    parts[k].close();
                }
                Files.deleteIfExists(file(k));
            } catch (IOException e) {
                // a file left in the temporary directory is not worth failing a finished run for
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // as above
        }
    }
}
