import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The at-risk queue under load, against a server started by bench/queue.sh (wall clock, alerts to this program).
 * Usage: java bench/QueueLoad.java SERVER-URL RULES-FILE-TO-WRITE TICKETS, in two steps: "receiver" writes the
 * rules and waits for the server; "run" loads tickets and measures.
 */
public class QueueLoad {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<long[]> RECEIVED = new CopyOnWriteArrayList<>();   // {received at ms, condition at ms}
    static final Pattern CONDITION = Pattern.compile("\"condition_at\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path rules = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.createContext("/alerts", x -> {
            long now = System.currentTimeMillis();
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = CONDITION.matcher(body);
            if (m.find()) {
                RECEIVED.add(new long[] {now, Instant.parse(m.group(1)).toEpochMilli()});
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.createContext("/direct", x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        Files.writeString(rules, "webhooks:\n  bench: {url: \"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/alerts\", secret: bench}\ndelivery: {attempts: 3, first_retry: 1s, timeout: 5s}\n"
                + "rules:\n  - {name: overdue, when: {band: overdue}}\n");
        System.out.println("receiver ready; waiting for the server at " + url);
        waitReady(url);

        // Baseline for scoring: the same tickets through POST /v1/score/batch (dated 2020, so they never queue).
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 1000) {
            post(url + "/v1/score/batch?reasons=3", "{\"tickets\": [" + tickets("B-", from, Math.min(n, from + 1000),
                    Instant.parse("2020-01-06T00:00:00Z"), n) + "]}");
        }
        double scoreMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("baseline: POST /v1/score/batch, %d tickets in %.0f ms: %.0f tickets/s%n", n, scoreMs,
                n * 1000 / scoreMs);

        // Due between 30 s and 90 s from now: gold critical, 4 h round the clock.
        Instant created = Instant.now().minus(Duration.ofHours(4)).plusSeconds(30);
        for (int from = 0; from < n; from += 1000) {
            post(url + "/v1/events", "{\"tickets\": [" + tickets("Q-", from, Math.min(n, from + 1000), created, n)
                    + "]}");
        }
        long openUntil = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (metric(url, "slacast_queue_open_tickets") < n && System.nanoTime() < openUntil) {
            Thread.sleep(20);
        }
        System.out.printf("queue: %d open tickets%n", (int) metric(url, "slacast_queue_open_tickets"));

        double before = metric(url, "slacast_queue_rescored_total");
        t0 = System.nanoTime();
        post(url + "/v1/models/" + activeModel(url) + "/activate", "{}");
        waitRescored(url, before + n, Duration.ofSeconds(120));
        double rescoreMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("re-scoring every open ticket (after an activation): %d in %.0f ms: %.0f tickets/s "
                + "(%.2f x the batch API's scoring)%n", n, rescoreMs, n * 1000 / rescoreMs,
                (n * 1000 / rescoreMs) / (n * 1000 / scoreMs));

        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (RECEIVED.size() < n && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        List<Long> lat = new ArrayList<>();
        RECEIVED.forEach(r -> lat.add(r[0] - r[1]));
        Collections.sort(lat);
        System.out.printf("alerts: %d of %d delivered; latency from the due instant to the webhook: p50 %d ms, "
                + "p99 %d ms, max %d ms%n", lat.size(), n, pct(lat, 0.5), pct(lat, 0.99), lat.getLast());

        // Page times with the queue full: the first look at a health page reads the desk (cold), then a cache serves.
        Thread.sleep(11_000);
        for (String page : List.of("/health", "/v1/queue", "/dashboard", "/dashboard/trends", "/dashboard/teams",
                "/dashboard/heatmap", "/dashboard/model")) {
            List<Long> times = new ArrayList<>();
            long first = -1;
            for (int i = 0; i < 200; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long us = (System.nanoTime() - s) / 1000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(page + ": " + r.statusCode());
                }
                if (first < 0) {
                    first = us;
                }
                times.add(us);
            }
            Collections.sort(times);
            System.out.printf("page %-20s first %6.1f ms, then p50 %6.2f ms, p99 %6.2f ms%n", page, first / 1000.0,
                    pct(times, 0.5) / 1000.0, pct(times, 0.99) / 1000.0);
        }

        List<Long> direct = new ArrayList<>();
        String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/direct";
        HttpClient fresh = HttpClient.newHttpClient();
        for (int i = 0; i < 1000; i++) {
            long s = System.nanoTime();
            try {
                fresh.send(HttpRequest.newBuilder(URI.create(target)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                continue;  // a kept-alive connection the receiver closed: not a latency
            }
            direct.add((System.nanoTime() - s) / 1_000_000);
        }
        Collections.sort(direct);
        System.out.printf("baseline: a direct POST to the same receiver: p50 %d ms, p99 %d ms%n", pct(direct, 0.5),
                pct(direct, 0.99));
        receiver.stop(0);
        System.exit(0);
    }

    static String tickets(String prefix, int from, int to, Instant created, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            Instant at = created.plusMillis(60_000L * i / n);
            b.append(i > from ? "," : "").append("{\"id\": \"").append(prefix).append(i).append("\", \"created_at\": \"")
                    .append(at).append("\", \"priority\": \"critical\", \"contract\": \"gold\", \"team\": \"T")
                    .append(i % 7).append("\", \"system\": \"S").append(i % 13).append("\"}");
        }
        return b.toString();
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static String post(String url, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String activeModel(String url) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("slacast_model_active\\{model=\"([^\"]+)\"} 1\\.0").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no active model in /metrics");
        }
        return m.group(1);
    }

    static double metric(String url, String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static void waitRescored(String url, double n, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (metric(url, "slacast_queue_rescored_total") < n && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    static void waitReady(String url) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no server at " + url);
    }
}
