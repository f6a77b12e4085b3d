package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;
import org.slacast.serving.ScoringApi;
import org.slacast.serving.ServingConfig;
import org.slacast.training.data.Example;
import org.slacast.training.data.ExampleBuilder;
import org.slacast.training.data.TicketOutcome;

/**
 * Issue 12's contract: a ticket's features at an instant are the same whether training computes them from the
 * whole data set or a server computes them from the events it has received up to that instant, whatever the
 * restarts and whichever replica. A generated desk is replayed through {@code POST /v1/events} in time order, every
 * ticket scored at its creation through {@code GET /v1/tickets/{id}/score}, and the logged features and
 * probabilities compared with the offline ones to 1e-9.
 */
class DeskParityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    @TempDir
    static Path tmp;
    static Path data;
    static Path registry;
    static TicketData desk;
    static PolicySet policies;
    static ModelBundle model;
    static Map<String, double[]> offline = new HashMap<>();

    @BeforeAll
    static void trainAndScoreOffline() {
        data = tmp.resolve("desk");
        registry = tmp.resolve("registry");
        assertThat(CliRun.of("generate", "--tickets", "900", "--seed", "12", "--out", data.toString(), "--no-sla")
                .code()).isZero();
        CliRun train = CliRun.of("train", "--data", data.toString(), "--registry", registry.toString(), "--models",
                "logistic", "--no-report");
        assertThat(train.code()).as(train.err()).isZero();
        desk = TicketData.load(data);
        policies = PolicyFile.load(data.resolve("policy.yaml"));
        model = new Registry(registry).champion();
        // The same path as 'slacast score' at creation.
        ExampleBuilder b = new ExampleBuilder(new FeatureExtractor(model.manifest().schema(), policies), policies,
                List.of(0.0));
        List<TicketOutcome> outcomes = b.outcomes(desk, model.manifest().schema().metric(),
                org.slacast.core.clock.SlaClock.latestInstant(desk.tickets(), desk.events()));
        for (Example e : b.build(desk, outcomes, o -> List.of(o.ticket().createdAt()), 0, n -> { })) {
            offline.put(e.ticketId(), e.x());
        }
    }

    private static ServingConfig config(String store, String log) {
        return ServingConfig.defaults(registry, data.resolve("policy.yaml")).withPort(0).withStore(store)
                .withLog(log).withModels(null, null, false)
                .withDesk(new ServingConfig.DeskLimits(Duration.ofDays(30), 200_000, Duration.ofMillis(20)));
    }

    @Test
    void replayedThroughTheApiWithARestartEveryTicketScoresAsOffline() throws Exception {
        String store = "jdbc:duckdb:" + tmp.resolve("live.duckdb");
        String log = "jdbc:duckdb:" + tmp.resolve("log.duckdb");
        TreeMap<Instant, List<Object>> timeline = timeline();
        int half = timeline.size() / 2;
        int step = 0;
        ScoringApi api = ScoringApi.start(config(store, log));
        try {
            for (Map.Entry<Instant, List<Object>> moment : timeline.entrySet()) {
                if (step++ == half) {
                    api.close(); // a restart: the new server rebuilds its desk from the store
                    api = ScoringApi.start(config(store, log));
                }
                ingest(api.url(), moment.getValue());
                scoreCreated(api.url(), moment);
            }
        } finally {
            api.close();
        }
        assertMatchesOffline(log);
    }

    @Test
    void twoReplicasOnOnePostgresStoreAgreeWhicheverReceivedTheEvents() throws Exception {
        Assumptions.assumeTrue(pgUp(), () -> "SKIPPED: no PostgreSQL at " + PG + "; .ci/run starts one");
        String schema = "desk_parity_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(PG)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String store = PG + "&currentSchema=" + schema;
        String log = "jdbc:duckdb:" + tmp.resolve("replica-log.duckdb");
        try (ScoringApi ingesting = ScoringApi.start(config(store, null));
             ScoringApi scoring = ScoringApi.start(config(store, log))) {
            for (Map.Entry<Instant, List<Object>> moment : timeline().entrySet()) {
                ingest(ingesting.url(), moment.getValue());
                awaitFollowed(scoring.url(), store);
                scoreCreated(scoring.url(), moment);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        assertMatchesOffline(log);
    }

    /**
     * Tickets and events in time order, grouped so that each group ends at a creation instant: it holds everything
     * up to and including that instant, so a server that has ingested it has every event up to the scores there.
     */
    private static TreeMap<Instant, List<Object>> timeline() {
        TreeMap<Instant, List<Object>> byInstant = new TreeMap<>();
        for (Ticket t : desk.tickets()) {
            byInstant.computeIfAbsent(t.createdAt(), k -> new ArrayList<>()).add(t);
            for (TicketEvent e : desk.eventsOf(t.id())) {
                byInstant.computeIfAbsent(e.at(), k -> new ArrayList<>()).add(e);
            }
        }
        TreeMap<Instant, List<Object>> groups = new TreeMap<>();
        List<Object> pending = new ArrayList<>();
        for (Map.Entry<Instant, List<Object>> e : byInstant.entrySet()) {
            pending.addAll(e.getValue());
            if (e.getValue().stream().anyMatch(o -> o instanceof Ticket)) {
                groups.put(e.getKey(), pending);
                pending = new ArrayList<>();
            }
        }
        if (!pending.isEmpty()) {
            groups.put(Instant.MAX, pending);
        }
        return groups;
    }

    private static void ingest(String base, List<Object> items) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode tickets = body.putArray("tickets");
        ArrayNode events = body.putArray("events");
        for (Object o : items) {
            if (o instanceof Ticket t) {
                tickets.add(fields(NativeFormat.TICKET_COLUMNS, NativeFormat.values(t), "ticket_id", "id"));
            } else if (o instanceof TicketEvent e) {
                events.add(fields(NativeFormat.EVENT_COLUMNS, NativeFormat.values(e), null, null));
            }
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("rejected").asInt()).as(r.body()).isZero();
    }

    private static void scoreCreated(String base, Map.Entry<Instant, List<Object>> moment) throws Exception {
        for (Object o : moment.getValue()) {
            if (o instanceof Ticket t && t.createdAt().equals(moment.getKey()) && offline.containsKey(t.id())) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/tickets/" + t.id()
                        + "/score?as_of=" + t.createdAt())).header("X-Request-Id", "c-" + t.id()).GET());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
        }
    }

    private static ObjectNode fields(List<String> names, String[] values, String rename, String as) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
            if (!values[i].isEmpty()) {
                n.put(names.get(i).equals(rename) ? as : names.get(i), values[i]);
            }
        }
        return n;
    }

    private static void awaitFollowed(String base, String store) throws Exception {
        long target;
        try (Connection c = DriverManager.getConnection(store);
             ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(max(m), 0) FROM (SELECT max(seq) AS m "
                     + "FROM tickets UNION ALL SELECT max(seq) FROM events) x")) {
            rs.next();
            target = rs.getLong(1);
        }
        for (int i = 0; i < 500; i++) {
            String m = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET()).body();
            for (String line : m.split("\n")) {
                if (line.startsWith("slacast_desk_store_sequence ") && Double.parseDouble(line.split(" ")[1]) >= target) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the scoring replica did not follow the store to " + target);
    }

    /** Every ticket's logged features and probability equal the offline ones to 1e-9. */
    private static void assertMatchesOffline(String log) throws SQLException {
        int compared = 0;
        try (Connection c = DriverManager.getConnection(log);
             ResultSet rs = c.createStatement().executeQuery("SELECT ticket_id, probability, feature_values FROM "
                     + "predictions WHERE request_id LIKE 'c-%'")) {
            while (rs.next()) {
                double[] expected = offline.get(rs.getString(1));
                String[] got = rs.getString(3).split(",");
                assertThat(got).hasSize(expected.length);
                for (int j = 0; j < expected.length; j++) {
                    assertThat(Double.parseDouble(got[j])).as("%s %s", rs.getString(1),
                            model.manifest().schema().names().get(j)).isCloseTo(expected[j],
                            org.assertj.core.data.Offset.offset(1e-9));
                }
                assertThat(rs.getDouble(2)).isCloseTo(model.probability(expected),
                        org.assertj.core.data.Offset.offset(1e-9));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(offline.size());
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean pgUp() {
        try (Connection c = DriverManager.getConnection(PG)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }
}
