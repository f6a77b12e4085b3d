package org.slacast.serving;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /health}, {@code /ready}, {@code /metrics} and {@code /openapi.yaml}: public, for operators. */
final class OpsController {
    /** The hand-written OpenAPI document; a test checks it against the routes. */
    static final String OPENAPI = openapi();

    private final ActiveModel models;
    private final ScoringService scoring;
    private final ServingMetrics metrics;

    OpsController(ActiveModel models, ScoringService scoring, ServingMetrics metrics) {
        this.models = models;
        this.scoring = scoring;
        this.metrics = metrics;
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    /** Ready when a model is active and the prediction log is both reachable and making progress. */
    void ready(Context ctx) {
        ActiveModel.Loaded m = models.get();
        PredictionLog log = scoring.log();
        String problem = m == null ? "no model active"
                : log != null && !log.reachable() ? "prediction log database unreachable"
                : log != null && log.stalled() ? "prediction log is not making progress"
                : null;
        ctx.status(problem == null ? 200 : 503).json(problem != null ? Map.of("status", problem)
                : Map.of("status", "ready", "model", m.bundle().manifest().id()));
    }

    void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    void openapi(Context ctx) {
        ctx.contentType("application/yaml").result(OPENAPI);
    }

    private static String openapi() {
        try (InputStream in = OpsController.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the serving jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml cannot be read from the serving jar", e);
        }
    }
}
