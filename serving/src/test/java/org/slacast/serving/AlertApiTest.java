package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.serving.alert.Alert;
import org.slacast.serving.alert.AlertDelivery;

/**
 * Early warnings end to end on real servers running on the desk's clock, with a webhook receiver: each rule fires
 * once per ticket at the instant its condition holds, signed and keyed; a restart neither loses nor repeats an
 * alert; a delivery that always fails is dead-lettered.
 */
class AlertApiTest {
    static final String SECRET = "s3cret";

    static Path rules(Path dir, String url, int attempts) throws Exception {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, """
                webhooks:
                  ops: {url: "%s", secret: %s, template: generic}
                delivery: {attempts: %d, first_retry: 100ms, max_retry: 200ms, timeout: 2s}
                rules:
                  - name: network-at-risk
                    when: {band: at_risk}
                    teams: [Network]
                  - name: overdue
                    when: {band: [overdue]}
                """.formatted(url, SECRET, attempts));
        return f;
    }

    static ServingConfig config(Path rules, String store) {
        ServingConfig c = QueueApiTest.deskClock("lr-a");
        return c.withQueue(c.queue().withAlerts(rules)).withStore(store);
    }

    static void advance(TestApi api, String id, String at) throws Exception {
        DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.arrival(id, at))));
        QueueApiTest.queueAt(api, at, "");
    }

    @Test
    void eachRuleFiresOnceAtTheInstantItsConditionHoldsSignedAndKeyed(@TempDir Path dir) throws Exception {
        try (AlertReceiver receiver = new AlertReceiver(n -> 200);
             TestApi api = TestApi.start(config(rules(dir, receiver.url(), 3), "jdbc:duckdb:"))) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD)));
            advance(api, "C-1", "2026-03-02T06:59:00Z");
            assertThat(receiver.received()).isEmpty();
            advance(api, "C-2", "2026-03-02T07:30:00Z");
            List<AlertReceiver.Received> atRisk = receiver.awaitTaken(1);
            assertThat(atRisk).hasSize(1);
            JsonNode payload = DeskApiTest.JSON.readTree(atRisk.getFirst().body());
            assertThat(payload.get("rule").asText()).isEqualTo("network-at-risk");
            assertThat(payload.at("/ticket/id").asText()).isEqualTo("Q-1");
            assertThat(payload.get("condition_at").asText()).isEqualTo("2026-03-02T07:00:00Z");
            assertThat(payload.at("/score/sla_band").asText()).isEqualTo("at_risk");
            assertThat(atRisk.getFirst().idempotency()).isEqualTo(Alert.id("Q-1", "network-at-risk"));
            String sig = atRisk.getFirst().signature();
            long t = Long.parseLong(sig.substring(2, sig.indexOf(',')));
            assertThat(sig).isEqualTo(AlertDelivery.signature(SECRET, t, atRisk.getFirst().body()));

            advance(api, "C-3", "2026-03-02T09:00:00Z");
            advance(api, "C-4", "2026-03-02T10:00:00Z");
            List<AlertReceiver.Received> all = receiver.awaitTaken(2);
            Thread.sleep(300);
            assertThat(receiver.received()).hasSize(2);
            JsonNode overdue = DeskApiTest.JSON.readTree(all.get(1).body());
            assertThat(overdue.get("rule").asText()).isEqualTo("overdue");
            assertThat(overdue.get("condition_at").asText()).isEqualTo("2026-03-02T08:00:00Z");
            String metrics = api.get("/metrics").body();
            assertThat(metrics).contains("slacast_alerts_fired_total{rule=\"overdue\"} 1.0")
                    .contains("slacast_alerts_fired_total{rule=\"network-at-risk\"} 1.0")
                    .contains("slacast_alert_deliveries_total{outcome=\"delivered\",webhook=\"ops\"} 2.0");
        }
    }

    @Test
    void aRestartNeitherLosesNorRepeatsAnAlert(@TempDir Path dir) throws Exception {
        String store = "jdbc:duckdb:" + dir.resolve("desk.duckdb");
        // The receiver refuses everything until the first server has stopped: its alert is pending then.
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean();
        try (AlertReceiver receiver = new AlertReceiver(n -> open.get() ? 200 : 503)) {
            Path rules = rules(dir, receiver.url(), 100);
            try (TestApi first = TestApi.start(config(rules, store))) {
                DeskApiTest.ok(first.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD)));
                advance(first, "C-1", "2026-03-02T07:30:00Z");
                assertThat(receiver.awaitReceived(2)).allMatch(r -> r.status() == 503);
            }
            open.set(true);
            try (TestApi second = TestApi.start(config(rules, store))) {
                QueueApiTest.queueAt(second, "2026-03-02T07:30:00Z", "");
                assertThat(receiver.awaitTaken(1)).hasSize(1);
                advance(second, "C-2", "2026-03-02T09:00:00Z");
                receiver.awaitTaken(2);
            }
            try (TestApi third = TestApi.start(config(rules, store))) {
                QueueApiTest.queueAt(third, "2026-03-02T09:00:00Z", "");
                Thread.sleep(500);
            }
            List<String> keys = receiver.taken().stream().map(AlertReceiver.Received::idempotency).toList();
            assertThat(keys).containsExactly(Alert.id("Q-1", "network-at-risk"), Alert.id("Q-1", "overdue"));
        }
    }

    @Test
    void aDeliveryThatFailsEveryAttemptIsDeadLetteredAndCounted(@TempDir Path dir) throws Exception {
        try (AlertReceiver receiver = new AlertReceiver(n -> 500);
             TestApi api = TestApi.start(config(rules(dir, receiver.url(), 2), "jdbc:duckdb:"))) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD)));
            advance(api, "C-1", "2026-03-02T07:30:00Z");
            assertThat(receiver.awaitReceived(2)).hasSize(2);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String metrics = "";
            while (!metrics.contains("slacast_alert_dead_letters 1.0") && System.nanoTime() < until) {
                Thread.sleep(50);
                metrics = api.get("/metrics").body();
            }
            assertThat(metrics).contains("slacast_alert_dead_letters 1.0")
                    .contains("slacast_alert_deliveries_total{outcome=\"retried\",webhook=\"ops\"} 1.0")
                    .contains("slacast_alert_deliveries_total{outcome=\"dead\",webhook=\"ops\"} 1.0")
                    .contains("slacast_alert_pending_deliveries 0.0");
            Thread.sleep(300);
            assertThat(receiver.received()).hasSize(2);
        }
    }

    private static JsonNode queueOnceAllArrived(TestApi api, int open) throws Exception {
        JsonNode q = QueueApiTest.queueAt(api, "2026-03-02T09:00:00Z", "");
        for (long until = System.nanoTime() + 10_000_000_000L; q.get("open").asInt() < open
                && System.nanoTime() < until; ) {
            Thread.sleep(50);
            q = QueueApiTest.queueAt(api, "2026-03-02T09:00:00Z", "");
        }
        return q;
    }

    @Test
    void replicasOnOneStoreListTheSameQueueAndSendEachAlertOnce(@TempDir Path dir) throws Exception {
        String pg = PredictionLogTest.PG;
        org.junit.jupiter.api.Assumptions.assumeTrue(pgUp(pg), () -> "SKIPPED: no PostgreSQL at " + pg
                + "; .ci/run starts one");
        String schema = "queue_replicas_" + ProcessHandle.current().pid();
        try (var c = java.sql.DriverManager.getConnection(pg)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String store = pg + "&currentSchema=" + schema;
        try (AlertReceiver receiver = new AlertReceiver(n -> 200)) {
            Path rules = rules(dir, receiver.url(), 3);
            ServingConfig.DeskLimits fast = new ServingConfig.DeskLimits(Duration.ofDays(30), 200_000,
                    Duration.ofMillis(100), 10_000);
            try (TestApi a = TestApi.start(config(rules, store).withDesk(fast));
                 TestApi b = TestApi.start(config(rules, store).withDesk(fast))) {
                DeskApiTest.ok(a.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD + ","
                        + QueueApiTest.arrival("L-1", "2026-03-02T01:00:00Z"))));
                DeskApiTest.ok(b.post("/v1/events", DeskApiTest.events(QueueApiTest.arrival("L-2",
                        "2026-03-02T09:00:00Z"))));
                // Each replica reads the other's writes on its next poll of the store (every 100 ms here).
                JsonNode fromA = queueOnceAllArrived(a, 3);
                JsonNode fromB = queueOnceAllArrived(b, 3);
                assertThat(fromA.get("open").asInt()).isEqualTo(3);
                assertThat(fromB.get("rows")).isEqualTo(fromA.get("rows"));
                receiver.awaitTaken(2);
                Thread.sleep(500);
            }
            List<String> keys = receiver.taken().stream().map(AlertReceiver.Received::idempotency).sorted().toList();
            assertThat(keys).containsExactlyElementsOf(java.util.stream.Stream.of(Alert.id("Q-1", "network-at-risk"),
                    Alert.id("Q-1", "overdue")).sorted().toList());
        } finally {
            try (var c = java.sql.DriverManager.getConnection(pg)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static boolean pgUp(String url) {
        try (var c = java.sql.DriverManager.getConnection(url)) {
            return c.isValid(3);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
