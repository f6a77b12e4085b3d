package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.cost.CostModel;
import org.slacast.core.feature.Feature;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.models.BoostParameters;
import org.slacast.models.BreachModel;
import org.slacast.models.BundleManifest;
import org.slacast.models.Calibrator;
import org.slacast.models.ForestParameters;
import org.slacast.models.LogisticParameters;
import org.slacast.models.ModelBundle;
import org.slacast.models.ModelKind;
import org.slacast.models.Provenance;
import org.slacast.models.Registry;
import org.slacast.models.TrainingSet;

/** Each test on a real server of its own, on a free port, over a registry of small models (see {@link TestApi}). */
class ScoringApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = TestApi.HTTP;
    static final String TICKET = """
            {"ticket": {"id": "T-1", "created_at": "2026-03-02T08:30:00Z", "priority": "high",
             "category": "Access", "system": "Internet Banking", "contract": "standard"},
             "events": [{"at": "2026-03-02T08:40:00Z", "type": "first_response"}],
             "as_of": "2026-03-02T10:00:00Z"}""";

    static TestApi api;
    static String base;

    @BeforeEach
    void start() {
        serve("lr-a");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** A fresh server for this test, serving the given model. */
    static void serve(String model) {
        if (api != null) {
            api.close();
        }
        api = TestApi.start(model);
        base = api.base;
    }

    static ModelBundle bundle(String id, long seed) {
        return bundle(id, seed, ModelKind.LOGISTIC);
    }

    static ModelBundle bundle(String id, long seed, ModelKind kind) {
        FeatureSchema schema = FeatureSchema.fit(List.of(), Metric.RESOLUTION, 0);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[300][schema.size()];
        int[] y = new int[300];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < schema.size(); j++) {
                x[i][j] = rnd.nextInt(4);
            }
            y[i] = x[i][0] + rnd.nextGaussian() > 2 ? 1 : 0;
        }
        List<Feature.Kind> kinds = new FeatureExtractor(schema, null).features().stream().map(Feature::kind).toList();
        var params = switch (kind) {
            case RANDOM_FOREST -> ForestParameters.DEFAULTS.withTrees(20);
            case GRADIENT_BOOSTING -> BoostParameters.DEFAULTS.withTrees(20);
            case LOGISTIC -> LogisticParameters.DEFAULTS.withEpochs(2);
            case LIGHTGBM -> org.slacast.models.LightGbmParameters.DEFAULTS.withTrees(20);
        };
        BreachModel m = kind.fit(new TrainingSet(schema, kinds, x, y), params, seed);
        return new ModelBundle(BundleManifest.builder().id(id).kind(kind.label()).createdAt(Instant.EPOCH)
                .schema(schema).provenance(new Provenance("test", 300, 300, Instant.EPOCH, Instant.EPOCH, "00",
                        Map.of())).calibrator(new Calibrator.Identity()).threshold(0.5).cost(CostModel.defaults())
                .testFrom(Instant.EPOCH).testTo(Instant.EPOCH).build(), m);
    }

    static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return api.post(path, body, headers);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return api.get(path);
    }

    static synchronized void activate(String id) throws Exception {
        assertThat(post("/v1/models/" + id + "/activate", "").statusCode()).isEqualTo(200);
    }

    @Test
    void healthReadinessAndAFullScore() throws Exception {
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(JSON.readTree(get("/ready").body())).isEqualTo(JSON.readTree(
                "{\"status\":\"ready\",\"model\":\"lr-a\"}"));
        HttpResponse<String> r = post("/v1/score", TICKET);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode s = JSON.readTree(r.body());
        assertThat(s.get("ticket_id").asText()).isEqualTo("T-1");
        assertThat(s.get("scored_at").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(s.get("breach_probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.get("risk_band").asText()).isIn("low", "medium", "high");
        // Berlin office hours 08:00-12:00, 13:00-17:00: 08:30Z is 09:30 local; a high resolution target is 8h,
        // 6.5h of it on the first day and the rest by 09:30 local (08:30Z) the next.
        JsonNode resolution = s.at("/sla/metrics").findParents("metric").stream()
                .filter(n -> n.get("metric").asText().equals("resolution")).findFirst().orElseThrow();
        assertThat(resolution.get("target_minutes").asInt()).isEqualTo(480);
        assertThat(resolution.get("elapsed_business_minutes").asDouble()).isEqualTo(90.0);
        assertThat(resolution.get("due_at").asText()).isEqualTo("2026-03-03T08:30:00Z");
        assertThat(s.at("/cost/penalty_if_breached").asDouble()).isEqualTo(200.0);
        assertThat(s.at("/cost/intervention_cost").asDouble()).isEqualTo(20.0);
        assertThat(s.get("reasons")).hasSize(3);
        assertThat(JSON.readTree(post("/v1/score?reasons=0", TICKET).body()).get("reasons")).isEmpty();
        assertProblem(post("/v1/score?reasons=many", TICKET), 400, "reasons");
        assertThat(s.at("/model/id").asText()).isEqualTo("lr-a");
    }

    /**
     * The whole body, to the character: field names, order, rounding, and the client's request id. The server is
     * fresh, so the desk holds only this ticket (stored by its own score, and counted in its history as training
     * counts a ticket at its later checkpoints), and the figures do not depend on what other tests scored.
     */
    @Test
    void aScoreIsExactlyThisJsonAndCarriesTheClientsRequestId() throws Exception {
        serve("gb-a");
        HttpResponse<String> r = post("/v1/score", TICKET, "X-Request-Id", "router-42:a.b_c");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("router-42:a.b_c");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).isEqualTo(EXACT_SCORE);
        HttpResponse<String> generated = post("/v1/score", TICKET);
        String id = JSON.readTree(generated.body()).get("request_id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValue(id);
        assertProblem(post("/v1/score", TICKET, "X-Request-Id", "has spaces"), 400, "X-Request-Id");
        assertProblem(post("/v1/score", TICKET, "X-Request-Id", "x".repeat(65)), 400, "X-Request-Id");
        JsonNode batch = JSON.readTree(post("/v1/score/batch", "{\"tickets\": [" + TICKET + "," + TICKET + "]}",
                "X-Request-Id", "batch-7").body());
        assertThat(batch.findValuesAsText("request_id")).containsExactly("batch-7", "batch-7");
    }

    static final String EXACT_SCORE = """
            {"request_id":"router-42:a.b_c","ticket_id":"T-1","scored_at":"2026-03-02T10:00:00Z",\
            "breach_probability":0.180301,"risk_band":"low","sla":{"policy":"standard","metrics":[\
            {"metric":"first_response","target_minutes":60,"due_at":"2026-03-02T09:30:00Z",\
            "elapsed_business_minutes":10.0,"remaining_business_minutes":50.0,"band":"completed_on_time"},\
            {"metric":"resolution","target_minutes":480,"due_at":"2026-03-03T08:30:00Z",\
            "elapsed_business_minutes":90.0,"remaining_business_minutes":390.0,"band":"on_track"},\
            {"metric":"ola_l1","target_minutes":60,"due_at":"2026-03-02T09:30:00Z",\
            "elapsed_business_minutes":10.0,"remaining_business_minutes":50.0,"band":"completed_on_time"}]},\
            "cost":{"penalty_if_breached":200.0,"expected_penalty":36.06017,"intervention_cost":20.0,\
            "effectiveness":0.5,"expected_saving":-1.969915,"recommend_intervention":false,\
            "decision":"expected saving -1.97 = 0.1803 × 200 × 0.5 − 20: do not act"},\
            "reasons":[{"feature":"priority","value":1.0,"contribution":-1.160508},\
            {"feature":"contract","value":0.0,"contribution":0.205542},\
            {"feature":"hour","value":11.0,"contribution":-0.205401}],\
            "explanation":"path","model":{"id":"gb-a","kind":"gradient-boosting","metric":"resolution"}}""";

    /**
     * The recommendation is the expected-value decision under the bundle's cost model: the contract's penalty
     * times the customer's weight, and the effectiveness at the share of the resolution target already gone.
     * gb-a scores T-1 at 0.180301 (see {@link #EXACT_SCORE}); 90 of 480 minutes is 0.1875 of the target.
     */
    @Test
    void recommendExactlyWhenTheExpectedSavingIsPositive(@TempDir Path dir) throws Exception {
        CostModel cost = new CostModel(CostModel.defaults().penalties(), 20, 0.6,
                Map.of("standard", Map.of(org.slacast.core.ticket.Priority.HIGH, 150.0)), Map.of("Acme", 2.0),
                List.of(new CostModel.EffectivenessStep(0, 0.6), new CostModel.EffectivenessStep(0.5, 0.3)));
        ModelBundle gb = bundle("gb-a", 3, ModelKind.GRADIENT_BOOSTING);
        new Registry(dir).add(new ModelBundle(gb.manifest().toBuilder().id("gb-c").cost(cost).build(), gb.model()));
        api.close();
        api = TestApi.start(ServingConfig.defaults(dir, TestApi.POLICY).withPort(0).withModels("gb-c", null, false));
        String acme = TICKET.replace("\"contract\": \"standard\"", "\"contract\": \"standard\", \"customer\": \"Acme\"");
        JsonNode early = JSON.readTree(post("/v1/score", acme).body()).get("cost");
        // 0.180301 x (150 x 2) x 0.6 - 20 = 12.45 (12.454153 from the unrounded probability): act.
        assertThat(early.get("penalty_if_breached").asDouble()).isEqualTo(300.0);
        assertThat(early.get("effectiveness").asDouble()).isEqualTo(0.6);
        assertThat(early.get("expected_saving").asDouble()).isEqualTo(12.454153);
        assertThat(early.get("recommend_intervention").asBoolean()).isTrue();
        assertThat(early.get("decision").asText()).isEqualTo("expected saving 12.45 = 0.1803 × 300 × 0.6 − 20: act");
        // At 16:30 Berlin 360 of the 480 minutes are gone, past half the target: acting prevents less.
        JsonNode late = JSON.readTree(post("/v1/score", acme.replace("2026-03-02T10:00:00Z", "2026-03-02T15:30:00Z"))
                .body());
        double p = late.get("breach_probability").asDouble();
        assertThat(late.at("/cost/effectiveness").asDouble()).isEqualTo(0.3);
        assertThat(late.at("/cost/expected_saving").asDouble()).isCloseTo(p * 300 * 0.3 - 20,
                org.assertj.core.data.Offset.offset(1e-4)); // the probability shown is rounded to 6 places
        assertThat(late.at("/cost/recommend_intervention").asBoolean()).isEqualTo(p * 300 * 0.3 - 20 > 0);
    }

    /** Trees explain by path attributions unless asked for TreeSHAP (their totals agree: see CompiledTreesTest). */
    @Test
    void treeReasonsComeFromPathsOrFromTreeShapOnRequest() throws Exception {
        serve("gb-a");
        post("/v1/score", TICKET); // the desk now knows the ticket: both scores below see the same history
        JsonNode path = JSON.readTree(post("/v1/score?reasons=20", TICKET).body());
        JsonNode shap = JSON.readTree(post("/v1/score?reasons=20&explain=shap", TICKET).body());
        assertThat(path.get("explanation").asText()).isEqualTo("path");
        assertThat(shap.get("explanation").asText()).isEqualTo("shap");
        assertThat(path.get("reasons")).isNotEmpty();
        assertThat(shap.get("breach_probability")).isEqualTo(path.get("breach_probability"));
        for (JsonNode reasons : List.of(path.get("reasons"), shap.get("reasons"))) {
            List<Double> size = reasons.findValues("contribution").stream().map(c -> Math.abs(c.asDouble())).toList();
            assertThat(size).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        Map<String, Double> values = new java.util.HashMap<>();
        path.get("reasons").forEach(r -> values.put(r.get("feature").asText(), r.get("value").asDouble()));
        shap.get("reasons").forEach(r -> assertThat(values.getOrDefault(r.get("feature").asText(),
                r.get("value").asDouble())).isEqualTo(r.get("value").asDouble()));
        JsonNode batch = JSON.readTree(post("/v1/score/batch?explain=shap", "{\"tickets\": [" + TICKET + "]}").body());
        assertThat(batch.at("/results/0/explanation").asText()).isEqualTo("shap");
        assertProblem(post("/v1/score?explain=exact", TICKET), 400, "explain");
    }

    @Test
    void metricsCountRequestsByRouteAndShowTheActiveModel() throws Exception {
        post("/v1/score", TICKET);
        String m = get("/metrics").body();
        assertThat(m).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/score\",status=\"200\"}")
                .contains("slacast_model_active{model=\"lr-a\"} 1")
                .contains("slacast_tickets_scored_total");
    }

    @Test
    void outcomesFeedLiveMonitoring() throws Exception {
        for (int i = 0; i < 4; i++) {
            post("/v1/score", TICKET.replace("\"T-1\"", "\"M-" + i + "\""));
        }
        JsonNode ok = JSON.readTree(post("/v1/outcomes",
                "{\"ticket_id\": \"M-0\", \"breached\": true, \"resolved_at\": \"2026-03-02T12:00:00Z\"}").body());
        assertThat(ok.get("matched_prediction").asBoolean()).isTrue();
        post("/v1/outcomes", "{\"ticket_id\": \"M-1\", \"breached\": false}");
        assertThat(JSON.readTree(post("/v1/outcomes", "{\"ticket_id\": \"never\", \"breached\": false}").body())
                .get("matched_prediction").asBoolean()).isFalse();
        assertProblem(post("/v1/outcomes", "{\"ticket_id\": \"M-2\", \"breached\": \"yes\"}"), 400, "breached");
        JsonNode m = JSON.readTree(get("/v1/monitoring").body());
        assertThat(m.get("outcomes_known").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(m.has("brier")).isTrue();
        assertThat(m.at("/score_distribution/recent_scores").asInt()).isGreaterThanOrEqualTo(4);
        // These test models have no stored training distributions, so there is nothing to drift from.
        assertThat(m.get("drift").isArray()).isTrue();
    }

    @Test
    void reportsAreServedByModelId() throws Exception {
        Files.writeString(TestApi.registry().resolve("lr-a/report.html"), "<!DOCTYPE html><title>r</title>");
        HttpResponse<String> r = get("/reports/lr-a");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(r.body()).isEqualTo("<!DOCTYPE html><title>r</title>");
        assertThat(get("/reports/lr-b").statusCode()).isEqualTo(404);
        assertThat(get("/reports/..%2Fetc").statusCode()).isEqualTo(404);
        assertThat(get("/reports/..").statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGetProblemJsonWithTheFieldPath() throws Exception {
        HttpResponse<String> malformed = post("/v1/score", "{\"ticket\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(malformed.body()).get("detail").asText()).startsWith("malformed JSON at line 1");
        assertProblem(post("/v1/score", TICKET.replace("\"high\"", "\"urgentish\"")), 400, "ticket.priority");
        assertProblem(post("/v1/score", TICKET.replace("\"T-1\"", "42")), 400, "ticket.id");
        assertProblem(post("/v1/score", TICKET.replace("\"created_at\": \"2026-03-02T08:30:00Z\", ", "")), 400,
                "ticket.created_at");
        assertProblem(post("/v1/score", TICKET.replace("first_response", "teleported")), 400, "events[0].type");
        assertProblem(post("/v1/score", TICKET.replace("\"as_of\"", "\"asof\"")), 400, "asof");
        assertProblem(post("/v1/score", "[]"), 400, "(body)");
        String attrs = "\"contract\": \"standard\", \"attributes\": ";
        assertProblem(post("/v1/score", TICKET.replace("\"contract\": \"standard\"", attrs + "{\"ci\": \"x\"}")), 400,
                "ticket.attributes.ci");
        assertProblem(post("/v1/score", TICKET.replace("\"contract\": \"standard\"", attrs + "{\"num.n\": \"lots\"}")),
                400, "ticket.attributes.num.n");
        assertProblem(post("/v1/score", TICKET.replace("\"contract\": \"standard\"", attrs
                + "{\"num.n\": 1, \"cat.n\": \"x\"}")), 400, "ticket.attributes.cat.n");
        assertProblem(post("/v1/score", TICKET.replace("\"contract\": \"standard\"", attrs + "[1]")), 400,
                "ticket.attributes");
        assertThat(post("/v1/score", TICKET.replace("\"contract\": \"standard\"", attrs
                + "{\"cat.ci_type\": \"server\", \"num.related\": 2.5, \"end.num.h\": null}")).statusCode())
                .isEqualTo(200);
        assertThat(post("/v1/score", "x".repeat(17 << 20)).statusCode()).isEqualTo(413);
    }

    @Test
    void aBatchKeepsOrderAndABadItemGetsItsOwnError() throws Exception {
        String bad = TICKET.replace("\"high\"", "\"bogus\"");
        JsonNode r = JSON.readTree(post("/v1/score/batch", "{\"tickets\": [" + TICKET + "," + bad + "," + TICKET + "]}")
                .body());
        assertThat(r.get("results")).hasSize(3);
        assertThat(r.at("/results/0/ticket_id").asText()).isEqualTo("T-1");
        assertThat(r.at("/results/1/error/errors/0/field").asText()).isEqualTo("tickets[1].ticket.priority");
        assertThat(r.at("/results/2/ticket_id").asText()).isEqualTo("T-1");
        StringBuilder many = new StringBuilder("{\"tickets\": [");
        for (int i = 0; i < 10_001; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        assertProblem(post("/v1/score/batch", many.append("]}").toString()), 413, "tickets");
    }

    /** Large answers are gzipped for clients that accept it; a single score is smaller than a packet and is not. */
    @Test
    void largeBatchesAreGzippedForClientsThatAcceptIt() throws Exception {
        String batch = "{\"tickets\": [" + String.join(",", java.util.Collections.nCopies(20, TICKET)) + "]}";
        HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/score/batch"))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(JSON.readTree(in).get("results")).hasSize(20);
        }
        HttpResponse<String> single = post("/v1/score", TICKET, "Accept-Encoding", "gzip");
        assertThat(single.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(JSON.readTree(single.body()).get("ticket_id").asText()).isEqualTo("T-1");
    }

    @Test
    void aBrokenOrMissingBundleIsRefusedAndTheCurrentModelKeepsServing() throws Exception {
        serve("lr-b");
        assertThat(post("/v1/models/broken/activate", "").statusCode()).isEqualTo(422);
        assertThat(post("/v1/models/nope/activate", "").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(post("/v1/score", TICKET).body()).at("/model/id").asText()).isEqualTo("lr-b");
        JsonNode list = JSON.readTree(get("/v1/models").body());
        assertThat(list.findValuesAsText("id")).contains("lr-a", "lr-b");
    }

    @Test
    void swappingModelsUnderLoadFailsNoRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        try {
                            HttpResponse<String> r = post("/v1/score", TICKET);
                            String id = JSON.readTree(r.body()).at("/model/id").asText();
                            if (r.statusCode() != 200 || !(id.equals("lr-a") || id.equals("lr-b"))) {
                                failures.incrementAndGet();
                                System.err.println("FAILED " + r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            System.err.println("FAILED " + e);
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 40; i++) {
                activate(i % 2 == 0 ? "lr-a" : "lr-b");
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(failures.get()).isZero();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.at("/errors/0/field").asText()).isEqualTo(field);
    }
}
