package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end: generate, train, report and serve on a free port, then run the curl it prints. */
class DemoCommandTest {
    private static final Pattern CURL = Pattern.compile("curl -s -X POST (\\S+) -H 'Content-Type: application/json'"
            + "\\s*\\\\\\s*-d '(\\{.*\\})'", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void theDemoServesTheChampionAndItsPrintedCurlReturnsAScore() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread demo = Thread.ofPlatform().start(() -> code[0] = Slacast.run(new PrintWriter(out, true),
                new PrintWriter(err, true), "demo", tmp.resolve("demo").toString(), "--tickets", "1500", "--port", "0", "--live", "0s"));
        long until = System.nanoTime() + 240_000_000_000L;
        while (!out.toString().contains("Ctrl-C stops the server") && demo.isAlive() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        String printed = out.toString();
        assertThat(printed).as(err.toString()).contains("Ctrl-C stops the server");
        Matcher curl = CURL.matcher(printed);
        assertThat(curl.find()).as(printed).isTrue();
        Matcher serving = Pattern.compile("slacast serving (\\S+) on (http://127\\.0\\.0\\.1:\\d+)").matcher(printed);
        assertThat(serving.find()).isTrue();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(curl.group(1)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(curl.group(2))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode score = new ObjectMapper().readTree(r.body());
            assertThat(score.get("ticket_id").asText()).isEqualTo("INC-1");
            assertThat(score.get("breach_probability").asDouble()).isBetween(0.0, 1.0);
            assertThat(score.at("/model/id").asText()).isEqualTo(serving.group(1));
            assertThat(score.get("reasons")).hasSize(3);
            HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serving.group(2) + "/reports/" + serving.group(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).startsWith("<!DOCTYPE html>");
        } finally {
            demo.interrupt();
            demo.join(30_000);
        }
        assertThat(demo.isAlive()).isFalse();
        assertThat(code[0]).isZero();
        assertThat(tmp.resolve("demo/data/tickets.csv")).exists();
        assertThat(Files.exists(tmp.resolve("demo/predictions.duckdb"))).isTrue();
    }

    @Test
    void theLiveDemoReplaysTheHeldBackDaysIntoTheServingDesk() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("live");
        Thread demo = Thread.ofPlatform().start(() -> Slacast.run(new PrintWriter(out, true),
                new PrintWriter(err, true), "demo", dir.toString(), "--tickets", "1500", "--port", "0", "--live", "3d",
                "--replay-speed", "0"));
        try {
            long until = System.nanoTime() + 240_000_000_000L;
            while (!out.toString().contains("replay done") && demo.isAlive() && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            String printed = out.toString();
            assertThat(printed).as(err.toString()).contains("replay done");
            Matcher replaying = Pattern.compile("replaying ([\\d,]+) tickets").matcher(printed);
            assertThat(replaying.find()).isTrue();
            Matcher done = Pattern.compile("replay done: ([\\d,]+) tickets").matcher(printed);
            assertThat(done.find()).isTrue();
            int held = Integer.parseInt(replaying.group(1).replace(",", ""));
            assertThat(held).isPositive().isLessThan(1500);
            // Sent: the held-back tickets, and earlier ones that travel with their first replayed event.
            assertThat(Integer.parseInt(done.group(1).replace(",", ""))).isGreaterThanOrEqualTo(held);
            Matcher serving = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)").matcher(printed);
            assertThat(serving.find()).isTrue();
            var d = org.slacast.core.csv.TicketData.load(dir.resolve("data"));
            String last = d.tickets().stream().max(java.util.Comparator.comparing(
                    org.slacast.core.ticket.Ticket::createdAt)).orElseThrow().id();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serving.group(1) + "/v1/tickets/" + last + "/score")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            // The queue holds the replayed desk's open tickets, aged by its clock, and the alerts reach the log.
            com.fasterxml.jackson.databind.JsonNode queue = null;
            long queueUntil = System.nanoTime() + 20_000_000_000L;
            while ((queue == null || queue.get("open").asInt() == 0) && System.nanoTime() < queueUntil) {
                Thread.sleep(100);
                queue = new com.fasterxml.jackson.databind.ObjectMapper().readTree(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(serving.group(1) + "/v1/queue")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            assertThat(queue.get("open").asInt()).isPositive();
            assertThat(queue.get("rows")).isNotEmpty();
            assertThat(printed).contains("alerts: " + dir.resolve("alerts.yaml"));
            long alertsUntil = System.nanoTime() + 20_000_000_000L;
            Path log = dir.resolve("alerts.log");
            while (Files.size(log) == 0 && System.nanoTime() < alertsUntil) {
                Thread.sleep(200);
            }
            assertThat(Files.readAllLines(log)).isNotEmpty().allMatch(l -> l.contains(" alert "));
        } finally {
            demo.interrupt();
            demo.join(30_000);
        }
    }
}
