package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The at-risk queue on real servers running on the desk's clock: a ticket is re-scored at each checkpoint and
 * band change it passes, with the API's score at that instant, and leaves when resolved.
 */
class QueueApiTest {
    /** Gold: 24x7, resolution for high in 8 h, at risk 1 h before due; checkpoints at 0, 2, 4 and 6 h. */
    static final String GOLD = """
            {"id": "Q-1", "created_at": "2026-03-02T00:00:00Z", "priority": "high", "contract": "gold",
             "team": "Network", "system": "Core Router"}""";

    static ServingConfig deskClock(String model) {
        ServingConfig c = TestApi.config(model);
        return c.withQueue(new ServingConfig.QueueSettings("desk", Duration.ofMillis(50), null, c.queue().zone(),
                null, c.queue().snapshotAt(), null));
    }

    static String arrival(String id, String at) {
        return "{\"id\": \"" + id + "\", \"created_at\": \"" + at + "\", \"priority\": \"low\", \"team\": \"Desk\"}";
    }

    /** Waits until the queue has re-scored up to the desk's clock, then reads it. */
    static JsonNode queueAt(TestApi api, String clock, String query) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode q = DeskApiTest.ok(api.get("/v1/queue" + query));
            if (q.get("clock").asText().equals(clock) || System.nanoTime() > until) {
                return q;
            }
            Thread.sleep(20);
        }
    }

    static JsonNode row(JsonNode queue, String id) {
        for (JsonNode r : queue.get("rows")) {
            if (r.get("ticket_id").asText().equals(id)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void aTicketIsRescoredAtEachCheckpointAndBandChangeAndLeavesWhenResolved() throws Exception {
        try (TestApi api = TestApi.start(deskClock("lr-a"))) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(GOLD)));
            JsonNode atCreation = row(queueAt(api, "2026-03-02T00:00:00Z", ""), "Q-1");
            assertThat(atCreation.get("scored_at").asText()).isEqualTo("2026-03-02T00:00:00Z");
            assertThat(atCreation.get("sla_band").asText()).isEqualTo("on_track");
            assertThat(atCreation.get("due_at").asText()).isEqualTo("2026-03-02T08:00:00Z");
            assertThat(atCreation.get("team").asText()).isEqualTo("Network");

            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(arrival("C-1", "2026-03-02T03:00:00Z"))));
            JsonNode checkpoint = row(queueAt(api, "2026-03-02T03:00:00Z", ""), "Q-1");
            assertThat(checkpoint.get("scored_at").asText()).isEqualTo("2026-03-02T02:00:00Z");
            assertThat(checkpoint.get("breach_probability").asDouble()).isEqualTo(
                    apiScore(api, "2026-03-02T02:00:00Z"));

            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(arrival("C-2", "2026-03-02T07:30:00Z"))));
            JsonNode atRisk = row(queueAt(api, "2026-03-02T07:30:00Z", ""), "Q-1");
            assertThat(atRisk.get("scored_at").asText()).isEqualTo("2026-03-02T07:00:00Z");
            assertThat(atRisk.get("sla_band").asText()).isEqualTo("at_risk");
            assertThat(atRisk.get("breach_probability").asDouble()).isEqualTo(apiScore(api, "2026-03-02T07:00:00Z"));

            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(arrival("C-3", "2026-03-02T09:00:00Z"))));
            JsonNode overdue = row(queueAt(api, "2026-03-02T09:00:00Z", "?band=overdue"), "Q-1");
            assertThat(overdue.get("scored_at").asText()).isEqualTo("2026-03-02T08:00:00Z");
            assertThat(overdue.get("sla_band").asText()).isEqualTo("overdue");

            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events("",
                    "{\"ticket_id\": \"Q-1\", \"at\": \"2026-03-02T09:10:00Z\", \"type\": \"resolved\"}")));
            JsonNode after = queueAt(api, "2026-03-02T09:10:00Z", "");
            assertThat(row(after, "Q-1")).isNull();
            assertThat(after.get("open").asInt()).isEqualTo(3);
        }
    }

    private static double apiScore(TestApi api, String at) throws Exception {
        return DeskApiTest.ok(api.get("/v1/tickets/Q-1/score?as_of=" + at)).get("breach_probability").asDouble();
    }

    @Test
    void rowsComeByExpectedSavingThenProbabilityAndFiltersNarrowThem() throws Exception {
        try (TestApi api = TestApi.start(deskClock("lr-a"))) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(GOLD + "," + arrival("L-1",
                    "2026-03-02T00:30:00Z") + "," + arrival("L-2", "2026-03-02T01:00:00Z"))));
            JsonNode q = queueAt(api, "2026-03-02T01:00:00Z", "");
            assertThat(q.get("open").asInt()).isEqualTo(3);
            double previous = Double.POSITIVE_INFINITY;
            for (JsonNode r : q.get("rows")) {
                assertThat(r.get("expected_saving").asDouble()).isLessThanOrEqualTo(previous);
                previous = r.get("expected_saving").asDouble();
            }
            JsonNode network = DeskApiTest.ok(api.get("/v1/queue?team=Network&priority=high"));
            assertThat(network.get("rows").findValuesAsText("ticket_id")).containsExactly("Q-1");
            assertThat(DeskApiTest.ok(api.get("/v1/queue?limit=1")).get("rows").size()).isEqualTo(1);
            assertThat(DeskApiTest.ok(api.get("/v1/queue?team=Nobody")).get("rows").size()).isZero();
            // Counted after a collection too: a function counter holds what it reads only weakly.
            System.gc();
            String metrics = api.get("/metrics").body();
            assertThat(metrics).contains("slacast_queue_open_tickets 3.0").containsPattern(
                    "slacast_queue_rescored_total [1-9]").contains("slacast_desk_unremembered_total 0.0");
        }
    }

    @Test
    void aWrongParameterIsA400NamingIt() throws Exception {
        try (TestApi api = TestApi.start(deskClock("lr-a"))) {
            for (String[] c : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=x", "limit"},
                    {"band=red", "band"}, {"priority=whenever", "priority"}, {"team=" + "t".repeat(300), "team"}}) {
                var r = api.get("/v1/queue?" + c[0]);
                assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
                assertThat(DeskApiTest.JSON.readTree(r.body()).get("errors").findValuesAsText("field")).as(c[0])
                        .containsExactly(c[1]);
            }
        }
    }

    @Test
    void theWallClockScoresAFreshTicketAtItsCreation() throws Exception {
        try (TestApi api = TestApi.start("lr-a")) {
            String now = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(GOLD.replace("2026-03-02T00:00:00Z", now))));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JsonNode r = null;
            while (r == null && System.nanoTime() < until) {
                r = row(DeskApiTest.ok(api.get("/v1/queue")), "Q-1");
                Thread.sleep(20);
            }
            assertThat(r).isNotNull();
            assertThat(r.get("scored_at").asText()).isEqualTo(now);
            assertThat(r.get("sla_band").asText()).isEqualTo("on_track");
        }
    }
}
