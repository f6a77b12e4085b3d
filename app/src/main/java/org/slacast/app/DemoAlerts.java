package org.slacast.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slacast.serving.alert.AlertDelivery;

/**
 * The demo's alert receiver: a webhook on a free port of 127.0.0.1 that checks each alert's signature, appends it
 * to {@code alerts.log} and prints the first few, so that alerts can be watched as the replayed desk fills. It also
 * writes the demo's rules file, pointing at itself.
 */
final class DemoAlerts implements AutoCloseable {
    /** Alerts printed one by one; after these, a count every {@link #EVERY}. */
    private static final int PRINTED = 10;
    private static final int EVERY = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String secret;
    private final Writer log;
    private final PrintWriter out;
    private final Path logFile;
    private final AtomicLong received = new AtomicLong();

    DemoAlerts(Path dir, PrintWriter out) throws IOException {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        this.secret = HexFormat.of().formatHex(key);
        this.out = out;
        this.logFile = dir.resolve("alerts.log");
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String sig = x.getRequestHeaders().getFirst(AlertDelivery.SIGNATURE);
            int status = signed(sig, body) ? 200 : 401;
            if (status == 200) {
                take(body);
            }
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        server.start();
    }

    /**
     * Writes the demo's rules: overdue critical and high tickets, and any ticket likely to breach.
     *
     * @param dir the demo's directory
     * @return the rules file
     */
    Path rules(Path dir) throws IOException {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, """
                # Written by slacast demo: alerts go to the demo's own receiver, which logs them to alerts.log.
                webhooks:
                  demo: {url: "http://127.0.0.1:%d/alerts", secret: "%s", template: generic}
                delivery: {attempts: 5, first_retry: 1s, max_retry: 10s, timeout: 5s}
                rules:
                  - name: overdue
                    when: {band: overdue}
                    priorities: [critical, high]
                  - name: likely-breach
                    when: {probability_at_least: 0.8}
                """.formatted(server.getAddress().getPort(), secret));
        return f;
    }

    /** @return the log file */
    Path log() {
        return logFile;
    }

    private boolean signed(String header, String body) {
        if (header == null || !header.startsWith("t=") || !header.contains(",")) {
            return false;
        }
        try {
            long t = Long.parseLong(header.substring(2, header.indexOf(',')));
            return java.security.MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    AlertDelivery.signature(secret, t, body).getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private synchronized void take(String body) {
        long n = received.incrementAndGet();
        try {
            JsonNode a = JSON.readTree(body);
            String line = String.format(Locale.ROOT, "alert %s: %s (%s, %s) %s, breach %.0f%%, due %s; %s",
                    a.get("rule").asText(), a.at("/ticket/id").asText(), a.at("/ticket/priority").asText(),
                    a.at("/ticket/team").asText("no team"), a.at("/score/sla_band").asText(),
                    100 * a.at("/score/breach_probability").asDouble(), a.at("/score/due_at").asText("-"),
                    a.at("/score/action").asText());
            log.write(a.get("condition_at").asText() + " " + line + "\n");
            log.flush();
            if (n <= PRINTED) {
                out.println(line);
            } else if (n % EVERY == 0) {
                out.printf("alerts: %,d received (all in %s)%n", n, logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            log.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
