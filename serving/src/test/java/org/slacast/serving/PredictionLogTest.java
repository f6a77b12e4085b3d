package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLogTest {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    @TempDir
    Path tmp;

    static PredictionLog.Entry entry(int i) {
        return new PredictionLog.Entry(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i), "req-" + i, "T-" + i,
                "lr-a", 0.25, "medium", List.of("priority", "age_minutes"), new double[] {1, 12.5});
    }

    /** A ticket id with a quote, a comma and a newline: COPY's CSV must carry it unchanged. */
    static PredictionLog.Entry awkward() {
        return new PredictionLog.Entry(Instant.parse("2026-03-02T08:00:00Z"), "req-x", "X \"1\", line\nnext", "lr-a", 0.125,
                "low", List.of("priority", "age_minutes"), new double[] {3, Double.NaN}, "lr-b", 0.75, "high");
    }

    @Test
    void duckDbGetsEveryEntryAndCloseFlushesTheQueue() throws SQLException {
        String url = "jdbc:duckdb:" + tmp.resolve("log.duckdb");
        try (PredictionLog log = new PredictionLog(url, "predictions", 1000)) {
            for (int i = 0; i < 700; i++) {
                log.offer(entry(i));
            }
            log.offer(awkward());
        }
        assertRows(url, "predictions", 701);
        assertStoredExactly(url, "predictions");
    }

    /**
     * The log's DuckDB runs on one thread with a checkpoint every 64 MiB (its defaults cost twice the CPU a row), unless
     * the URL sets either; a connection opened to the same file in this process shares the instance and sees them.
     */
    @Test
    void duckDbRunsTheLogOnOneThreadWithLargerCheckpointsUnlessTheUrlSaysOtherwise() throws Exception {
        assertThat(settings("jdbc:duckdb:" + tmp.resolve("set.duckdb"))).containsExactly("1", "64.0 MiB");
        assertThat(settings("jdbc:duckdb:" + tmp.resolve("own.duckdb") + ";threads=2"))
                .containsExactly("2", "64.0 MiB");
        assertThat(PredictionLog.duckDbSettings("jdbc:duckdb:f.duckdb;external_threads=1"))
                .isEqualTo("SET threads = 1;SET checkpoint_threshold = '64MiB';");
        assertThat(PredictionLog.duckDbSettings("jdbc:duckdb:f.duckdb;CHECKPOINT_THRESHOLD=1GiB"))
                .isEqualTo("SET threads = 1;");
    }

    private static List<String> settings(String url) throws Exception {
        try (PredictionLog log = new PredictionLog(url, "predictions", 10)) {
            log.offer(entry(0));
            while (log.written() == 0) {
                Thread.sleep(5);
            }
            try (Connection c = DriverManager.getConnection(url);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT current_setting('threads'), current_setting('checkpoint_threshold')")) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** Closing used to abort the connection under a running write, deadlocking DuckDB; now it drains first. */
    @Test
    void closingWithABacklogWritesItAllAndReturns() throws SQLException {
        String url = "jdbc:duckdb:" + tmp.resolve("backlog.duckdb");
        PredictionLog log = new PredictionLog(url, "predictions", 50_000);
        for (int i = 0; i < 30_000; i++) {
            log.offer(entry(i));
        }
        log.close();
        assertThat(log.written() + log.dropped()).isEqualTo(30_000);
        assertThat(log.dropped()).isZero();
        assertRows(url, "predictions", 30_000);
    }

    /** A log written by an earlier slacast (features as JSON text) keeps its rows and gains the new columns. */
    @Test
    void anEarlierTableIsMigratedAndKeepsItsRows() throws SQLException {
        String url = "jdbc:duckdb:" + tmp.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE predictions (scored_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "request_id VARCHAR(64) NOT NULL, ticket_id VARCHAR(256) NOT NULL, model_id VARCHAR(256) NOT NULL, "
                    + "probability DOUBLE PRECISION NOT NULL, band VARCHAR(16) NOT NULL, features TEXT)");
            c.createStatement().execute("INSERT INTO predictions VALUES ('2026-01-01T00:00:00Z', 'old', 'T-old', "
                    + "'lr-a', 0.5, 'medium', '{\"priority\":2}')");
        }
        try (PredictionLog log = new PredictionLog(url, "predictions", 100)) {
            log.offer(entry(0));
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT request_id, features, "
                     + "string_split(feature_values, ',')::DOUBLE[] FROM predictions ORDER BY request_id")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("old");
            assertThat(rs.getString(2)).isEqualTo("{\"priority\":2}");
            assertThat(rs.getObject(3)).isNull();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("req-0");
            assertThat(rs.getString(2)).isNull();
            assertThat(rs.getString(3)).as("the documented cast back to numbers").isEqualTo("[1.0, 12.5]");
        }
    }

    @Test
    void onlyDuckDbAndPostgresAreAccepted() {
        assertThatThrownBy(() -> new PredictionLog("jdbc:mariadb://127.0.0.1/test?password=secret", "predictions", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--db jdbc:mariadb://127.0.0.1/test?password=***: the prediction log writes to DuckDB "
                        + "(jdbc:duckdb:FILE) or PostgreSQL (jdbc:postgresql://HOST:PORT/DB?user=U)");
    }

    @Test
    void postgresSharesTheLog() throws SQLException {
        boolean up;
        try (Connection c = DriverManager.getConnection(PG)) {
            up = c.isValid(3);
        } catch (SQLException e) {
            up = false;
        }
        Assumptions.assumeTrue(up, () -> "SKIPPED: no PostgreSQL at " + PG + "; .ci/run starts one");
        String table = "predictions_test_" + ProcessHandle.current().pid();
        try {
            try (PredictionLog log = new PredictionLog(PG, table, 1000)) {
                for (int i = 0; i < 50; i++) {
                    log.offer(entry(i));
                }
                log.offer(awkward());
            }
            assertRows(PG, table, 51);
            assertStoredExactly(PG, table);
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP TABLE IF EXISTS " + table);
                c.createStatement().execute("DROP TABLE IF EXISTS " + table + "_features");
            }
        }
    }

    /**
     * Issue 11: PostgreSQL refuses a NUL, and the writer used to retry that batch forever, blocking the log. Now the
     * batch is split until the bad entry is alone; it is dropped and counted, and every other entry is written.
     */
    @Test
    void oneRowThePostgresRefusesIsDroppedAloneAndTheLogGoesOn() throws SQLException {
        Assumptions.assumeTrue(pgUp(), () -> "SKIPPED: no PostgreSQL at " + PG + "; .ci/run starts one");
        String table = "predictions_poison_" + ProcessHandle.current().pid();
        try {
            try (PredictionLog log = new PredictionLog(PG, table, 5000)) {
                for (int i = 0; i < 3000; i++) {
                    log.offer(i == 1234 ? new PredictionLog.Entry(Instant.parse("2026-03-02T09:00:00Z"), "req-poison",
                            "POISON\u0000X", "lr-a", 0.5, "medium", List.of("priority", "age_minutes"),
                            new double[] {1, 2}) : entry(i));
                }
                long until = System.nanoTime() + 30_000_000_000L;
                while (log.written() + log.rejected() < 3000 && System.nanoTime() < until) {
                    sleep(100);
                }
                assertThat(log.rejected()).isEqualTo(1);
                assertThat(log.written()).isEqualTo(2999);
                assertThat(log.stalled()).isFalse();
                log.offer(entry(5000));
            }
            assertRows(PG, table, 3000);
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP TABLE IF EXISTS " + table);
                c.createStatement().execute("DROP TABLE IF EXISTS " + table + "_features");
            }
        }
    }

    private static boolean pgUp() {
        try (Connection c = DriverManager.getConnection(PG)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDownDatabaseNeverBlocksAndDropsAreCounted() {
        try (PredictionLog log = new PredictionLog("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "predictions", 10)) {
            long t0 = System.nanoTime();
            // More than a batch, so that the bound below means something whatever the writer holds.
            int offered = 5 * PredictionLog.BATCH;
            for (int i = 0; i < offered; i++) {
                log.offer(entry(i));
            }
            assertThat(System.nanoTime() - t0).as("offers never wait").isLessThan(2_000_000_000L);
            // Kept: the 10 queued plus at most one batch the writer holds for retry; the rest dropped and counted.
            assertThat(log.dropped()).isBetween((long) offered - 10 - PredictionLog.BATCH, offered - 10L);
            assertThat(log.dropped() + log.depth()).isLessThanOrEqualTo(offered);
            assertThat(log.written()).isZero();
            assertThat(log.reachable()).isFalse();
        }
    }

    @Test
    void theChallengerIsScoredInShadowLoggedButNeverReturned() throws Exception {
        org.slacast.models.Registry r = new org.slacast.models.Registry(tmp.resolve("registry"));
        r.add(ScoringApiTest.bundle("lr-a", 1));
        r.add(ScoringApiTest.bundle("lr-b", 2));
        ActiveModel models = new ActiveModel(r, org.slacast.core.policy.PolicyFile.load(
                Path.of("../docs/examples/policy.yaml")));
        models.activate("lr-a");
        models.shadow("lr-b");
        String url = "jdbc:duckdb:" + tmp.resolve("shadow.duckdb");
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ScoringApiTest.TICKET);
        ServingConfig cfg = TestApi.config("lr-a");
        try (PredictionLog log = new PredictionLog(url, "predictions", 100);
             LiveDesk desk = new LiveDesk(org.slacast.core.store.DeskStore.open("jdbc:duckdb:"), models.policies(),
                     org.slacast.core.policy.Metric.RESOLUTION, cfg.desk())) {
            var out = new ScoringService(models, cfg, log, desk).score(java.util.List.of(
                    new TicketJson(cfg.limits()).request(body, "")), "req-1");
            assertThat(out).singleElement().satisfies(s -> assertThat(s.bundle().manifest().id()).isEqualTo("lr-a"));
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT model_id, band, shadow_model_id, shadow_probability, shadow_band FROM predictions")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("lr-a");
            assertThat(rs.getString(3)).isEqualTo("lr-b");
            assertThat(rs.getDouble(4)).isBetween(0.0, 1.0);
            assertThat(rs.getString(5)).isIn("low", "medium", "high");
            assertThat(rs.next()).as("one row per score: the shadow shares it").isFalse();
        }
    }

    private static void assertRows(String url, String table, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), min(ticket_id), max(probability) FROM "
                     + table)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(n);
            assertThat(rs.getString(2)).isEqualTo("T-0");
            assertThat(rs.getDouble(3)).isEqualTo(0.25);
        }
    }

    /** The first entry's features and time, {@link #awkward()} unchanged, and the model's feature names once. */
    private static void assertStoredExactly(String url, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT ticket_id, feature_values, "
                     + "scored_at, shadow_model_id, shadow_probability, shadow_band FROM " + table
                     + " WHERE request_id IN ('req-0', 'req-x') ORDER BY request_id")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("T-0");
            assertThat(rs.getString(2)).isEqualTo("1,12.5");
            assertThat(rs.getObject(3, java.time.OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
            assertThat(rs.getObject(4)).isNull();
            assertThat(rs.getObject(5)).isNull();
            assertThat(rs.getObject(6)).isNull();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("X \"1\", line\nnext");
            assertThat(rs.getString(2)).isEqualTo("3,NaN");
            assertThat(rs.getString(4)).isEqualTo("lr-b");
            assertThat(rs.getDouble(5)).isEqualTo(0.75);
            assertThat(rs.getString(6)).isEqualTo("high");
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT model_id, feature_names FROM " + table
                     + "_features")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("lr-a");
            assertThat(rs.getString(2)).isEqualTo("[\"priority\",\"age_minutes\"]");
            assertThat(rs.next()).isFalse();
        }
    }
}
