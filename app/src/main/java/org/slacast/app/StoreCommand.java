package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slacast.core.csv.TicketData;
import org.slacast.core.store.DeskStore;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast store}: the desk store's commands. */
@Command(name = "store", mixinStandardHelpOptions = true, subcommands = StoreCommand.Load.class,
        description = {"The desk store: every ticket, event and reported outcome, in DuckDB (embedded) or PostgreSQL "
            + "(shared by replicas). Training, scoring and the server read it; see docs/desk-store.md."})
public final class StoreCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code slacast store load}: native files into a store. */
    @Command(name = "load", mixinStandardHelpOptions = true, description = {"Load native tickets.csv and events.csv "
        + "into a desk store; a ticket already there takes the new attributes, an event already there is kept once.",
        "", "Example:", "  slacast store load --data demo/data --store jdbc:duckdb:desk.duckdb --until 2025-06-01"})
    public static final class Load implements Callable<Integer> {
        @Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Native data directory.")
        private Path data;

        @Option(names = "--store", required = true, paramLabel = "JDBC-URL",
                description = "jdbc:duckdb:FILE or jdbc:postgresql://HOST:PORT/DB?user=U")
        private String store;

        @Option(names = "--until", paramLabel = "INSTANT|DATE", converter = InstantConverter.class,
                description = "Load only tickets created and events dated before this instant, for backtests.")
        private Instant until;

        @Override
        public Integer call() {
            TicketData d = TicketData.load(data);
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            int[] counts = load(d, store, until);
            out.printf("%,d tickets and %,d new events (%,d already stored) -> %s (%.1f s)%s%n", counts[0], counts[1],
                    counts[2], org.slacast.core.csv.JdbcRows.redacted(store), (System.nanoTime() - t0) / 1e9,
                    d.rejects().isEmpty() ? "" : "; " + d.rejects().size() + " rows left out (first: "
                            + d.rejects().getFirst() + ")");
            return 0;
        }
    }

    /**
     * Loads data into a store, in batches.
     *
     * @param d     the data
     * @param url   the store
     * @param until only what lies before this instant, or null for all
     * @return tickets stored, new events, events already stored
     */
    static int[] load(TicketData d, String url, Instant until) {
        List<Ticket> tickets = new ArrayList<>();
        List<TicketEvent> events = new ArrayList<>();
        for (Ticket t : d.tickets()) {
            if (until == null || t.createdAt().isBefore(until)) {
                tickets.add(t);
                for (TicketEvent e : d.eventsOf(t.id())) {
                    if (until == null || e.at().isBefore(until)) {
                        events.add(e);
                    }
                }
            }
        }
        try (DeskStore s = DeskStore.open(url)) {
            int added = 0;
            for (int i = 0; i < tickets.size(); i += 5000) {
                s.putTickets(tickets.subList(i, Math.min(tickets.size(), i + 5000)));
            }
            for (int i = 0; i < events.size(); i += 20_000) {
                added += s.putEvents(events.subList(i, Math.min(events.size(), i + 20_000)));
            }
            return new int[] {tickets.size(), added, events.size() - added};
        }
    }
}
