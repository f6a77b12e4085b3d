import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The baseline for desk-store ingestion: DuckDB itself copying the same events.csv into a table with no key and no
 * sequence. Run as a single-file program: java -cp duckdb_jdbc.jar bench/DuckCopy.java DB events.csv
 */
public final class DuckCopy {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0]); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("CREATE TABLE copied AS SELECT * FROM read_csv('" + args[1].replace("'", "''") + "', all_varchar = true)");
            double secs = (System.nanoTime() - t0) / 1e9;
            var rs = s.executeQuery("SELECT count(*) FROM copied");
            rs.next();
            System.out.printf("%,d events copied by DuckDB in %.2f s (%,.0f events/s)%n", rs.getLong(1), secs,
                    rs.getLong(1) / secs);
        }
    }
}
