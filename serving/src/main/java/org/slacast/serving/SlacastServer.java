package org.slacast.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.models.Explanation;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API, assembled in one place: configuration, routes and error mapping. */
public final class SlacastServer {
    private static final Logger LOG = LoggerFactory.getLogger(SlacastServer.class);
    private static final String PROBLEM = "application/problem+json";
    private static final String JSON_TYPE = "application/json";
    private static final String REQUEST_ID = "X-Request-Id";

    /** The hand-written OpenAPI document; a test checks it against the routes. */
    static final String OPENAPI = openapi();

    private SlacastServer() {
    }

    /**
     * @param config  the configuration
     * @param models  the active model
     * @param scoring the scoring service
     * @param metrics the metrics
     * @return the server, not started
     */
    public static Javalin create(ServingConfig config, ActiveModel models, ScoringService scoring,
                                 ServingMetrics metrics) {
        return Javalin.create(cfg -> {
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.compressionStrategy = textOnlyGzip();
            // Jetty's default stop timeout is 0, which cuts requests in flight.
            cfg.jetty.modifyServer(s -> s.setStopTimeout(config.stopTimeout().toMillis()));
            cfg.routes.before("/v1/*", ctx -> authorise(ctx, config.keys()));
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
            cfg.requestLogger.http((ctx, ms) -> metrics.request(route(ctx), ctx.method().name(), ctx.statusCode(), ms));
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            cfg.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(OPENAPI));
            cfg.routes.get("/ready", ctx -> {
                ActiveModel.Loaded m = models.get();
                PredictionLog log = scoring.log();
                boolean db = log == null || log.reachable();
                ctx.status(m == null || !db ? 503 : 200).json(m == null ? Map.of("status", "no model active")
                        : !db ? Map.of("status", "prediction log database unreachable")
                        : Map.of("status", "ready", "model", m.bundle().manifest().id()));
            });
            cfg.routes.get("/v1/models", ctx -> ctx.json(models(models)));
            cfg.routes.get("/reports/{id}", ctx -> {
                java.nio.file.Path html = models.registry().path(ctx.pathParam("id")).resolve("report.html");
                if (!java.nio.file.Files.isRegularFile(html)) {
                    throw new BadRequest(404, "no report for model '" + ctx.pathParam("id") + "'; 'slacast train' "
                            + "writes one, 'slacast report' another", List.of());
                }
                ctx.contentType("text/html; charset=utf-8").result(java.nio.file.Files.readAllBytes(html));
            });
            cfg.routes.post("/v1/models/{id}/activate", ctx -> {
                ModelBundle b = models.activate(ctx.pathParam("id"));
                metrics.activated(b.manifest().id());
                ctx.json(Map.of("active", b.manifest().id()));
            });
            cfg.routes.post("/v1/score", ctx -> {
                TicketJson.Request request = TicketJson.request(body(ctx), "");
                Explanation how = explanation(ctx);
                ScoringService.Score s = scoring.score(List.of(request), requestId(ctx), reasons(ctx, config), how)
                        .getFirst();
                ctx.contentType(JSON_TYPE).result(ScoreJson.bytes(g -> ScoreJson.score(g, s, how)));
                metrics.scored(1);
            });
            cfg.routes.post("/v1/outcomes", ctx -> ctx.json(outcome(body(ctx), scoring)));
            cfg.routes.get("/v1/monitoring", ctx -> {
                ActiveModel.Loaded m = models.get();
                ctx.json(scoring.monitoring().report(m == null ? null : m.bundle()));
            });
            cfg.routes.post("/v1/score/batch", ctx -> {
                Explanation how = explanation(ctx);
                List<Object> results = batch(ctx, config, scoring, how);
                metrics.scored(results.size());
                ctx.contentType(JSON_TYPE).result(ScoreJson.batch(results, how));
            });
            cfg.routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage(), e.errors()));
            cfg.routes.exception(ModelBundle.BundleException.class, (e, ctx) -> problem(ctx,
                    e.getMessage().startsWith("no model") ? 404 : 422, e.getMessage(), List.of()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, e.getMessage(), List.of()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), e.getMessage(),
                    List.of()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "internal error; the server log has the details", List.of());
            });
        });
    }

    /**
     * Gzip for responses of 1,500 bytes or more (large batches, reports) to clients that accept it. Everything served
     * here is text, so no media type is excluded: Javalin's default scanned its ten exclusions on every response,
     * 6% of a score's CPU under load.
     */
    private static CompressionStrategy textOnlyGzip() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setExcludedMimeTypes(List.of());
        return gzip;
    }

    private static Map<String, Object> outcome(JsonNode n, ScoringService scoring) {
        if (!n.isObject()) {
            throw BadRequest.field("(body)", "must be a JSON object with ticket_id, breached and resolved_at");
        }
        JsonNode id = n.get("ticket_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw BadRequest.field("ticket_id", "is required: a string");
        }
        JsonNode breached = n.get("breached");
        if (breached == null || !breached.isBoolean()) {
            throw BadRequest.field("breached", "is required: true or false");
        }
        JsonNode at = n.get("resolved_at");
        java.time.Instant resolved = at == null || at.isNull() ? java.time.Instant.now()
                : TicketJson.instant(at, "resolved_at");
        boolean matched = scoring.outcome(id.asText(), breached.asBoolean(), resolved);
        return Map.of("ticket_id", id.asText(), "matched_prediction", matched);
    }

    /** {@code ?reasons=N} (0 to 20); the explanation is the costly part of a tree model's score. */
    private static int reasons(Context ctx, ServingConfig config) {
        String q = ctx.queryParam("reasons");
        if (q == null) {
            return config.reasons();
        }
        try {
            int k = Integer.parseInt(q);
            if (k >= 0 && k <= 20) {
                return k;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BadRequest.field("reasons", "'" + q + "' is not a whole number from 0 to 20");
    }

    /** {@code ?explain=path|shap}: fast path attributions by default, exact TreeSHAP on request. */
    private static Explanation explanation(Context ctx) {
        String q = ctx.queryParam("explain");
        try {
            return q == null ? Explanation.PATH : Explanation.parse(q);
        } catch (IllegalArgumentException e) {
            throw BadRequest.field("explain", e.getMessage());
        }
    }

    /**
     * The client's {@code X-Request-Id} when it sends one, so that its logs and ours join; otherwise a random UUID.
     * Either way it is echoed in the response header and logged with every score of the request.
     */
    private static String requestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id = given == null ? RequestIds.next() : RequestIds.check(given);
        ctx.header(REQUEST_ID, id);
        return id;
    }

    /** Score keys may score and list; activating a model takes an admin key. */
    private static void authorise(Context ctx, ApiKeys keys) {
        if (keys.open()) {
            return;
        }
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : ctx.header("X-API-Key");
        ApiKeys.Role role = keys.roleOf(key);
        if (role == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new BadRequest(401, "a valid API key is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'",
                    List.of());
        }
        if (ctx.path().endsWith("/activate") && role != ApiKeys.Role.ADMIN) {
            throw new BadRequest(403, "activating a model needs an admin key", List.of());
        }
    }

    /** The route template, so that metrics have one series per route rather than per ticket or model id. */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException unmatched) {
            return "unmatched";
        }
    }

    /** Each item is parsed on its own: a bad item gets its own error and the rest are scored, in order. */
    private static List<Object> batch(Context ctx, ServingConfig config, ScoringService scoring, Explanation how) {
        JsonNode body = body(ctx);
        JsonNode items = body.get("tickets");
        if (!body.isObject() || items == null || !items.isArray()) {
            throw BadRequest.field("tickets", "is required: an array of score requests");
        }
        if (items.size() > config.maxBatch()) {
            throw new BadRequest(413, "a batch holds at most " + config.maxBatch() + " tickets, not " + items.size(),
                    List.of(new BadRequest.FieldError("tickets", "too many items")));
        }
        List<Object> out = new ArrayList<>(items.size());
        List<TicketJson.Request> good = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                good.add(TicketJson.request(items.get(i), "tickets[" + i + "]"));
                slots.add(i);
                out.add(null);
            } catch (BadRequest e) {
                out.add(problemBody(e.status(), e.getMessage(), e.errors()));
            }
        }
        List<ScoringService.Score> scored = scoring.score(good, requestId(ctx), reasons(ctx, config), how);
        for (int k = 0; k < scored.size(); k++) {
            out.set(slots.get(k), scored.get(k));
        }
        return out;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = ScoreJson.MAPPER.readTree(ctx.bodyAsBytes());
            if (n == null || n.isMissingNode()) {
                throw new BadRequest(400, "the request body is empty; send a JSON object", List.of());
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), List.of());
        } catch (java.io.IOException e) {
            throw new BadRequest(400, "cannot read the request body", List.of());
        }
    }

    private static List<Map<String, Object>> models(ActiveModel models) {
        Registry r = models.registry();
        ActiveModel.Loaded active = models.get();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Registry.Entry e : r.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("kind", e.manifest().kind());
            m.put("role", e.role());
            m.put("active", active != null && active.bundle().manifest().id().equals(e.id()));
            m.put("created_at", e.manifest().createdAt().toString());
            m.put("metrics", e.manifest().metrics());
            out.add(m);
        }
        return out;
    }

    private static void problem(Context ctx, int status, String detail, List<BadRequest.FieldError> errors) {
        ctx.status(status).contentType(PROBLEM).result(ScoreJson.bytes(g -> g.writeObject(problemBody(status, detail,
                errors))));
    }

    private static Map<String, Object> problemBody(int status, String detail, List<BadRequest.FieldError> errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", io.javalin.http.HttpStatus.forStatus(status).getMessage());
        p.put("status", status);
        p.put("detail", detail);
        if (!errors.isEmpty()) {
            p.put("errors", errors);
        }
        return p;
    }

    private static String openapi() {
        try (var in = SlacastServer.class.getResourceAsStream("openapi.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.yaml is missing from the serving jar", e);
        }
    }
}
