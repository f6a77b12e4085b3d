package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzzer: thousands of malformed and hostile requests, built by mutating valid bodies, against every route
 * of a real server. None may get a 5xx; every error is problem+json; the server still answers afterwards.
 */
class FuzzTest {
    private static final int REQUESTS = 3000;
    private static final String[] ROUTES = {"POST /v1/score", "POST /v1/score/batch", "POST /v1/outcomes",
        "GET /v1/models", "POST /v1/models/lr-a/activate", "GET /v1/monitoring", "GET /health", "GET /ready",
        "GET /metrics", "GET /openapi.yaml", "GET /reports/lr-a", "POST /v1/events", "GET /v1/tickets/T-1",
        "GET /v1/tickets/T-1/score", "POST /v1/webhooks/jira"};
    private static final String JIRA_UPDATE;

    static {
        try {
            JIRA_UPDATE = java.nio.file.Files.readString(java.nio.file.Path.of(
                    "../datasets/sample/jira-webhook/4-escalated.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String[] SEEDS = {ScoringApiTest.TICKET, "{\"tickets\": [" + ScoringApiTest.TICKET + ", {}]}",
        "{\"ticket_id\": \"T-1\", \"breached\": true, \"resolved_at\": \"2026-03-02T12:00:00Z\"}",
        "{\"tickets\": [" + DeskApiTest.TICKET + "], \"events\": [" + DeskApiTest.FIRST + "]}", JIRA_UPDATE};
    private static final String[] NASTY = {"\\u0000", "\u0000", "\uD800", "\"", "\\", "{", "}", "[", "]", ",", ":",
        "null", "true", "1e999999", "-0", "9".repeat(80), "\"" + "z".repeat(12_000) + "\"", "\u202E", "\r\n", "'",
        "+999999999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "NaN", "[" .repeat(100), "{\"a\":".repeat(40),
        "\"as_of\": \"2100-01-01T00:00:00Z\"", "\"events\": [" + "{\"at\":\"2026-03-02T09:00:00Z\",\"type\":\"note\"},"
            .repeat(50) + "{}]", "%00", "\uFEFF", "../..", "\"id\": \"x\", \"id\": \"y\""};

    @Test
    void noHostileRequestGetsAServerErrorAndTheServerKeepsAnswering() throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261202);
        List<String> failures = new ArrayList<>();
        int closes = 0;
        try (TestApi api = TestApi.start(TestApi.config("lr-a").withKeys(ApiKeys.none(), false)
                .withWebhooks(java.util.Map.of("jira", java.nio.file.Path.of("../datasets/mappings/jira-webhook.yaml"))))) {
            for (int i = 0; i < REQUESTS; i++) {
                String[] route = ROUTES[rnd.nextInt(ROUTES.length)].split(" ");
                String body = mutate(SEEDS[rnd.nextInt(SEEDS.length)], rnd);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + route[1] + query(rnd)))
                        .timeout(Duration.ofSeconds(30));
                String method = rnd.nextInt(10) == 0 ? (route[0].equals("GET") ? "POST" : "GET") : route[0];
                b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes(body, rnd)));
                b.header("Content-Type", rnd.nextInt(8) == 0 ? "text/plain" : "application/json");
                if (rnd.nextInt(6) == 0) {
                    b.header("X-Request-Id", mutate("req-1", rnd).replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\uffff]", "?"));
                }
                HttpResponse<String> r;
                try {
                    r = TestApi.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException closed) {
                    // Jetty may close a connection on a request it cannot parse: no answer, but no server error;
                    // the server must still answer the next request, which the checks below make sure of.
                    closes++;
                    continue;
                }
                int s = r.statusCode();
                boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith(Problems.TYPE);
                if (s >= 500 || s >= 400 && !problem) {
                    failures.add(s + " " + method + " " + route[1] + " <- " + abbreviate(body) + " -> "
                            + abbreviate(r.body()));
                }
            }
            assertThat(api.get("/health").statusCode()).isEqualTo(200);
            assertThat(api.post("/v1/score", ScoringApiTest.TICKET).statusCode()).isEqualTo(200);
        }
        assertThat(failures).as("requests answered 5xx or without problem+json").isEmpty();
        assertThat(closes).as("connections closed without an answer").isLessThan(REQUESTS / 100);
    }

    private static String query(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "?reasons=" + List.of("-1", "3", "21", "x", "99999999999", "").get(rnd.nextInt(6));
            case 1 -> "?explain=" + List.of("path", "shap", "SHAP", "", "%00").get(rnd.nextInt(5));
            case 2 -> "?reasons=2&explain=shap";
            default -> "";
        };
    }

    /** One to four edits: delete, insert a nasty fragment, duplicate a slice, or cut the body short. */
    static String mutate(String seed, SplittableRandom rnd) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = rnd.nextInt(s.length());
            switch (rnd.nextInt(5)) {
                case 0 -> s.deleteCharAt(at);
                case 1, 2 -> s.insert(at, NASTY[rnd.nextInt(NASTY.length)]);
                case 3 -> s.insert(at, s, at, Math.min(s.length(), at + rnd.nextInt(40)));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static byte[] bytes(String body, SplittableRandom rnd) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (rnd.nextInt(12) == 0 && b.length > 0) {
            b[rnd.nextInt(b.length)] = (byte) (0x80 + rnd.nextInt(0x7f)); // not UTF-8
        }
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
