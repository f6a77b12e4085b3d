package org.slacast.app;

import org.slacast.core.BadInputException;
import java.nio.file.Path;
import org.slacast.core.csv.JdbcRows;
import org.slacast.core.csv.RowSource;
import org.slacast.core.csv.TicketData;
import picocli.CommandLine.Option;

/**
 * The options every command that reads tickets shares: a native directory, two native files, or SQL queries over
 * JDBC. Exactly one of the three must be given.
 */
public final class TicketSourceOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Directory holding tickets.csv and events.csv.")
    Path data;

    @Option(names = "--tickets", paramLabel = "FILE", description = "Native tickets file (with --events, instead of --data).")
    Path tickets;

    @Option(names = "--events", paramLabel = "FILE", description = "Native events file (with --tickets).")
    Path events;

    @Option(names = "--jdbc", paramLabel = "URL", description = {"Read from a database instead of files, e.g. "
            + "jdbc:duckdb:desk.duckdb or jdbc:postgresql://127.0.0.1:5432/test?user=postgres.",
        "Queries must return the native column names (alias them with AS)."})
    String jdbc;

    @Option(names = "--tickets-sql", paramLabel = "QUERY", defaultValue = "SELECT * FROM tickets",
            description = "Tickets query with --jdbc (default: ${DEFAULT-VALUE}).")
    String ticketsSql;

    @Option(names = "--events-sql", paramLabel = "QUERY", defaultValue = "SELECT * FROM events",
            description = "Events query with --jdbc (default: ${DEFAULT-VALUE}).")
    String eventsSql;

    /** Creates the options; picocli fills them. */
    public TicketSourceOptions() {
        // picocli fills the fields
    }

    /** @return true when no source was given */
    public boolean isEmpty() {
        return data == null && tickets == null && events == null && jdbc == null;
    }

    /** @return the --data directory, or null */
    public Path dataDir() {
        return data;
    }

    /** @return a short description of the source, for summaries and provenance */
    public String describe() {
        return jdbc != null ? new JdbcRows(jdbc, ticketsSql, "tickets").name()
                : data != null ? data.toString() : tickets + " + " + events;
    }

    /**
     * @return the tickets and events, with rejects
     * @throws IllegalArgumentException when the options do not name exactly one source
     */
    public TicketData load() {
        int given = (data != null ? 1 : 0) + (tickets != null || events != null ? 1 : 0) + (jdbc != null ? 1 : 0);
        if (given != 1) {
            throw new BadInputException("give one source: --data DIR, or --tickets FILE and --events FILE, "
                    + "or --jdbc URL");
        }
        if (jdbc != null) {
            return TicketData.load(new JdbcRows(jdbc, ticketsSql, "tickets"), new JdbcRows(jdbc, eventsSql, "events"));
        }
        if (data != null) {
            return TicketData.load(data);
        }
        if (tickets == null || events == null) {
            throw new BadInputException("--tickets and --events go together; give both");
        }
        return TicketData.load(RowSource.csv(tickets), RowSource.csv(events));
    }
}
