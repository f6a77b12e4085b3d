package org.slacast.app;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.slacast.core.csv.JdbcRows;
import org.slacast.core.csv.ReadOptions;
import org.slacast.core.csv.RowSource;
import org.slacast.core.csv.TicketData;
import org.slacast.core.store.DeskStore;
import org.slacast.core.stream.TicketStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where tickets come from, for every command that reads them: a native directory, two native files, or SQL queries
 * over JDBC. Exactly one, as an exclusive group: giving two is a usage error (exit 2), and so is giving none to a
 * command that reads tickets (the group is optional for picocli so that {@code sla classify}, which reads a task
 * list instead, needs none).
 */
final class TicketSourceOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Tickets and events from one of:%n")
    Choice choice;

    /** The three ways of giving tickets. */
    static final class Choice {
        @Option(names = "--data", paramLabel = "DIR", description = "Directory holding tickets.csv and events.csv.")
        Path data;

        @ArgGroup(exclusive = false)
        Files files;

        @ArgGroup(exclusive = false)
        Jdbc jdbc;

        @Option(names = "--store", paramLabel = "JDBC-URL", description = "A desk store (jdbc:duckdb:FILE or "
                + "jdbc:postgresql://...), as written by 'slacast store load', import, generate or serve.")
        String store;
    }

    /** Two native files, given together. */
    static final class Files {
        @Option(names = "--tickets", required = true, paramLabel = "FILE", description = "Native tickets file "
                + "(with --events).")
        Path tickets;

        @Option(names = "--events", required = true, paramLabel = "FILE", description = "Native events file (with "
                + "--tickets).")
        Path events;
    }

    /** A database and the two queries that read it. */
    static final class Jdbc {
        @Option(names = "--jdbc", required = true, paramLabel = "URL", description = {"Read from a database, e.g. "
                + "jdbc:duckdb:desk.duckdb or jdbc:postgresql://127.0.0.1:5432/test?user=postgres.",
            "Queries must return the native column names (alias them with AS)."})
        String url;

        @Option(names = "--tickets-sql", paramLabel = "QUERY", defaultValue = "SELECT * FROM tickets",
                description = "Tickets query with --jdbc (default: ${DEFAULT-VALUE}).")
        String ticketsSql = "SELECT * FROM tickets";

        @Option(names = "--events-sql", paramLabel = "QUERY", defaultValue = "SELECT * FROM events",
                description = "Events query with --jdbc (default: ${DEFAULT-VALUE}).")
        String eventsSql = "SELECT * FROM events";
    }

    /** Creates the options; picocli fills them. */
    TicketSourceOptions() {
        // picocli fills the fields
    }

    /** @return the --data directory, or null */
    Path dataDir() {
        return choice == null ? null : choice.data;
    }

    /** @return a short description of the source, for summaries and provenance */
    String describe() {
        required();
        if (choice.jdbc != null) {
            return new JdbcRows(choice.jdbc.url, choice.jdbc.ticketsSql, "tickets").name();
        }
        if (choice.store != null) {
            return JdbcRows.redacted(choice.store);
        }
        return choice.data != null ? choice.data.toString() : choice.files.tickets + " + " + choice.files.events;
    }

    void required() {
        if (choice == null) {
            throw new UsageException("Missing required argument (specify one of these): --data DIR, --tickets FILE "
                    + "and --events FILE, --jdbc URL, or --store URL");
        }
    }

    /**
     * The outcomes given beside native files ({@code outcomes.csv} in --data, or beside --tickets); a database
     * source has none.
     *
     * @param data the tickets read, so an outcome for an unknown ticket is rejected
     * @return the given outcomes, possibly none
     */
    org.slacast.core.csv.GivenOutcomes given(TicketData data) {
        required();
        Path dir = choice.data != null ? choice.data
                : choice.files != null ? choice.files.tickets.toAbsolutePath().getParent() : null;
        if (dir == null) {
            return org.slacast.core.csv.GivenOutcomes.none();
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        data.tickets().forEach(t -> ids.add(t.id()));
        return org.slacast.core.csv.GivenOutcomes.beside(dir, ids);
    }

    /** @return the tickets and events, with rejects, read as the native format says */
    TicketData load() {
        return load(ReadOptions.STRICT);
    }

    /**
     * @param options the zone of local timestamps (for --jdbc, of timestamp columns without one: UTC if none) and
     *                the rule for events before creation
     * @return the tickets and events, with rejects
     */
    TicketData load(ReadOptions options) {
        required();
        if (choice.jdbc != null) {
            Jdbc j = choice.jdbc;
            ZoneId zone = options.zone() != null ? options.zone() : ZoneOffset.UTC;
            return TicketData.load(new JdbcRows(j.url, j.ticketsSql, "tickets", zone),
                    new JdbcRows(j.url, j.eventsSql, "events", zone), options);
        }
        if (choice.data != null) {
            return TicketData.load(choice.data, options);
        }
        if (choice.store != null) {
            try (org.slacast.core.store.DeskStore s = org.slacast.core.store.DeskStore.open(choice.store)) {
                return s.load(null);
            }
        }
        return TicketData.load(TicketData.files(choice.files.tickets), TicketData.files(choice.files.events), options);
    }

    /**
     * As {@link #load(ReadOptions)}, for a reader that takes one ticket at a time: the events wait on disk.
     *
     * @param options the zone of local timestamps and the rule for events before creation
     * @return the stream, to be closed
     */
    TicketStream stream(ReadOptions options) {
        required();
        if (choice.jdbc != null) {
            Jdbc j = choice.jdbc;
            ZoneId zone = options.zone() != null ? options.zone() : ZoneOffset.UTC;
            return TicketStream.open(new JdbcRows(j.url, j.ticketsSql, "tickets", zone),
                    new JdbcRows(j.url, j.eventsSql, "events", zone), options);
        }
        if (choice.data != null) {
            return TicketStream.open(choice.data, options);
        }
        if (choice.store != null) {
            try (DeskStore s = DeskStore.open(choice.store)) {
                DeskStore.Sources rows = s.sources(null);
                return TicketStream.open(rows.tickets(), rows.events(), ReadOptions.STRICT); // as load() reads it
            }
        }
        return TicketStream.open(RowSource.csv(choice.files.tickets), RowSource.csv(choice.files.events), options);
    }
}
