package org.slacast.serving;

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
     * @param route  the route template, e.g. {@code /v1/models/{id}/activate}
     * @param method the HTTP method
     * @param status the response status
     * @param millis time spent
     */
    void request(String route, String method, int status, double millis) {
        // One timer per route, method and status, found without building a Meter.Id on every request.
        Timer t = timers.computeIfAbsent(route + ' ' + method + ' ' + status, k -> Timer.builder("http_server_requests")
                .description("HTTP requests by route, method and status").tag("route", route).tag("method", method)
                .tag("status", String.valueOf(status)).publishPercentileHistogram().register(registry));
        t.record((long) (millis * 1e6), TimeUnit.NANOSECONDS);
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
    }

    /** @return the Prometheus text exposition */
    String scrape() {
        return registry.scrape();
    }
}
