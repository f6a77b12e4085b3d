package org.slacast.serving.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slacast.serving.QueueRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every re-scored ticket against the rules and fires each rule once per ticket: the first time a row
 * meets it, the alert and its deliveries are recorded in the store, which refuses a second for the same ticket and
 * rule, whichever replica or run tries.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** Alerts older than this concern tickets that left the desk: not read back at start. */
    private static final Duration REMEMBERED = Duration.ofDays(92);

    private final AlertConfig config;
    private final AlertStore store;
    private final AlertDelivery delivery;
    private final MeterRegistry metrics;
    /** Alerts known to be recorded, so a ticket re-scored costs no query per rule. */
    private final Set<String> fired = ConcurrentHashMap.newKeySet();

    /**
     * @param config   the rules and webhooks
     * @param store    the alert tables
     * @param delivery the sender, nudged when an alert fires
     * @param metrics  where alerts are counted
     */
    public AlertDispatcher(AlertConfig config, AlertStore store, AlertDelivery delivery, MeterRegistry metrics) {
        this.config = config;
        this.store = store;
        this.delivery = delivery;
        this.metrics = metrics;
        fired.addAll(store.firedSince(Instant.now().minus(REMEMBERED)));
        config.rules().forEach(r -> counter(r.name()));
    }

    /** @param row a ticket just re-scored */
    public void consider(QueueRow row) {
        for (AlertRule rule : config.rules()) {
            String id = Alert.id(row.ticketId(), rule.name());
            if (fired.contains(id) || !rule.matches(row)) {
                continue;
            }
            Alert a = Alert.of(rule, row, Instant.now());
            Map<String, String> payloads = new LinkedHashMap<>();
            for (String w : rule.webhooks()) {
                payloads.put(w, config.targets().get(w).template().render(a));
            }
            try {
                if (store.fire(a, payloads)) {
                    counter(rule.name()).increment();
                    delivery.nudge();
                }
                fired.add(id);
            } catch (RuntimeException e) {
                // Not recorded: the ticket's next re-score tries again.
                LOG.warn("alerts: cannot record {} for {} ({})", rule.name(), row.ticketId(), e.getMessage());
            }
        }
    }

    private Counter counter(String rule) {
        return Counter.builder("slacast_alerts_fired").description("Alerts fired, once per ticket and rule")
                .tag("rule", rule).register(metrics);
    }
}
