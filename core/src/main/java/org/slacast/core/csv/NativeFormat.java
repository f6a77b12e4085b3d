package org.slacast.core.csv;

import org.slacast.core.ticket.InstantText;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;

/**
 * The native ("canonical") CSV formats for tickets and events, described in docs/native-format.md. The generator
 * writes them, the importer produces them, and every command reads them.
 */
public final class NativeFormat {
    /** Ticket columns, in file order. */
    public static final List<String> TICKET_COLUMNS = List.of("ticket_id", "created_at", "priority", "impact", "urgency",
            "tier", "team", "category", "system", "channel", "customer", "contract", "region", "requester", "subject", "body");
    /** The column that holds a ticket's open attributes as one JSON object, in SQL sources and the desk store. */
    public static final String ATTRIBUTES_COLUMN = "attributes";
    /** Event columns, in file order. */
    public static final List<String> EVENT_COLUMNS = List.of("ticket_id", "at", "type", "status", "priority", "tier",
            "team", "agent");
    /** Ticket columns that must be present. */
    public static final List<String> TICKET_REQUIRED = List.of("ticket_id", "created_at", "priority");
    /** Event columns that must be present. */
    public static final List<String> EVENT_REQUIRED = List.of("ticket_id", "at", "type");
    /** The file names within a native data directory. */
    public static final String TICKETS_FILE = "tickets.csv";
    /** The events file within a native data directory. */
    public static final String EVENTS_FILE = "events.csv";

    private NativeFormat() {
    }

    /**
     * @param row a tickets.csv row
     * @return the ticket
     * @throws RowException naming the column at fault
     */
    public static Ticket ticket(CsvRow row) {
        return ticket(row, null);
    }

    /**
     * @param row  a tickets.csv row
     * @param zone the zone of timestamps without an offset, or null to require one
     * @return the ticket
     * @throws RowException naming the column at fault
     */
    public static Ticket ticket(CsvRow row, ZoneId zone) {
        return ticketWithout(row, zone).withAttributes(TicketAttributes.read(row));
    }

    private static Ticket ticketWithout(CsvRow row, ZoneId zone) {
        return new Ticket(row.require("ticket_id"), instant(row, "created_at", zone),
                parse(row, "priority", Priority::parse, true), parse(row, "impact", Impact::parse, false),
                parse(row, "urgency", Urgency::parse, false), parse(row, "tier", Tier::parse, false), row.get("team"),
                row.get("category"), row.get("system"), row.get("channel"), row.get("customer"), row.get("contract"),
                row.get("region"), row.get("requester"), row.get("subject"), row.get("body"));
    }

    /**
     * @param row an events.csv row
     * @return the event
     * @throws RowException naming the column at fault
     */
    public static TicketEvent event(CsvRow row) {
        return event(row, null);
    }

    /**
     * @param row  an events.csv row
     * @param zone the zone of timestamps without an offset, or null to require one
     * @return the event
     * @throws RowException naming the column at fault
     */
    public static TicketEvent event(CsvRow row, ZoneId zone) {
        EventType type = parse(row, "type", EventType::parse, true);
        try {
            return new TicketEvent(row.require("ticket_id"), instant(row, "at", zone), type, row.get("status"),
                    parse(row, "priority", Priority::parse, false), parse(row, "tier", Tier::parse, false),
                    row.get("team"), row.get("agent"));
        } catch (IllegalArgumentException e) {
            throw new RowException(null, e.getMessage());
        }
    }

    /**
     * Reads an ISO-8601 instant with a zone or offset: {@code 2026-03-02T09:15:00Z}, {@code 2026-03-02T10:15+01:00}.
     *
     * @param row    the row
     * @param column the column
     * @return the instant
     * @throws RowException if absent or not such an instant
     */
    public static Instant instant(CsvRow row, String column) {
        return instant(row, column, null);
    }

    /**
     * Reads an ISO-8601 instant. With a zone, a local date-time ({@code 2026-03-02T09:15:00}, or with a space
     * for the {@code T}) is taken in that zone, as {@link java.time.ZonedDateTime} resolves it: in an autumn
     * overlap the earlier offset, in a spring gap the time shifted forward by the gap's length.
     *
     * @param row    the row
     * @param column the column
     * @param zone   the zone of local date-times, or null to require an offset
     * @return the instant
     * @throws RowException if absent or not such an instant
     */
    public static Instant instant(CsvRow row, String column, ZoneId zone) {
        String v = row.require(column);
        String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
        Instant at = InstantText.parse(v);
        if (at == null) {
            at = zone == null ? withOffset(v) : local(iso, zone);
        }
        if (at == null) {
            LocalDateTime local = localOrNull(iso);
            throw new RowException(column, local == null || zone != null
                    ? "'" + v + "' is not an ISO-8601 instant such as 2026-03-02T09:15:00Z"
                    : "'" + v + "' has no offset; write one (" + local + "Z) or give the zone of local times "
                        + "(data.zone in the policy file, or --zone)");
        }
        if (!org.slacast.core.ticket.TimeRange.accepts(at)) {
            throw new RowException(column, "'" + v + "' is not " + org.slacast.core.ticket.TimeRange.phrase());
        }
        return at;
    }

    private static Instant withOffset(String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** One parse whether or not there is an offset: a failed parse throws, and this runs for every row. */
    private static Instant local(String v, ZoneId zone) {
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, ZonedDateTime::from,
                    LocalDateTime::from);
            return t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime localOrNull(String v) {
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> T parse(CsvRow row, String column, java.util.function.Function<String, T> parser,
                               boolean required) {
        return RowException.parsing(column, required ? row.require(column) : row.get(column), parser);
    }

    /** Writes native tickets.csv and events.csv into a directory, streaming. */
    public static final class Writer implements Closeable {
        private final java.io.Writer ticketsOut;
        private final java.io.Writer eventsOut;
        private final ICSVWriter tickets;
        private final ICSVWriter events;
        private final List<String> attributes;

        /**
         * @param dir the directory; created if missing, files replaced
         * @throws UncheckedIOException if it cannot be written
         */
        public Writer(Path dir) {
            this(dir, List.of());
        }

        /**
         * @param dir        the directory; created if missing, files replaced
         * @param attributes the open attributes' keys, written as columns after the native ones, in this order
         * @throws UncheckedIOException if it cannot be written
         */
        public Writer(Path dir, List<String> attributes) {
            this.attributes = List.copyOf(attributes);
            try {
                Files.createDirectories(dir);
                ticketsOut = Files.newBufferedWriter(dir.resolve(TICKETS_FILE));
                eventsOut = Files.newBufferedWriter(dir.resolve(EVENTS_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot write native files", e);
            }
            tickets = CsvFiles.writer(ticketsOut);
            events = CsvFiles.writer(eventsOut);
            tickets.writeNext(java.util.stream.Stream.concat(TICKET_COLUMNS.stream(), this.attributes.stream())
                    .toArray(String[]::new), false);
            events.writeNext(EVENT_COLUMNS.toArray(String[]::new), false);
        }

        /** @param t a ticket to append */
        public void write(Ticket t) {
            String[] row = values(t);
            if (!attributes.isEmpty()) {
                row = java.util.Arrays.copyOf(row, row.length + attributes.size());
                for (int i = 0; i < attributes.size(); i++) {
                    row[TICKET_COLUMNS.size() + i] = s(t.attributes().get(attributes.get(i)));
                }
            }
            tickets.writeNext(row, false);
        }

        /** @param e an event to append */
        public void write(TicketEvent e) {
            events.writeNext(values(e), false);
        }

        @Override
        public void close() throws IOException {
            try (tickets; events) {
                tickets.flush();
                events.flush();
            }
        }

    }

    /**
     * @param t a ticket
     * @return its native values, in {@link #TICKET_COLUMNS} order; absent values are empty
     */
    public static String[] values(Ticket t) {
        return new String[] {t.id(), t.createdAt().toString(), t.priority().label(), label(t.impact()),
            label(t.urgency()), t.tier().name(), s(t.team()), s(t.category()), s(t.system()), s(t.channel()),
            s(t.customer()), s(t.contract()), s(t.region()), s(t.requester()), s(t.subject()), s(t.body())};
    }

    /**
     * @param e an event
     * @return its native values, in {@link #EVENT_COLUMNS} order; absent values are empty
     */
    public static String[] values(TicketEvent e) {
        return new String[] {e.ticketId(), e.at().toString(), e.type().label(), s(e.status()),
            e.priority() == null ? "" : e.priority().label(), e.tier() == null ? "" : e.tier().name(),
            s(e.team()), s(e.agent())};
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static String label(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
