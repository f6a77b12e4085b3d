package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;

class JdbcRowsTest {
    static final Path EXAMPLES = Path.of("../docs/examples");
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    @TempDir
    Path tmp;

    @Test
    void duckDbTablesGiveTheSameTicketsAndClocksAsTheFiles() throws SQLException {
        String url = "jdbc:duckdb:" + tmp.resolve("desk.duckdb");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("tickets", "events")) {
                s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + EXAMPLES.resolve(table + ".csv")
                        + "', header = true, all_varchar = true)");
            }
            // Typed timestamps, as a real table has them; the reader turns them back into instants.
            s.execute("ALTER TABLE tickets ALTER created_at TYPE TIMESTAMPTZ");
            s.execute("ALTER TABLE events ALTER \"at\" TYPE TIMESTAMP USING CAST(\"at\" AS TIMESTAMPTZ) AT TIME ZONE 'UTC'");
        }
        assertSameAsFiles(TicketData.load(new JdbcRows(url, "SELECT * FROM tickets", "tickets"),
                new JdbcRows(url, "SELECT * FROM events", "events")));
    }

    @Test
    void postgresTablesGiveTheSameTicketsAndClocksAsTheFiles() throws SQLException {
        Assumptions.assumeTrue(postgresUp(), () -> "SKIPPED: no PostgreSQL at " + PG
                + "; .ci/run starts one. This test needs a server and is skipped without it.");
        String schema = "slacast_jdbc_test_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            try {
                s.execute("CREATE TABLE " + schema + ".tickets (ticket_id text, created_at timestamptz, priority text,"
                        + " impact text, urgency text, tier text, team text, category text, system text, channel text,"
                        + " customer text, contract text, region text, requester text, subject text, \"cat.ci_type\" text,"
                        + " \"num.related_changes\" numeric)");
                s.execute("CREATE TABLE " + schema + ".events (ticket_id text, \"at\" timestamptz, type text,"
                        + " status text, priority text, tier text, team text, agent text)");
                copy(c, schema + ".tickets", EXAMPLES.resolve("tickets.csv"));
                copy(c, schema + ".events", EXAMPLES.resolve("events.csv"));
                assertSameAsFiles(TicketData.load(new JdbcRows(PG, "SELECT * FROM " + schema + ".tickets", "tickets"),
                        new JdbcRows(PG, "SELECT * FROM " + schema + ".events", "events")));
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aQueryWithoutARequiredColumnSaysWhichAndHowToAliasIt() {
        String url = "jdbc:duckdb:";
        assertThatThrownBy(() -> TicketData.load(
                new JdbcRows(url, "SELECT 'T1' AS id, TIMESTAMPTZ '2026-03-02 09:00:00+00' AS created_at, 'high' AS priority", "tickets"),
                new JdbcRows(url, "SELECT 1", "events")))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("jdbc:duckdb: [tickets query]: the query returns no column 'ticket_id'; it returns "
                        + "[id, created_at, priority]. Alias a column AS ticket_id.");
    }

    @Test
    void aBadRowIsRejectedWithItsRowNumberAndTheGoodOnesKept() {
        String url = "jdbc:duckdb:";
        TicketData d = TicketData.load(new JdbcRows(url, "SELECT * FROM (VALUES ('T1', '2026-03-02T09:00:00Z', 'high'),"
                        + " ('T2', 'yesterday', 'high')) AS t(ticket_id, created_at, priority)", "tickets"),
                new JdbcRows(url, "SELECT 'T1' AS ticket_id, '2026-03-02T09:00:00Z' AS \"at\", 'created' AS type", "events"));
        assertThat(d.tickets()).extracting(t -> t.id()).containsExactly("T1");
        assertThat(d.rejects()).singleElement().hasToString(
                "jdbc:duckdb: [tickets query]:2 [created_at]: 'yesterday' is not an ISO-8601 instant such as 2026-03-02T09:15:00Z");
    }

    @Test
    void aFailingQueryNamesTheSourceAndKeepsPasswordsOut() {
        assertThatThrownBy(() -> new JdbcRows("jdbc:duckdb:", "SELECT * FROM nowhere", "tickets").read(List.of(), r -> { }))
                .isInstanceOf(CsvFileException.class)
                .hasMessageStartingWith("jdbc:duckdb: [tickets query]: ")
                .hasMessageContaining("nowhere")
                .hasMessageEndingWith("; check the JDBC URL, that the database is up, and the query");
        assertThat(JdbcRows.redacted("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(JdbcRows.redacted("jdbc:postgresql://bob:secret@h/db")).isEqualTo("jdbc:postgresql://bob:***@h/db");
    }

    private static void assertSameAsFiles(TicketData fromDb) {
        TicketData fromFiles = TicketData.load(EXAMPLES);
        assertThat(fromDb.tickets()).isEqualTo(fromFiles.tickets());
        assertThat(fromDb.rejects()).isEmpty();
        for (var t : fromFiles.tickets()) {
            assertThat(fromDb.eventsOf(t.id())).containsExactlyInAnyOrderElementsOf(fromFiles.eventsOf(t.id()));
        }
        PolicySet policies = PolicyFile.load(EXAMPLES.resolve("policy.yaml"));
        assertThat(new SlaRun().run(fromDb, policies, null).results())
                .isEqualTo(new SlaRun().run(fromFiles, policies, null).results());
    }

    private static void copy(Connection c, String table, Path csv) throws SQLException {
        List<CsvRow> rows = new java.util.ArrayList<>();
        var columns = CsvFiles.read(csv, List.of(), rows::add);
        String marks = String.join(",", java.util.Collections.nCopies(columns.size(), "?"));
        try (var ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (CsvRow r : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    String v = r.values()[i];
                    ps.setObject(i + 1, v.isEmpty() ? null : v, java.sql.Types.OTHER);
                }
                ps.executeUpdate();
            }
        }
    }

    static boolean postgresUp() {
        try (Connection c = DriverManager.getConnection(PG)) {
            return c.isValid(3);
        } catch (SQLException e) {
            System.err.println("PostgreSQL not reachable at " + PG + ": " + e.getMessage());
            return false;
        }
    }
}
