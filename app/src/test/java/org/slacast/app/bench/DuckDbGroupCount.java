package org.slacast.app.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline for {@code bench/sla.sh}: DuckDB (over JDBC, both cores) reads the same native files as
 * {@code slacast sla} and groups the events by ticket, counting them. It parses and groups what the clock parses
 * and groups, and computes nothing else, so the clock's time over this one is the price of checking every row,
 * replaying every ticket and writing the readings.
 */
public final class DuckDbGroupCount {
    private DuckDbGroupCount() {
    }

    /**
     * @param args the native data directory (tickets.csv, events.csv)
     * @throws SQLException if DuckDB cannot read the files
     */
    public static void main(String[] args) throws SQLException {
        Path dir = Path.of(args[0]).toAbsolutePath();
        String tickets = csv(dir.resolve("tickets.csv"));
        String events = csv(dir.resolve("events.csv"));
        String sql = "SELECT (SELECT count(*) FROM " + tickets + ") AS tickets, count(*) AS grouped, sum(n) AS events "
                + "FROM (SELECT ticket_id, count(*) AS n FROM " + events + " GROUP BY ticket_id)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            System.out.printf("duckdb: %d tickets, %d tickets with events, %d events%n", rs.getLong(1),
                    rs.getLong(2), rs.getLong(3));
        }
    }

    private static String csv(Path file) {
        return "read_csv('" + file.toString().replace("'", "''") + "', header = true, all_varchar = true)";
    }
}
