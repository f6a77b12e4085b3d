package org.slacast.serving.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slacast.serving.QueueListener;
import org.slacast.serving.QueueRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every re-scored ticket against the rules and fires each rule once per ticket: the first time a row
 * meets it, the alert and its deliveries are recorded in the store, which refuses a second for the same ticket and
 * rule, whichever replica or run tries. The alerts of one look at the clock are recorded in one transaction.
 */
public final class AlertDispatcher implements QueueListener {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** Alerts older than this concern tickets that left the desk: not read back at start. */
    private static final Duration REMEMBERED = Duration.ofDays(92);

    private final AlertConfig config;
    private final AlertStore store;
    private final AlertDelivery delivery;
    private final MeterRegistry metrics;
    /** Alerts known to be recorded, so a ticket re-scored costs no query per rule. */
    private final Set<String> fired = ConcurrentHashMap.newKeySet();
    /** Alerts of this round, by id: recorded together when the round ends. The re-scorer's thread's own. */
    private final Map<String, AlertStore.Firing> round = new LinkedHashMap<>();

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

    @Override
    public void rescored(QueueRow row) {
        for (AlertRule rule : config.rules()) {
            String id = Alert.id(row.ticketId(), rule.name());
            if (fired.contains(id) || round.containsKey(id) || !rule.matches(row)) {
                continue;
            }
            Alert a = Alert.of(rule, row, Instant.now());
            Map<String, String> payloads = new LinkedHashMap<>();
            for (String w : rule.webhooks()) {
                payloads.put(w, config.targets().get(w).template().render(a));
            }
            round.put(id, new AlertStore.Firing(a, payloads));
        }
    }

    @Override
    public void roundDone() {
        if (round.isEmpty()) {
            return;
        }
        List<AlertStore.Firing> firings = new ArrayList<>(round.values());
        round.clear();
        try {
            List<Alert> added = store.fire(firings);
            added.forEach(a -> counter(a.rule().name()).increment());
            firings.forEach(f -> fired.add(f.alert().id()));
            if (!added.isEmpty()) {
                delivery.nudge();
            }
        } catch (RuntimeException e) {
            // Not recorded: each ticket's next re-score tries again.
            LOG.warn("alerts: cannot record {} alerts ({})", firings.size(), e.getMessage());
        }
    }

    private Counter counter(String rule) {
        return Counter.builder("slacast_alerts_fired").description("Alerts fired, once per ticket and rule")
                .tag("rule", rule).register(metrics);
    }
}
