package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slacast.serving.dashboard.DashboardSessions;

/** The dashboard on real servers: the login and its cookie, the pages, escaping, filters and assets. */
class DashboardTest {
    static final String SCORE_KEY = "s3cret-score-key-01";
    static final String HOSTILE = """
            {"id": "X-1", "created_at": "2026-03-02T00:30:00Z", "priority": "low", "team": "<script>alert(1)</script>",
             "system": "\\"><img src=x onerror=alert(2)>"}""";

    static TestApi start() {
        ServingConfig c = QueueApiTest.deskClock("lr-a").withKeys(ApiKeys.parse(SCORE_KEY + ":score,"
                + "s3cret-admin-key-01:admin"), false);
        return TestApi.start(c);
    }

    static HttpResponse<String> form(TestApi api, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return TestApi.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in with the score key; @return the Cookie header's value */
    static String login(TestApi api) throws Exception {
        HttpResponse<String> r = form(api, "/dashboard/login", "key=" + SCORE_KEY);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/dashboard");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(DashboardSessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/dashboard").doesNotContain(SCORE_KEY);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginAndAWrongKeyIsRefused() throws Exception {
        try (TestApi api = start()) {
            HttpResponse<String> page = api.get("/dashboard/trends");
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).hasValue("/dashboard/login");
            HttpResponse<String> wrong = form(api, "/dashboard/login", "key=guess");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("That key is not one of this server&#39;s").contains("<form");
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(api.get("/dashboard/login").body()).contains("name=\"key\"");
        }
    }

    @Test
    void theSessionOpensThePagesButNotTheApiAndEndsAtLogout() throws Exception {
        try (TestApi api = start()) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD), "X-API-Key", SCORE_KEY));
            String cookie = login(api);
            for (String[] p : new String[][] {{"/dashboard", "id=\"queue\""}, {"/dashboard/trends", "id=\"days\""},
                    {"/dashboard/teams", "id=\"systems\""}, {"/dashboard/heatmap", "id=\"heat-arrivals\""},
                    {"/dashboard/model", "id=\"models\""}, {"/dashboard/cockpit", "--cockpit DIR"}}) {
                HttpResponse<String> r = api.get(p[0], "Cookie", cookie);
                assertThat(r.statusCode()).as(p[0]).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
                assertThat(r.body()).as(p[0]).startsWith("<!DOCTYPE html>").contains(p[1])
                        .contains("http-equiv=\"refresh\"").contains("/dashboard/assets/uPlot.iife.min.js");
            }
            assertThat(api.get("/v1/queue", "Cookie", cookie).statusCode()).isEqualTo(401);
            HttpResponse<String> out = form(api, "/dashboard/logout", "", "Cookie", cookie);
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(api.get("/dashboard", "Cookie", cookie).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void theQueueListsTheApisRowsEscapedAndFiltered() throws Exception {
        try (TestApi api = start()) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD + "," + HOSTILE + ","
                    + QueueApiTest.arrival("L-1", "2026-03-02T01:00:00Z")), "X-API-Key", SCORE_KEY));
            String cookie = login(api);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String body = "";
            while (!body.contains("data-ticket=\"L-1\"") && System.nanoTime() < until) {
                Thread.sleep(50);
                body = api.get("/dashboard", "Cookie", cookie).body();
            }
            assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                    .doesNotContain("<img src=x").contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
            var api3 = DeskApiTest.JSON.readTree(api.get("/v1/queue", "X-API-Key", SCORE_KEY).body());
            java.util.List<String> apiOrder = api3.get("rows").findValuesAsText("ticket_id");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-ticket=\"([^\"]+)\"").matcher(body);
            java.util.List<String> pageOrder = new java.util.ArrayList<>();
            while (m.find()) {
                pageOrder.add(m.group(1));
            }
            assertThat(pageOrder).isEqualTo(apiOrder);
            String network = api.get("/dashboard?team=Network", "Cookie", cookie).body();
            assertThat(network).contains("data-ticket=\"Q-1\"").doesNotContain("data-ticket=\"L-1\"");
            HttpResponse<String> bad = api.get("/dashboard?band=red", "Cookie", cookie);
            assertThat(bad.statusCode()).isEqualTo(200);
            assertThat(bad.body()).contains("class=\"error\"").contains("is not a band");
        }
    }

    @Test
    void theCockpitReadsTheLinkedTables(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("root_causes.csv"), """
                ticket_id,assigned_team,engineer,root_cause_category,fix_type,is_repeat_incident
                Q-1,Network,eve,configuration,workaround,false
                L-1,Network,eve,hardware,permanent,true
                """);
        java.nio.file.Files.writeString(dir.resolve("business_impact.csv"), """
                ticket_id,system,failed_transactions,estimated_financial_loss,affected_region,uptime_impact_minutes
                Q-1,Core Router,2,50,EU,4320
                """);
        ServingConfig base = QueueApiTest.deskClock("lr-a").withKeys(ApiKeys.parse(SCORE_KEY + ":score"), false);
        ServingConfig.QueueSettings q = base.queue();
        ServingConfig c = base.withQueue(new ServingConfig.QueueSettings(q.clock(), q.tick(), null, q.zone(), null,
                q.snapshotAt(), dir));
        try (TestApi api = TestApi.start(c)) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD + ","
                    + QueueApiTest.arrival("L-1", "2026-03-02T01:00:00Z")), "X-API-Key", SCORE_KEY));
            String cookie = login(api);
            String body = "";
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!body.contains("<span class=\"n\">2</span> tickets") && System.nanoTime() < until) {
                Thread.sleep(100);
                body = api.get("/dashboard/cockpit", "Cookie", cookie).body();
            }
            assertThat(body).contains("<span class=\"n\">2</span> tickets with a root cause")
                    .contains("<span class=\"n\">50.0%</span> could be automated")
                    .contains("<td>top 1</td><td>Core Router</td><td>90.0%</td><td>4320</td>")
                    .contains("<td>workaround</td><td>1</td>").contains("<td>permanent</td><td>1</td>")
                    .contains("id=\"heat-causes\"").contains("<svg");
        }
    }

    @Test
    void theAssetsComeFromTheJarAndNothingElseDoes() throws Exception {
        try (TestApi api = start()) {
            HttpResponse<String> js = api.get("/dashboard/assets/uPlot.iife.min.js");
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
            assertThat(js.body()).contains("uPlot");
            assertThat(api.get("/dashboard/assets/dashboard.css").statusCode()).isEqualTo(200);
            assertThat(api.get("/dashboard/assets/..%2Fopenapi.yaml").statusCode()).isEqualTo(404);
            assertThat(api.get("/dashboard/assets/secret.txt").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void sessionsAreBoundedAndTheOldestEndsFirst() {
        DashboardSessions s = new DashboardSessions(2, Duration.ofHours(1));
        String a = s.open(ApiRole.SCORE);
        String b = s.open(ApiRole.ADMIN);
        String c = s.open(ApiRole.SCORE);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.role(a)).isNull();
        assertThat(s.role(b)).isEqualTo(ApiRole.ADMIN);
        assertThat(s.role(c)).isEqualTo(ApiRole.SCORE);
        assertThat(new DashboardSessions(2, Duration.ofMillis(1)).role("nope")).isNull();
    }

    @Test
    void theDayBeforeIsSnapshottedOnceTheClockPassesTheHourAndNotAgainAfterARestart(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ServingConfig base = QueueApiTest.deskClock("lr-a").withStore("jdbc:duckdb:" + dir.resolve("desk.duckdb"));
        ServingConfig.QueueSettings q = base.queue();
        ServingConfig c = base.withQueue(new ServingConfig.QueueSettings(q.clock(), q.tick(), null, q.zone(),
                dir.resolve("snaps"), java.time.LocalTime.of(0, 5), null));
        java.nio.file.Path csv = dir.resolve("snaps/snapshot-2026-03-02.csv");
        try (TestApi api = TestApi.start(c)) {
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.GOLD)));
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.arrival("L-1",
                    "2026-03-03T00:01:00Z"))));
            Thread.sleep(1500);
            assertThat(csv).doesNotExist();
            DeskApiTest.ok(api.post("/v1/events", DeskApiTest.events(QueueApiTest.arrival("L-2",
                    "2026-03-03T00:10:00Z"))));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!java.nio.file.Files.exists(dir.resolve("snaps/snapshot-2026-03-02.html"))
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(java.nio.file.Files.readAllLines(csv)).contains("band,overdue,open,1",
                    "day,2026-03-02,opened,1");
        }
        var written = java.nio.file.Files.getLastModifiedTime(csv);
        try (TestApi again = TestApi.start(c)) {
            Thread.sleep(1500);
        }
        assertThat(java.nio.file.Files.getLastModifiedTime(csv)).isEqualTo(written);
    }
}
