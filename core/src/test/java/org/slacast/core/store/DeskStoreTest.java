package org.slacast.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.TicketEvent;

/** The desk store keeps what the native files hold, stores each event once, and survives being reopened. */
class DeskStoreTest {
    static final Path EXAMPLES = Path.of("../docs/examples");
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    @TempDir
    Path tmp;

    @Test
    void duckDbRoundTripsTheNativeFilesAndStoresEachEventOnce() {
        roundTrip("jdbc:duckdb:" + tmp.resolve("desk.duckdb"));
    }

    @Test
    void postgresRoundTripsTheNativeFilesToo() throws SQLException {
        Assumptions.assumeTrue(pgUp(), () -> "SKIPPED: no PostgreSQL at " + PG + "; .ci/run starts one");
        String schema = "desk_test_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(PG)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try {
            roundTrip(PG + "&currentSchema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void roundTrip(String url) {
        TicketData files = TicketData.load(EXAMPLES);
        List<TicketEvent> all = files.tickets().stream().flatMap(t -> files.eventsOf(t.id()).stream()).toList();
        try (DeskStore s = DeskStore.open(url)) {
            s.putTickets(files.tickets());
            int first = s.putEvents(all);
            assertThat(s.putEvents(all)).as("the same events again").isZero();
            assertThat(first).isEqualTo(all.size());
        }
        try (DeskStore s = DeskStore.open(url)) {
            TicketData back = s.load(null);
            assertThat(back.tickets()).containsExactlyInAnyOrderElementsOf(files.tickets());
            for (var t : files.tickets()) {
                assertThat(back.eventsOf(t.id())).containsExactlyInAnyOrderElementsOf(files.eventsOf(t.id()));
            }
            Instant cut = files.tickets().get(1).createdAt();
            TicketData early = s.load(cut);
            assertThat(early.tickets()).allMatch(t -> t.createdAt().isBefore(cut));
            assertThat(early.tickets().stream().flatMap(t -> early.eventsOf(t.id()).stream()))
                    .allMatch(e -> e.at().isBefore(cut));
            assertThat(s.ticket(files.tickets().getFirst().id()).tickets()).hasSize(1);
            long seq = s.sequence();
            assertThat(seq).isPositive();
            s.putOutcome(files.tickets().getFirst().id(), true, cut);
            String first = files.tickets().getFirst().id();
            DeskStore.Touched touched = s.touchedAfter(seq);
            assertThat(touched.data().tickets()).extracting(org.slacast.core.ticket.Ticket::id).containsExactly(first);
            assertThat(touched.data().eventsOf(first)).containsExactlyInAnyOrderElementsOf(files.eventsOf(first));
            assertThat(touched.outcomes()).containsExactly(java.util.Map.entry(first, java.util.Map.entry(true, cut)));
            assertThat(s.outcomes()).isEqualTo(touched.outcomes());
            assertThat(s.outcomes().get(files.tickets().getFirst().id())).isEqualTo(java.util.Map.entry(true, cut));
        }
    }

    @Test
    void onlyDuckDbAndPostgresAreAcceptedAndAnUnopenableFileIsNamed() {
        assertThatThrownBy(() -> DeskStore.open("jdbc:mysql://x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the desk store is DuckDB");
        assertThatThrownBy(() -> DeskStore.open("jdbc:duckdb:/nonexistent/dir/desk.duckdb"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cannot open the desk store");
    }

    private static boolean pgUp() {
        try (Connection c = DriverManager.getConnection(PG)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }
}
