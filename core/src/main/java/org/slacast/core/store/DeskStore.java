package org.slacast.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.CsvRow;
import org.slacast.core.csv.JdbcRows;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.csv.RowSource;
import org.slacast.core.csv.TicketAttributes;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * The desk's durable memory over one JDBC connection: tickets (their latest attributes), events (append-only,
 * each stored once: an event sent twice is a duplicate) and reported outcomes. Every write takes a number from one
 * sequence, so a replica can follow the store by asking for what came after the last number it saw. The schema is
 * created, or migrated, when the store is opened. Thread-safe: one connection, used by one caller at a time.
 */
public final class DeskStore implements AutoCloseable {
    private static final String TICKET_COLS = String.join(", ", NativeFormat.TICKET_COLUMNS) + ", "
            + NativeFormat.ATTRIBUTES_COLUMN;
    /** {@code at} is a keyword in DuckDB, so it is quoted wherever it is named. */
    private static final String EVENT_COLS = String.join(", ", NativeFormat.EVENT_COLUMNS).replace(" at,", " \"at\",");

    /** Rows per INSERT statement in PostgreSQL. */
    private static final int ROWS = 500;

    private final String url;
    private final String name;
    private final Connection c;
    private final boolean duck;

    private DeskStore(String url, Connection c) {
        this.url = url;
        this.duck = url.startsWith("jdbc:duckdb:");
        this.name = JdbcRows.redacted(url);
        this.c = c;
    }

    /**
     * @param url {@code jdbc:duckdb:desk.duckdb}, {@code jdbc:duckdb:} (in memory) or
     *            {@code jdbc:postgresql://host:port/db?user=u}
     * @return the open store, its schema created or migrated
     * @throws BadInputException naming the store when it cannot be opened
     */
    public static DeskStore open(String url) {
        if (!url.startsWith("jdbc:duckdb:") && !url.startsWith("jdbc:postgresql:")) {
            throw new BadInputException("--store " + JdbcRows.redacted(url) + ": the desk store is DuckDB "
                    + "(jdbc:duckdb:FILE) or PostgreSQL (jdbc:postgresql://HOST:PORT/DB?user=U)");
        }
        try {
            Connection c = DriverManager.getConnection(url);
            DeskStore s = new DeskStore(url, c);
            s.migrate();
            return s;
        } catch (SQLException e) {
            throw new BadInputException("--store " + JdbcRows.redacted(url) + ": cannot open the desk store ("
                    + firstLine(e) + "); check the URL, that the database is up, and that its directory is writable");
        }
    }

    /** Creates what is missing; a store written by an earlier version keeps its rows. */
    private void migrate() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS desk_seq");
            StringBuilder tickets = new StringBuilder("CREATE TABLE IF NOT EXISTS tickets (ticket_id VARCHAR PRIMARY KEY, "
                    + "created_at TIMESTAMPTZ NOT NULL");
            for (String col : NativeFormat.TICKET_COLUMNS.subList(2, NativeFormat.TICKET_COLUMNS.size())) {
                tickets.append(", ").append(col).append(" VARCHAR");
            }
            s.execute(tickets.append(", seq BIGINT NOT NULL)").toString());
            // Stores from before open attributes gain the column; their tickets have none.
            s.execute("ALTER TABLE tickets ADD COLUMN IF NOT EXISTS " + NativeFormat.ATTRIBUTES_COLUMN + " VARCHAR");
            s.execute("CREATE TABLE IF NOT EXISTS events (event_key VARCHAR PRIMARY KEY, ticket_id VARCHAR NOT NULL, "
                    + "\"at\" TIMESTAMPTZ NOT NULL, type VARCHAR NOT NULL, status VARCHAR, priority VARCHAR, tier VARCHAR, "
                    + "team VARCHAR, agent VARCHAR, seq BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS outcomes (ticket_id VARCHAR NOT NULL, breached BOOLEAN NOT NULL, "
                    + "known_at TIMESTAMPTZ NOT NULL, seq BIGINT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS events_ticket ON events (ticket_id)");
            s.execute("CREATE INDEX IF NOT EXISTS events_seq ON events (seq)");
            s.execute("CREATE INDEX IF NOT EXISTS tickets_seq ON tickets (seq)");
        }
        if (duck) {
            DuckDbAppends.stage(c);
        }
    }

    /** @return the store's URL with any password masked */
    public String name() {
        return name;
    }

    /**
     * Stores tickets, replacing the attributes of any stored before under the same id.
     *
     * @param tickets the tickets
     * @throws StoreException when the database refuses them
     */
    public synchronized void putTickets(Collection<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        // One ticket per id within a statement: PostgreSQL refuses to update a row twice in one INSERT.
        Map<String, Ticket> latest = new java.util.LinkedHashMap<>();
        tickets.forEach(t -> latest.put(t.id(), t));
        List<Ticket> all = new ArrayList<>(latest.values());
        int cols = NativeFormat.TICKET_COLUMNS.size();
        String row = "(" + "?, ".repeat(cols + 1) + "nextval('desk_seq'))";
        List<String> updated = new ArrayList<>(NativeFormat.TICKET_COLUMNS.subList(1, cols));
        updated.add(NativeFormat.ATTRIBUTES_COLUMN);
        String update = " ON CONFLICT (ticket_id) DO UPDATE SET " + String.join(", ",
                updated.stream().map(col -> col + " = EXCLUDED." + col).toList()) + ", seq = EXCLUDED.seq";
        try {
            inTransaction(() -> {
                if (duck) {
                    DuckDbAppends.tickets(c, all, update);
                    return 0;
                }
                for (int from = 0; from < all.size(); from += ROWS) {
                    List<Ticket> part = all.subList(from, Math.min(all.size(), from + ROWS));
                    String sql = "INSERT INTO tickets (" + TICKET_COLS + ", seq) VALUES "
                            + String.join(", ", java.util.Collections.nCopies(part.size(), row)) + update;
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        int k = 1;
                        for (Ticket t : part) {
                            String[] v = NativeFormat.values(t);
                            p.setString(k++, v[0]);
                            p.setObject(k++, utc(t.createdAt()));
                            for (int i = 2; i < v.length; i++) {
                                p.setString(k++, v[i].isEmpty() ? null : v[i]);
                            }
                            p.setString(k++, TicketAttributes.toJson(t.attributes()));
                        }
                        p.executeUpdate();
                    }
                }
                return 0;
            });
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot store tickets (" + firstLine(e) + ")", e);
        }
    }

    /**
     * Stores events; one already stored (the same ticket, instant, type and fields) is left alone.
     *
     * @param events the events
     * @return how many were new
     * @throws StoreException when the database refuses them
     */
    public synchronized int putEvents(Collection<TicketEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, TicketEvent> byKey = new java.util.LinkedHashMap<>();
        for (TicketEvent e : events) {
            byKey.putIfAbsent(key(NativeFormat.values(e)), e);
        }
        List<Map.Entry<String, TicketEvent>> all = new ArrayList<>(byKey.entrySet());
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('desk_seq'))";
        try {
            return inTransaction(() -> {
                if (duck) {
                    return DuckDbAppends.events(c, all);
                }
                int added = 0;
                for (int from = 0; from < all.size(); from += ROWS) {
                    List<Map.Entry<String, TicketEvent>> part = all.subList(from, Math.min(all.size(), from + ROWS));
                    String sql = "INSERT INTO events (event_key, " + EVENT_COLS + ", seq) VALUES "
                            + String.join(", ", java.util.Collections.nCopies(part.size(), row))
                            + " ON CONFLICT (event_key) DO NOTHING";
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        int k = 1;
                        for (Map.Entry<String, TicketEvent> en : part) {
                            String[] v = NativeFormat.values(en.getValue());
                            p.setString(k++, en.getKey());
                            p.setString(k++, v[0]);
                            p.setObject(k++, utc(en.getValue().at()));
                            for (int i = 2; i < v.length; i++) {
                                p.setString(k++, v[i].isEmpty() ? null : v[i]);
                            }
                        }
                        added += p.executeUpdate();
                    }
                }
                return added;
            });
        } catch (SQLException ex) {
            throw new StoreException(name + ": cannot store events (" + firstLine(ex) + ")", ex);
        }
    }

    /**
     * Records an outcome reported by a system that knows outcomes only.
     *
     * @param ticketId the ticket
     * @param breached whether it breached
     * @param knownAt  when it became known
     */
    public synchronized void putOutcome(String ticketId, boolean breached, Instant knownAt) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO outcomes (ticket_id, breached, known_at, seq) "
                + "VALUES (?, ?, ?, nextval('desk_seq'))")) {
            p.setString(1, ticketId);
            p.setBoolean(2, breached);
            p.setObject(3, utc(knownAt));
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot store an outcome (" + firstLine(e) + ")", e);
        }
    }

    /**
     * @param until tickets created and events dated before this instant, or null for all
     * @return the stored tickets and events
     */
    public synchronized TicketData load(Instant until) {
        Sources s = sources(until);
        return TicketData.load(s.tickets(), s.events());
    }

    /**
     * The stored tickets and events as rows, for a reader that does not keep them all (the streamed clock).
     *
     * @param tickets rows in the tickets.csv layout, oldest first
     * @param events  rows in the events.csv layout, grouped by ticket
     */
    public record Sources(RowSource tickets, RowSource events) {
    }

    /**
     * @param until tickets created and events dated before this instant, or null for all
     * @return the rows {@link #load} reads; they read over this store's connection, so while it is open
     */
    public Sources sources(Instant until) {
        String t = "SELECT " + TICKET_COLS + " FROM tickets" + (until == null ? "" : " WHERE created_at < ?")
                + " ORDER BY created_at, ticket_id";
        String e = "SELECT " + EVENT_COLS + " FROM events" + (until == null ? "" : " WHERE \"at\" < ?")
                + " ORDER BY ticket_id, \"at\", seq";
        List<Object> p = until == null ? List.of() : List.of(utc(until));
        return new Sources(rows(t, p, "tickets"), rows(e, p, "events"));
    }

    /**
     * The tickets that matter to the desk's windows from an instant on: created since, or with an event since.
     *
     * @param since the start of the window
     * @return those tickets with all their events
     */
    public synchronized TicketData window(Instant since) {
        String active = "(created_at >= ? OR ticket_id IN (SELECT ticket_id FROM events WHERE \"at\" >= ?))";
        String t = "SELECT " + TICKET_COLS + " FROM tickets WHERE " + active + " ORDER BY created_at, ticket_id";
        String e = "SELECT " + EVENT_COLS + " FROM events WHERE ticket_id IN (SELECT ticket_id FROM tickets WHERE "
                + active + ") ORDER BY ticket_id, \"at\", seq";
        List<Object> p = List.of(utc(since), utc(since));
        return TicketData.load(rows(t, p, "tickets"), rows(e, p, "events"));
    }

    /**
     * @param ticketId a ticket
     * @return it and its events, or an empty data set when it is not stored
     */
    public synchronized TicketData ticket(String ticketId) {
        List<Object> p = List.of(ticketId);
        return TicketData.load(rows("SELECT " + TICKET_COLS + " FROM tickets WHERE ticket_id = ?", p, "tickets"),
                rows("SELECT " + EVENT_COLS + " FROM events WHERE ticket_id = ? ORDER BY \"at\", seq", p, "events"));
    }

    /**
     * @param tickets ticket ids
     * @return those that are stored
     */
    public synchronized List<String> known(Collection<String> tickets) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM tickets WHERE ticket_id = ?")) {
            for (String id : tickets) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        out.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot read tickets (" + firstLine(e) + ")", e);
        }
        return out;
    }

    /** @return the latest sequence number written, 0 for an empty store */
    public synchronized long sequence() {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(m), 0) FROM ("
                + "SELECT max(seq) AS m FROM tickets UNION ALL SELECT max(seq) FROM events UNION ALL "
                + "SELECT max(seq) FROM outcomes) x")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot read the sequence (" + firstLine(e) + ")", e);
        }
    }


    /**
     * What changed after a sequence number, by this process or another.
     *
     * @param data     every ticket written, or with an event or outcome written, since; with all its events
     * @param outcomes those tickets' latest reported outcomes
     */
    public record Touched(TicketData data, Map<String, Map.Entry<Boolean, Instant>> outcomes) {
    }

    /**
     * @param after a sequence number, as {@link #sequence()} gave it
     * @return the tickets touched since, read in three queries whatever their number
     */
    public synchronized Touched touchedAfter(long after) {
        String touched = "ticket_id IN (SELECT ticket_id FROM tickets WHERE seq > ? UNION SELECT ticket_id FROM events "
                + "WHERE seq > ? UNION SELECT ticket_id FROM outcomes WHERE seq > ?)";
        List<Object> p = List.of(after, after, after);
        TicketData d = TicketData.load(rows("SELECT " + TICKET_COLS + " FROM tickets WHERE " + touched
                + " ORDER BY created_at, ticket_id", p, "tickets"), rows("SELECT " + EVENT_COLS + " FROM events WHERE "
                + touched + " ORDER BY ticket_id, \"at\", seq", p, "events"));
        return new Touched(d, outcomes("WHERE " + touched, p));
    }

    /** @return every ticket's latest reported outcome, read at once: a server starts without a query per ticket */
    public synchronized Map<String, Map.Entry<Boolean, Instant>> outcomes() {
        return outcomes("", List.of());
    }

    private Map<String, Map.Entry<Boolean, Instant>> outcomes(String where, List<Object> params) {
        Map<String, Map.Entry<Boolean, Instant>> out = new java.util.HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT ticket_id, breached, known_at FROM outcomes " + where
                + " ORDER BY seq")) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Map.entry(rs.getBoolean(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot read outcomes (" + firstLine(e) + ")", e);
        }
    }

    /** @return the latest creation stored, the desk's clock, or null for an empty store */
    public synchronized Instant latestCreation() {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(created_at) FROM tickets")) {
            rs.next();
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot read the store (" + firstLine(e) + ")", e);
        }
    }

    /** A unit of work on the connection. */
    private interface Step<T> {
        T run() throws SQLException;
    }

    /** One transaction per write: all of it is stored, or none (and a row-at-a-time commit is slow in DuckDB). */
    private <T> T inTransaction(Step<T> w) throws SQLException {
        c.setAutoCommit(false);
        try {
            T n = w.run();
            c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private RowSource rows(String query, List<Object> params, String label) {
        String source = name + " [" + label + "]";
        return new RowSource() {
            @Override
            public String name() {
                return source;
            }

            @Override
            public Map<String, Integer> read(Collection<String> required, Consumer<CsvRow> sink) {
                synchronized (DeskStore.this) { // one connection: one query at a time
                    return JdbcRows.read(c, source, query, params, ZoneOffset.UTC, required, sink);
                }
            }
        };
    }

    /** The identity of an event: its native values, hashed, so the same event sent twice is stored once. */
    static String key(String[] values) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String v : values) {
                d.update(v.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Work on the store's connection. What a server keeps beside the desk (alerts and their deliveries) lives in the
     * same database, so that it is shared by replicas exactly as the desk is.
     *
     * @param <T>  what the work returns
     * @param what what is being done, for the error message
     * @param work the work, given the connection in auto-commit mode; it must leave it so
     * @return what the work returns
     * @throws StoreException naming the store and the database's reason
     */
    public synchronized <T> T work(String what, Work<T> work) {
        try {
            return work.on(c);
        } catch (SQLException e) {
            throw new StoreException(name + ": cannot " + what + " (" + firstLine(e) + ")", e);
        }
    }

    /**
     * Work on the store's connection in one transaction: all of it is stored, or none.
     *
     * @param <T>  what the work returns
     * @param what what is being done, for the error message
     * @param work the work
     * @return what the work returns
     * @throws StoreException naming the store and the database's reason
     */
    public synchronized <T> T transaction(String what, Work<T> work) {
        return work(what, conn -> inTransaction(() -> work.on(conn)));
    }

    /**
     * Work on the store's connection.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection
         * @return the result
         * @throws SQLException when the database refuses
         */
        T on(Connection c) throws SQLException;
    }

    /** @return whether the store is DuckDB, whose SQL differs from PostgreSQL's in places */
    public boolean duck() {
        return duck;
    }

    /** @return the JDBC URL, unmasked, for opening another connection to the same store */
    public String url() {
        return url;
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            // closing: nothing left to do
        }
    }

    /** The store refused a write or a read; the message names the store and the database's reason. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
