package org.slacast.serving;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prometheus metrics through Micrometer, bound by hand (Javalin's Micrometer plugin is not on Maven Central):
 * requests and latencies by route, method and status; scored tickets; which model is active.
 */
public final class ServingMetrics {
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter scored;
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Supplier<String> activeModel;

    /** @param activeModel the active model's id, or null */
    public ServingMetrics(Supplier<String> activeModel) {
        this.activeModel = activeModel;
        this.scored = Counter.builder("slacast_tickets_scored").description("Tickets scored").register(registry);
    }

    /**
     * Records a request under its route template, e.g. {@code /v1/models/{id}/activate}. A path that matched no
     * route, and a method outside the standard ones, fold into one label each, so that no client can add series.
     *
     * @param ctx    the request
     * @param millis time spent
     */
    void request(Context ctx, float millis) {
        // The servlet's method string: Javalin's ctx.method() resolves its enum lazily, and that showed as 12% of
        // the server's CPU under the scoring benchmark.
        String method = ctx.req().getMethod();
        request(route(ctx), STANDARD_METHODS.contains(method) ? method : "OTHER", ctx.statusCode(), millis);
    }

    private void request(String route, String method, int status, double millis) {
        // One timer per route, method and status, found without building a Meter.Id on every request.
        Timer t = timers.computeIfAbsent(route + ' ' + method + ' ' + status, k -> Timer.builder("http_server_requests")
                .description("HTTP requests by route, method and status").tag("route", route).tag("method", method)
                .tag("status", String.valueOf(status)).publishPercentileHistogram().register(registry));
        t.record((long) (millis * 1e6), TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException unmatched) {
            return "unmatched";
        }
    }

    /** @param n tickets scored by one request */
    void scored(int n) {
        scored.increment(n);
    }

    /** @param id a model that became active; its gauge reads 1 while it is */
    void activated(String id) {
        if (models.add(id)) {
            Gauge.builder("slacast_model_active", () -> id.equals(activeModel.get()) ? 1 : 0)
                    .description("1 for the model that scores").tag("model", id).register(registry);
        }
    }

    /** @param log the prediction log whose queue depth and drops are reported */
    void bind(PredictionLog log) {
        Gauge.builder("slacast_prediction_log_queue_depth", log::depth).description("Log entries waiting")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("slacast_prediction_log_dropped", log,
                PredictionLog::dropped).description("Log entries dropped because the queue was full").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("slacast_prediction_log_written", log,
                PredictionLog::written).description("Log entries written").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("slacast_prediction_log_rejected", log,
                PredictionLog::rejected).description("Log entries the database refused, each logged with its request "
                + "id").register(registry);
    }

    /**
     * @param tickets    tickets stored by one ingestion
     * @param events     new events stored
     * @param duplicates events sent again
     * @param rejected   items refused
     */
    void ingested(int tickets, int events, int duplicates, int rejected) {
        registry.counter("slacast_ingested_tickets").increment(tickets);
        registry.counter("slacast_ingested_events").increment(events);
        registry.counter("slacast_ingested_duplicates").increment(duplicates);
        registry.counter("slacast_ingested_rejected").increment(rejected);
    }

    /** @param desk the live desk, whose open queue and expired tickets are reported */
    void bind(org.slacast.core.feature.DeskState desk) {
        Gauge.builder("slacast_desk_open_tickets", desk::openTickets).description("Tickets in the live open queue")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("slacast_desk_expired_tickets", desk,
                org.slacast.core.feature.DeskState::expiredTickets).description("Tickets that left the open queue "
                + "unresolved, past the open horizon or the bound").register(registry);
    }

    /**
     * @param desk the live desk, whose writer's queue and losses are reported; held by the server, since a
     *             function counter holds what it reads only weakly
     */
    void bindWriter(LiveDesk desk) {
        Gauge.builder("slacast_desk_pending_writes", desk::pendingWrites)
                .description("Scored requests whose tickets wait to be written to the desk store").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("slacast_desk_unremembered", desk,
                d -> (double) d.unremembered()).description("Scored requests whose tickets were not remembered: the "
                + "write queue was full (--desk-max-pending)").register(registry);
    }

    /** @param seen the store sequence number the desk has followed to, so replicas' lag can be watched */
    void bindStore(java.util.function.LongSupplier seen) {
        Gauge.builder("slacast_desk_store_sequence", () -> (double) seen.getAsLong())
                .description("The desk store's sequence number this server's desk has followed to").register(registry);
    }

    /**
     * @param queue    the at-risk queue
     * @param rescorer what re-scores it; held by the server, since a function counter holds it only weakly
     */
    void bindQueue(QueueView queue, QueueScheduler rescorer) {
        Gauge.builder("slacast_queue_open_tickets", queue::open).description("Open tickets in the at-risk queue")
                .register(registry);
        Gauge.builder("slacast_queue_clock_seconds", () -> queue.clock().toEpochMilli() / 1000.0)
                .description("The instant the at-risk queue has re-scored up to, in epoch seconds").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("slacast_queue_rescored", rescorer,
                r -> (double) r.rescored()).description("Tickets re-scored for the at-risk queue").register(registry);
    }

    /** @return the registry, for the parts that count their own events (alert delivery) */
    io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** @return the Prometheus text exposition */
    String scrape() {
        return registry.scrape();
    }
}
