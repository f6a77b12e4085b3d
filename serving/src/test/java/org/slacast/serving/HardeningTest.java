package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Regression tests for the hostile and careless requests of issue 11, each on a server of its own. */
class HardeningTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TICKET = ScoringApiTest.TICKET;
    TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start("lr-a");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(p.at("/errors/0/field").asText()).isEqualTo(field);
        }
    }

    @Test
    void aNulInAnyStringIsA400NamingTheField() throws Exception {
        assertProblem(api.post("/v1/score", TICKET.replace("\"T-1\"", "\"POISON\\u0000X\"")), 400, "ticket.id");
        assertProblem(api.post("/v1/score", TICKET.replace("\"Access\"", "\"Acc\\u0000ess\"")), 400, "ticket.category");
    }

    @Test
    void stringsPastTheirBoundAreA400() throws Exception {
        assertProblem(api.post("/v1/score", TICKET.replace("\"T-1\"", "\"" + "x".repeat(300) + "\"")), 400,
                "ticket.id");
        assertProblem(api.post("/v1/score", TICKET.replace("\"Access\"", "\"" + "y".repeat(10_001) + "\"")), 400,
                "ticket.category");
    }

    @Test
    void timestampsOutsideTheRangeAreA400AndABatchKeepsItsGoodItems() throws Exception {
        String far = "+999999999-12-31T23:59:59Z";
        assertProblem(api.post("/v1/score", TICKET.replace("2026-03-02T08:30:00Z", far)), 400, "ticket.created_at");
        assertProblem(api.post("/v1/score", TICKET.replace("2026-03-02T10:00:00Z", far)), 400, "as_of");
        assertProblem(api.post("/v1/score", TICKET.replace("2026-03-02T08:40:00Z", far)), 400, "events[0].at");
        assertProblem(api.post("/v1/score", TICKET.replace("2026-03-02T08:30:00Z", "0001-01-01T00:00:00Z")), 400,
                "ticket.created_at");
        assertProblem(api.post("/v1/outcomes", "{\"ticket_id\": \"T\", \"breached\": true, \"resolved_at\": \"" + far
                + "\"}"), 400, "resolved_at");
        HttpResponse<String> batch = api.post("/v1/score/batch", "{\"tickets\": [" + TICKET + ","
                + TICKET.replace("2026-03-02T10:00:00Z", far) + "]}");
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode r = JSON.readTree(batch.body());
        assertThat(r.at("/results/0/ticket_id").asText()).isEqualTo("T-1");
        assertThat(r.at("/results/1/error/errors/0/field").asText()).isEqualTo("tickets[1].as_of");
        assertThat(api.get("/metrics").body()).contains("slacast_tickets_scored_total 1.0");
    }

    @Test
    void aTicketOpenForTwoCenturiesIsScoredQuickly() throws Exception {
        String old = TICKET.replace("2026-03-02T08:30:00Z", "1970-01-01T00:00:00Z")
                .replace("2026-03-02T08:40:00Z", "1970-01-01T00:10:00Z").replace("2026-03-02T10:00:00Z",
                        "2199-12-31T00:00:00Z");
        HttpResponse<String> r = api.post("/v1/score", old);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void oneClientsFarAsOfDoesNotChangeTheNextTicketsHistory() throws Exception {
        for (int i = 0; i < 5; i++) {
            api.post("/v1/score", TICKET.replace("\"T-1\"", "\"H-" + i + "\""));
        }
        double before = JSON.readTree(api.post("/v1/score", TICKET.replace("\"T-1\"", "\"N-1\"")).body())
                .get("breach_probability").asDouble();
        api.post("/v1/score", TICKET.replace("\"T-1\"", "\"F-1\"").replace("2026-03-02T10:00:00Z",
                "2100-01-01T00:00:00Z"));
        api.post("/v1/score", TICKET.replace("\"T-1\"", "\"F-2\"").replace("2026-03-02T08:30:00Z",
                "2100-01-01T00:00:00Z").replace("2026-03-02T08:40:00Z", "2100-01-01T00:10:00Z")
                .replace("2026-03-02T10:00:00Z", "2100-01-01T01:00:00Z"));
        double after = JSON.readTree(api.post("/v1/score", TICKET.replace("\"T-1\"", "\"N-1\"")).body())
                .get("breach_probability").asDouble();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void malformedAndOversizedJsonIsA400WithNoServerError() throws Exception {
        assertProblem(api.post("/v1/score", "[".repeat(2000) + "]".repeat(2000)), 400, null);
        assertProblem(api.post("/v1/score", "{\"ticket\": " + "1".repeat(2000) + "}"), 400, null);
        assertProblem(api.post("/v1/score", "{\"" + "k".repeat(50_001) + "\": 1}"), 400, null);
        assertProblem(api.post("/v1/score", TICKET + " trailing"), 400, null);
        assertProblem(api.post("/v1/score", TICKET.replace("{\"ticket\": {\"id\": \"T-1\",",
                "{\"ticket\": {\"id\": \"T-1\", \"id\": \"T-2\",")), 400, null);
        assertThat(JSON.readTree(api.post("/v1/score", TICKET + " ").body()).get("ticket_id").asText())
                .isEqualTo("T-1");
    }

    /** The body's bound holds with a Content-Length and without one (chunked), and a body at the bound is read. */
    @Test
    void aBodyPastMaxBodyIsA413NamingTheSettingWithOrWithoutALength() throws Exception {
        ServingConfig.Limits d = ServingConfig.Limits.defaults();
        int max = TICKET.length() + 10;
        try (TestApi small = TestApi.start(TestApi.config("lr-a").withLimits(new ServingConfig.Limits(max,
                d.maxBatch(), d.maxEvents(), d.maxTextChars(), d.earliest(), d.latest(), d.deadline(),
                d.maxLogQueue())))) {
            String over = TICKET + " ".repeat(11);
            String at = TICKET + " ".repeat(10);
            for (boolean chunked : new boolean[] {false, true}) {
                HttpResponse<String> r = send(small, over, chunked);
                assertProblem(r, 413, "(body)");
                assertThat(JSON.readTree(r.body()).get("detail").asText())
                        .isEqualTo("the request body is over " + max + " bytes (setting: --max-body)");
                assertThat(send(small, at, chunked).statusCode()).isEqualTo(200);
            }
        }
    }

    /**
     * A body past the bound is read to its end before the 413, so a client still sending sees the answer instead of a
     * reset, and the connection serves the next request. Refused unread, the second half met a closed connection.
     */
    @Test
    void aBodyPastTheBoundIsReadToItsEndAndTheConnectionGoesOn() throws Exception {
        ServingConfig.Limits d = ServingConfig.Limits.defaults();
        int max = 1000;
        try (TestApi small = TestApi.start(TestApi.config("lr-a").withLimits(new ServingConfig.Limits(max,
                d.maxBatch(), d.maxEvents(), d.maxTextChars(), d.earliest(), d.latest(), d.deadline(),
                d.maxLogQueue())))) {
            String next = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            String half = " ".repeat(max);
            String withLength = raw(small, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 2 * max + "\r\n\r\n" + half, half + next);
            String chunked = raw(small, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(max) + "\r\n" + half + "\r\n",
                    Integer.toHexString(max) + "\r\n" + half + "\r\n0\r\n\r\n" + next);
            for (String answer : List.of(withLength, chunked)) {
                assertThat(answer).startsWith("HTTP/1.1 413 ").contains("(setting: --max-body)")
                        .contains("HTTP/1.1 200 ").endsWith("{\"status\":\"up\"}");
            }
        }
    }

    /** Headers past Jetty's smaller header cache are still read: the cache only saves their strings. */
    @Test
    void manyHeadersPastTheHeaderCacheAreStillRead() throws Exception {
        String[] headers = new String[2 * 60];
        for (int i = 0; i < 60; i++) {
            headers[2 * i] = "X-Custom-Header-Number-" + i;
            headers[2 * i + 1] = "value-" + "v".repeat(i);
        }
        for (int round = 0; round < 3; round++) {
            HttpResponse<String> r = api.post("/v1/score", TICKET, headers);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("ticket_id").asText()).isEqualTo("T-1");
        }
    }

    /** No Java array holds 3 GB: a --max-body past 2 GiB still answers such a declared length with a 413. */
    @Test
    void aDeclaredLengthPastWhatAnArrayHoldsIsA413EvenUnderALargerSetting() throws Exception {
        ServingConfig.Limits d = ServingConfig.Limits.defaults();
        try (TestApi large = TestApi.start(TestApi.config("lr-a").withLimits(new ServingConfig.Limits(4L << 30,
                d.maxBatch(), d.maxEvents(), d.maxTextChars(), d.earliest(), d.latest(), d.deadline(),
                d.maxLogQueue())))) {
            String answer = raw(large, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 3000000000\r\nConnection: close\r\n\r\n{\"ticket\"");
            assertThat(answer).startsWith("HTTP/1.1 413 ")
                    .contains("the request body is over 2147483638 bytes (setting: --max-body)");
        }
    }

    private static HttpResponse<String> send(TestApi to, String body, boolean chunked) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return TestApi.HTTP.send(HttpRequest.newBuilder(URI.create(to.base + "/v1/score"))
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theContentTypeMustBeJson() throws Exception {
        HttpResponse<String> form = TestApi.HTTP.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/score"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(TICKET)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(form, 415, null);
        HttpResponse<String> none = TestApi.HTTP.send(HttpRequest.newBuilder(URI.create(api.base
                + "/v1/models/lr-b/activate")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(200); // activate reads no body
        assertThat(api.post("/v1/score", TICKET, "Content-Type", "application/json; charset=utf-8").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aWrongMethodIsA405WithAllow() throws Exception {
        HttpResponse<String> r = TestApi.HTTP.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/score")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 405, null);
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
        assertProblem(api.get("/nope"), 404, null);
    }

    @Test
    void unknownMethodsAndPathsAddNoMetricSeries() throws Exception {
        int before = api.get("/metrics").body().length();
        for (int i = 0; i < 50; i++) {
            raw("M" + "ABCDEFGHIJ".charAt(i % 10) + i + " /nope-" + i + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        }
        String after = api.get("/metrics").body();
        assertThat(after).doesNotContain("/nope-").doesNotContain("MA0");
        assertThat(after.length() - before).isLessThan(20_000);
    }

    @Test
    void anUnknownMethodIsA501ProblemBeforeJavalinSeesIt() throws Exception {
        // Javalin would keep BREW and ZZZZ for good and answer them 404 or 405, and MA0 with an empty 500.
        for (String method : List.of("MA0", "BREW", "ZZZZ")) {
            String answer = raw(method + " /v1/score HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 501").contains("application/problem+json")
                    .contains("\"status\":501").contains("unknown request method");
        }
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void jettysOwnRefusalsAreProblemJsonToo() throws Exception {
        String badUri = raw("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(badUri).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400");
        String bigHeader = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(bigHeader).startsWith("HTTP/1.1 431").contains("application/problem+json");
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void pathTraversalFindsNothing() throws Exception {
        assertProblem(api.get("/reports/.."), 404, null);
        assertProblem(api.get("/reports/..%2F..%2Fetc"), 404, null);
        HttpResponse<String> up = api.post("/v1/models/../activate", "");
        assertThat(up.statusCode()).isIn(400, 404);
        assertThat(up.body()).doesNotContain(TestApi.registry().toString());
        HttpResponse<String> broken = api.post("/v1/models/broken/activate", "");
        assertProblem(broken, 422, null);
        assertThat(broken.body()).doesNotContain(TestApi.registry().toString());
    }

    @Test
    void anActiveChallengerIsNotScoredInShadowAgainstItself() throws Exception {
        // With a log and the challenger as shadow, activating the challenger leaves no self-comparison.
        java.nio.file.Path db = java.nio.file.Files.createTempDirectory("slacast-shadow").resolve("log.duckdb");
        try (TestApi logged = TestApi.start(TestApi.config("lr-a").withModels("lr-a", "lr-b", true)
                .withLog("jdbc:duckdb:" + db))) {
            logged.post("/v1/models/lr-b/activate", "");
            logged.post("/v1/score", TICKET);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM predictions WHERE model_id = "
                     + "shadow_model_id")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    /** Sends raw bytes, for what an HTTP client library would refuse to send. */
    private String raw(String request) throws Exception {
        return raw(api, request);
    }

    /** Sends the parts a quarter of a second apart, as a client still sending would, and reads the whole answer. */
    private static String raw(TestApi to, String... parts) throws Exception {
        try (Socket s = new Socket("127.0.0.1", to.api.port())) {
            OutputStream o = s.getOutputStream();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    Thread.sleep(250);
                }
                o.write(parts[i].getBytes(StandardCharsets.ISO_8859_1));
                o.flush();
            }
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
