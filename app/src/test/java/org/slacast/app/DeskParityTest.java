package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.app.replay.DeskClient;
import org.slacast.app.replay.ReplayTimeline;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Ticket;
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
                .withDesk(new ServingConfig.DeskLimits(Duration.ofDays(30), 200_000, Duration.ofMillis(20), 10_000));
    }

    @Test
    void replayedThroughTheApiWithARestartEveryTicketScoresAsOffline() throws Exception {
        String store = "jdbc:duckdb:" + tmp.resolve("live.duckdb");
        String log = "jdbc:duckdb:" + tmp.resolve("log.duckdb");
        Instant half = desk.tickets().get(desk.tickets().size() / 2).createdAt();
        Path first = tmp.resolve("replay-1.csv");
        Path second = tmp.resolve("replay-2.csv");
        try (ScoringApi api = ScoringApi.start(config(store, log))) {
            replay(api.url(), "--until", half.toString(), "--scores", first.toString());
        }
        // A restart: the new server rebuilds its desk from the store.
        try (ScoringApi api = ScoringApi.start(config(store, log))) {
            replay(api.url(), "--from", half.toString(), "--scores", second.toString());
        }
        assertMatchesOffline(log, "replay-%");
        Path batch = tmp.resolve("offline.csv");
        CliRun score = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--out",
                batch.toString());
        assertThat(score.code()).as(score.err()).isZero();
        Map<String, String[]> live = rows(first);
        live.putAll(rows(second));
        Map<String, String[]> offlineRows = rows(batch);
        assertThat(live.keySet()).isEqualTo(offlineRows.keySet());
        for (Map.Entry<String, String[]> e : offlineRows.entrySet()) {
            String[] o = e.getValue();
            String[] l = live.get(e.getKey());
            // Everything but the probability's last digit, which the API rounds to 1e-6 before the CSV rounds it.
            assertThat(List.of(l[1], l[3], l[4], l[5])).as(e.getKey()).isEqualTo(List.of(o[1], o[3], o[4], o[5]));
            assertThat(Double.parseDouble(l[2])).as(e.getKey()).isCloseTo(Double.parseDouble(o[2]),
                    org.assertj.core.data.Offset.offset(1.0001e-4));
        }
    }

    private static void replay(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("replay", "--data", data.toString(), "--url", url, "--batch",
                "300"));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tickets scored at creation");
    }

    private static Map<String, String[]> rows(Path csv) throws Exception {
        Map<String, String[]> out = new HashMap<>();
        try (var reader = new com.opencsv.CSVReader(java.nio.file.Files.newBufferedReader(csv))) {
            reader.readNext();
            for (String[] row; (row = reader.readNext()) != null; ) {
                out.put(row[0], row);
            }
        }
        return out;
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
            DeskClient in = new DeskClient(URI.create(ingesting.url()), null, Duration.ofSeconds(5));
            DeskClient out = new DeskClient(URI.create(scoring.url()), null, Duration.ofSeconds(5));
            for (ReplayTimeline.Batch b : new ReplayTimeline(desk, null, null).batches(300, null)) {
                assertThat(in.ingest(b.tickets(), b.events()).errors()).isEmpty();
                awaitFollowed(scoring.url(), store);
                for (Ticket t : b.created()) {
                    out.score(t.id(), t.createdAt(), "c-" + t.id());
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(PG)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        assertMatchesOffline(log, "c-%");
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
    private static void assertMatchesOffline(String log, String requests) throws SQLException {
        int compared = 0;
        try (Connection c = DriverManager.getConnection(log);
             var q = c.prepareStatement("SELECT ticket_id, probability, feature_values FROM predictions WHERE "
                     + "request_id LIKE ?")) {
            q.setString(1, requests);
            ResultSet rs = q.executeQuery();
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
