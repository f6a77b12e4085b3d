package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLogTest {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    @TempDir
    Path tmp;

    static PredictionLog.Entry entry(int i) {
        return new PredictionLog.Entry(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i), "req-" + i, "T-" + i,
                "lr-a", 0.25, "medium", "{\"priority\":1.0}");
    }

    @Test
    void duckDbGetsEveryEntryAndCloseFlushesTheQueue() throws SQLException {
        String url = "jdbc:duckdb:" + tmp.resolve("log.duckdb");
        try (PredictionLog log = new PredictionLog(url, "predictions", 1000)) {
            for (int i = 0; i < 700; i++) {
                log.offer(entry(i));
            }
        }
        assertRows(url, "predictions", 700);
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
            }
            assertRows(PG, table, 50);
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void aDownDatabaseNeverBlocksAndDropsAreCounted() {
        try (PredictionLog log = new PredictionLog("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "predictions", 10)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                log.offer(entry(i));
            }
            assertThat(System.nanoTime() - t0).as("offers never wait").isLessThan(2_000_000_000L);
            // Kept: the 10 queued plus at most one batch the writer holds for retry; the rest dropped and counted.
            assertThat(log.dropped()).isBetween(1000L - 10 - 500, 990L);
            assertThat(log.dropped() + log.depth()).isLessThanOrEqualTo(1000);
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
        try (PredictionLog log = new PredictionLog(url, "predictions", 100)) {
            var out = new ScoringService(models, 3, log).score(java.util.List.of(TicketJson.request(body, "")));
            assertThat(out).singleElement().satisfies(s -> assertThat(s.get("model").toString()).contains("lr-a"));
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT model_id, band FROM predictions ORDER BY model_id")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("lr-a");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("lr-b");
            assertThat(rs.getString(2)).endsWith("(shadow)");
            assertThat(rs.next()).isFalse();
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
}
