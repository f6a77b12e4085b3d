package org.slacast.core.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;

/**
 * Tickets and events as bytes, and back to equal records. Values that repeat (statuses, teams, agents,
 * categories, customers) are written as a number into a dictionary kept in memory, up to a bound, so they are
 * stored once and read back as one shared string; the rest (subjects, bodies, rare values) are written in full.
 */
final class SpillCodec {
    /** The dictionary's bound: its memory must not grow with the number of rows, whatever the data. */
    private static final int MAX_WORDS = 1 << 16;
    private static final int NULL = -1;
    private static final int INLINE = -2;
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    void write(Ticket t, SpillFile out) throws IOException {
        text(out, t.id(), false);
        instant(out, t.createdAt());
        out.putByte(t.priority().ordinal());
        out.putByte(t.impact() == null ? -1 : t.impact().ordinal());
        out.putByte(t.urgency() == null ? -1 : t.urgency().ordinal());
        out.putByte(t.tier().ordinal());
        for (String s : new String[] {t.team(), t.category(), t.system(), t.channel(), t.customer(), t.contract(),
            t.region()}) {
            text(out, s, true);
        }
        text(out, t.requester(), true);
        text(out, t.subject(), false);
        text(out, t.body(), false);
        out.putInt(t.attributes().size());
        for (Map.Entry<String, String> a : t.attributes().entrySet()) {
            text(out, a.getKey(), true);
            text(out, a.getValue(), true);
        }
    }

    Ticket ticket(ByteBuffer in) {
        String id = text(in);
        Instant created = instant(in);
        Priority priority = Priority.values()[in.get()];
        int impact = in.get();
        int urgency = in.get();
        Tier tier = Tier.values()[in.get()];
        Ticket t = new Ticket(id, created, priority, impact < 0 ? null : Impact.values()[impact],
                urgency < 0 ? null : Urgency.values()[urgency], tier, text(in), text(in), text(in), text(in),
                text(in), text(in), text(in), text(in), text(in), text(in));
        int n = in.getInt();
        if (n == 0) {
            return t;
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            attributes.put(text(in), text(in));
        }
        return t.withAttributes(attributes);
    }

    void write(TicketEvent e, SpillFile out) throws IOException {
        instant(out, e.at());
        out.putByte(e.type().ordinal());
        out.putByte(e.priority() == null ? -1 : e.priority().ordinal());
        out.putByte(e.tier() == null ? -1 : e.tier().ordinal());
        text(out, e.status(), true);
        text(out, e.team(), true);
        text(out, e.agent(), true);
    }

    TicketEvent event(ByteBuffer in, String ticketId) {
        Instant at = instant(in);
        EventType type = EventType.values()[in.get()];
        int p = in.get();
        int t = in.get();
        return new TicketEvent(ticketId, at, type, text(in), p < 0 ? null : Priority.values()[p],
                t < 0 ? null : Tier.values()[t], text(in), text(in));
    }

    private static void instant(SpillFile out, Instant at) throws IOException {
        out.putLong(at.getEpochSecond());
        out.putInt(at.getNano());
    }

    private static Instant instant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    /** A known word as its number; a new one becomes known while there is room, else it is written in full. */
    private void text(SpillFile out, String s, boolean word) throws IOException {
        if (s == null) {
            out.putInt(NULL);
            return;
        }
        if (word) {
            Integer id = wordIds.get(s);
            if (id == null && words.size() < MAX_WORDS) {
                id = words.size();
                wordIds.put(s, id);
                words.add(s);
            }
            if (id != null) {
                out.putInt(id);
                return;
            }
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(INLINE);
        out.putInt(bytes.length);
        out.putBytes(bytes);
    }

    private String text(ByteBuffer in) {
        int id = in.getInt();
        if (id >= 0) {
            return words.get(id);
        }
        if (id == NULL) {
            return null;
        }
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
