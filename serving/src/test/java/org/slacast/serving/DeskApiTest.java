package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Live ingestion on real servers, each with a desk store of its own in memory: duplicates, out-of-order events,
 * items refused one by one, stored tickets, the open queue's horizon, and the Jira webhook.
 */
class DeskApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TICKET = """
            {"id": "A-1", "created_at": "2026-03-02T08:30:00Z", "priority": "high", "category": "Access",
             "system": "Internet Banking"}""";
    static final String FIRST = "{\"ticket_id\": \"A-1\", \"at\": \"2026-03-02T08:40:00Z\", \"type\": \"first_response\"}";
    static final String RESOLVED = "{\"ticket_id\": \"A-1\", \"at\": \"2026-03-02T11:00:00Z\", \"type\": \"resolved\"}";

    static String events(String tickets, String... events) {
        return "{\"tickets\": [" + tickets + "], \"events\": [" + String.join(",", events) + "]}";
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void anEventSentTwiceIsStoredOnceAndTheCountsSaySo() throws Exception {
        try (TestApi api = TestApi.start("lr-a")) {
            JsonNode first = ok(api.post("/v1/events", events(TICKET, FIRST, RESOLVED)));
            assertThat(first.toString()).isEqualTo("{\"stored\":{\"tickets\":1,\"events\":2},\"duplicates\":0,"
                    + "\"rejected\":0,\"errors\":[]}");
            JsonNode again = ok(api.post("/v1/events", events("", FIRST, RESOLVED)));
            assertThat(again.toString()).isEqualTo("{\"stored\":{\"tickets\":0,\"events\":0},\"duplicates\":2,"
                    + "\"rejected\":0,\"errors\":[]}");
            JsonNode stored = ok(api.get("/v1/tickets/A-1"));
            assertThat(stored.at("/ticket/ticket_id").asText()).isEqualTo("A-1");
            assertThat(stored.get("events").findValuesAsText("type")).containsExactly("first_response", "resolved");
            assertThat(stored.at("/sla/metrics/0/band").asText()).isEqualTo("completed_on_time");
        }
    }

    @Test
    void eventsOutOfOrderGiveTheDeskAndScoresThatEventsInOrderGive() throws Exception {
        String asOf = "/v1/tickets/A-1/score?as_of=2026-03-02T09:00:00Z";
        double inOrder;
        try (TestApi api = TestApi.start("lr-a")) {
            ok(api.post("/v1/events", events(TICKET, FIRST)));
            ok(api.post("/v1/events", events("", RESOLVED)));
            inOrder = ok(api.get(asOf)).get("breach_probability").asDouble();
        }
        try (TestApi api = TestApi.start("lr-a")) {
            ok(api.post("/v1/events", events(TICKET, RESOLVED)));
            ok(api.post("/v1/events", events("", FIRST)));
            assertThat(ok(api.get("/v1/tickets/A-1")).get("events").findValuesAsText("type"))
                    .containsExactly("first_response", "resolved");
            assertThat(ok(api.get(asOf)).get("breach_probability").asDouble()).isEqualTo(inOrder);
        }
    }

    @Test
    void aBadItemGetsItsOwnProblemAndTheOthersAreStored() throws Exception {
        try (TestApi api = TestApi.start("lr-a")) {
            JsonNode r = ok(api.post("/v1/events", events(TICKET + ", {\"id\": \"B-1\"}",
                    FIRST.replace("first_response", "exploded"), RESOLVED,
                    "{\"ticket_id\": \"NOPE\", \"at\": \"2026-03-02T09:00:00Z\", \"type\": \"resolved\"}")));
            assertThat(r.at("/stored/tickets").asInt()).isEqualTo(1);
            assertThat(r.at("/stored/events").asInt()).isEqualTo(1);
            assertThat(r.get("rejected").asInt()).isEqualTo(3);
            assertThat(r.get("errors").findValuesAsText("field")).containsExactly("tickets[1].created_at",
                    "events[0].type", "events[2].ticket_id");
            assertThat(r.get("errors").findValuesAsText("status")).containsOnly("400");
            HttpResponse<String> missing = api.get("/v1/tickets/NOPE/score");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).get("detail").asText())
                    .isEqualTo("no ticket 'NOPE' in the desk store; POST it to /v1/events first");
            assertThat(ok(api.post("/v1/events", "{\"events\": [1, 2]}")).get("rejected").asInt()).isEqualTo(2);
            for (String bad : List.of("[]", "{\"tickets\": 3}", "nope", "{\"events\": [" + FIRST + "]}x")) {
                HttpResponse<String> p = api.post("/v1/events", bad);
                assertThat(p.statusCode()).as(bad).isBetween(400, 499);
                assertThat(p.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
    }

    @Test
    void aTicketWithNoNewsForTheHorizonLeavesTheOpenQueueAndIsCounted() throws Exception {
        ServingConfig c = TestApi.config("lr-a").withDesk(new ServingConfig.DeskLimits(Duration.ofHours(2), 1000,
                Duration.ofSeconds(1), 100));
        try (TestApi api = TestApi.start(c)) {
            ok(api.post("/v1/events", events(TICKET)));
            assertThat(metric(api, "slacast_desk_open_tickets")).isEqualTo(1.0);
            // Three hours on, another ticket arrives: A-1 has had no event for longer than the horizon.
            ok(api.post("/v1/events", events(TICKET.replace("A-1", "A-2").replace("08:30", "11:31"))));
            assertThat(metric(api, "slacast_desk_open_tickets")).isEqualTo(1.0);
            assertThat(metric(api, "slacast_desk_expired_tickets_total")).isEqualTo(1.0);
        }
    }

    @Test
    void aScoredTicketIsInTheDeskAtOnceAndInTheStoreAfterAStop(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        ServingConfig c = TestApi.config("lr-a").withStore("jdbc:duckdb:" + dir.resolve("desk.duckdb"));
        try (TestApi api = TestApi.start(c)) {
            assertThat(api.post("/v1/score", ScoringApiTest.TICKET).statusCode()).isEqualTo(200);
            assertThat(ok(api.get("/v1/tickets/T-1")).get("events").findValuesAsText("type"))
                    .containsExactly("first_response");
        }
        // The stop wrote what was queued: a new server reads it from the store.
        try (TestApi api = TestApi.start(c)) {
            assertThat(ok(api.get("/v1/tickets/T-1")).at("/ticket/priority").asText()).isEqualTo("high");
            assertThat(metric(api, "slacast_desk_pending_writes")).isZero();
            assertThat(metric(api, "slacast_desk_unremembered_total")).isZero();
        }
    }

    static double metric(TestApi api, String name) throws Exception {
        for (String line : api.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " in /metrics");
    }

    @Test
    void jiraDeliveriesBecomeTheTicketAndItsEventsOnceEach() throws Exception {
        Path samples = Path.of("../datasets/sample/jira-webhook");
        ServingConfig c = TestApi.config("lr-a").withWebhooks(Map.of("jira",
                Path.of("../datasets/mappings/jira-webhook.yaml")));
        try (TestApi api = TestApi.start(c)) {
            for (String f : List.of("1-created.json", "2-assigned.json", "3-comment.json", "4-escalated.json",
                    "5-resolved.json")) {
                JsonNode r = ok(api.post("/v1/webhooks/jira", Files.readString(samples.resolve(f))));
                assertThat(r.get("ticket_id").asText()).isEqualTo("SD-42");
                assertThat(r.get("duplicates").asInt()).isZero();
            }
            JsonNode stored = ok(api.get("/v1/tickets/SD-42"));
            assertThat(stored.get("events").findValuesAsText("type")).containsExactly("created", "assigned",
                    "status_change", "first_response", "priority_change", "reassigned", "status_change", "resolved");
            // The ticket keeps what it had at creation; the change is in its events.
            assertThat(stored.at("/ticket/priority").asText()).isEqualTo("high");
            assertThat(stored.at("/ticket/team").asText()).isEqualTo("Service Desk L1");
            JsonNode again = ok(api.post("/v1/webhooks/jira", Files.readString(samples.resolve("2-assigned.json"))));
            assertThat(again.get("duplicates").asInt()).isEqualTo(2);
            JsonNode ignored = ok(api.post("/v1/webhooks/jira", Files.readString(samples.resolve("3-comment.json"))
                    .replace("comment_created", "worklog_updated")));
            assertThat(ignored.get("ignored").asBoolean()).isTrue();
            HttpResponse<String> bad = api.post("/v1/webhooks/jira", Files.readString(samples.resolve("1-created.json"))
                    .replace("2026-03-02T09:00:00.000+0000", "soon"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).at("/errors/0/field").asText()).isEqualTo("issue.fields.created");
            HttpResponse<String> unknown = api.post("/v1/webhooks/zendesk", "{}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(unknown.body()).get("detail").asText()).isEqualTo("no webhook 'zendesk'; "
                    + "configured: [jira] ('slacast serve --webhook NAME=MAPPING.yaml' adds one)");
        }
    }
}
