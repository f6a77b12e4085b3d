package org.slacast.serving;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import java.util.List;

/**
 * The HTTP API, assembled in one place: server settings, the API-key plugin, the routes through their controllers
 * with the role each needs, and the error mapping. {@link ScoringApi} builds the parts and starts it.
 */
public final class SlacastServer {
    /** Jetty's header cache per connection, in trie rows (Jetty's default is 1,024). */
    static final int HEADER_CACHE_ROWS = 256;

    private SlacastServer() {
    }

    /**
     * @param config  the configuration
     * @param models  the active model
     * @param scoring the scoring service
     * @param metrics the metrics
     * @param queue   the at-risk queue
     * @return the server, not started
     */
    public static Javalin create(ServingConfig config, ActiveModel models, ScoringService scoring,
                                 ServingMetrics metrics, QueueView queue) {
        OpsController ops = new OpsController(models, scoring, metrics);
        ModelController model = new ModelController(models, metrics);
        ScoreController score = new ScoreController(config, scoring, models, metrics);
        TicketController tickets = new TicketController(config, scoring, models, metrics);
        WebhookController webhooks = new WebhookController(config, scoring, metrics);
        QueueController atRisk = new QueueController(queue);
        var sessions = org.slacast.serving.dashboard.DashboardSessions.defaults();
        DashboardController dashboard = new DashboardController(config, queue, new HealthCache(scoring.desk(), scoring,
                queue, config.queue().zone(), java.time.Duration.ofSeconds(10), config.queue().cockpit() == null ? null
                : org.slacast.core.health.LinkedTables.load(config.queue().cockpit())), scoring, models, sessions);
        return Javalin.create(cfg -> {
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = config.limits().maxBodyBytes();
            cfg.http.compressionStrategy = textOnlyGzip();
            cfg.http.prefer405over404 = true;
            // Jetty's default stop timeout is 0, which cuts requests in flight.
            cfg.jetty.modifyServer(s -> s.setStopTimeout(config.stopTimeout().toMillis()));
            // Jetty's header cache of 1,024 trie rows takes about 93 KB per connection, and a burst of new
            // connections ages that through every young collection until it is tenured; a score request's cacheable
            // headers (Host, Content-Type, User-Agent, Accept, a key) fit in a quarter of it.
            cfg.jetty.modifyHttpConfiguration(h -> h.setHeaderCacheSize(HEADER_CACHE_ROWS));
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(new ApiKeyPlugin(k -> {
                k.keys = config.keys();
                k.sessions = sessions;
            }));
            cfg.requestLogger.http((ctx, ms) -> metrics.request(ctx, ms));
            Problems.install(cfg);

            cfg.routes.get("/health", ops::health);
            cfg.routes.get("/ready", ops::ready);
            cfg.routes.get("/metrics", ops::metrics);
            cfg.routes.get("/openapi.yaml", ops::openapi);
            cfg.routes.get("/reports/{id}", model::report);
            cfg.routes.get("/v1/models", model::list, ApiRole.SCORE);
            cfg.routes.post("/v1/models/{id}/activate", model::activate, ApiRole.ADMIN);
            cfg.routes.post("/v1/score", score::score, ApiRole.SCORE);
            cfg.routes.post("/v1/score/batch", score::batch, ApiRole.SCORE);
            cfg.routes.post("/v1/outcomes", score::outcome, ApiRole.SCORE);
            cfg.routes.get("/v1/monitoring", score::monitoring, ApiRole.SCORE);
            cfg.routes.post("/v1/events", tickets::events, ApiRole.SCORE);
            cfg.routes.get("/v1/tickets/{id}", tickets::ticket, ApiRole.SCORE);
            cfg.routes.get("/v1/tickets/{id}/score", tickets::score, ApiRole.SCORE);
            cfg.routes.post("/v1/webhooks/{name}", webhooks::receive, ApiRole.SCORE);
            cfg.routes.get("/v1/queue", atRisk::list, ApiRole.SCORE);
            cfg.routes.get("/dashboard", dashboard::queue, ApiRole.SCORE);
            cfg.routes.get("/dashboard/trends", dashboard::trends, ApiRole.SCORE);
            cfg.routes.get("/dashboard/teams", dashboard::teams, ApiRole.SCORE);
            cfg.routes.get("/dashboard/heatmap", dashboard::heatmap, ApiRole.SCORE);
            cfg.routes.get("/dashboard/model", dashboard::model, ApiRole.SCORE);
            cfg.routes.get("/dashboard/cockpit", dashboard::cockpit, ApiRole.SCORE);
            cfg.routes.get("/dashboard/login", dashboard::loginForm);
            cfg.routes.post("/dashboard/login", dashboard::login);
            cfg.routes.post("/dashboard/logout", dashboard::logout);
            cfg.routes.get("/dashboard/assets/{name}", dashboard::asset);
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
}
