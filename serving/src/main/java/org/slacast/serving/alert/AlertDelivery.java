package org.slacast.serving.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert deliveries to their webhooks: claimed from the store, sent together, each signed with HMAC-SHA256
 * and carrying the alert's id as its idempotency key; a failure is retried with exponential backoff and, after
 * the last attempt, dead-lettered. A receiver may see an alert twice only if the server stops between its 2xx and
 * the store's record of it; the idempotency key lets it drop the second.
 */
public final class AlertDelivery implements AutoCloseable {
    /** The signature header: {@code t=UNIX-SECONDS,v1=HEX(HMAC-SHA256(secret, t + "." + body))}. */
    public static final String SIGNATURE = "X-Slacast-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
    /** Deliveries claimed per round: bounded, so one slow webhook holds back at most this many. */
    private static final int BATCH = 256;

    private final AlertStore store;
    private final AlertConfig config;
    private final HttpClient http;
    private final MeterRegistry metrics;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param store   the alert tables
     * @param config  the webhooks and how to retry
     * @param metrics where deliveries are counted and timed
     */
    public AlertDelivery(AlertStore store, AlertConfig config, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(config.delivery().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        io.micrometer.core.instrument.Gauge.builder("slacast_alert_pending_deliveries", pending::get)
                .description("Alert deliveries not yet made: waiting, retrying or in flight").register(metrics);
        io.micrometer.core.instrument.Gauge.builder("slacast_alert_dead_letters", dead::get)
                .description("Alert deliveries that failed every attempt, in the store's dead-letter table")
                .register(metrics);
        thread = Thread.ofPlatform().name("alert-delivery").daemon(true).unstarted(this::run);
    }

    /** Starts sending, beginning with whatever an earlier run left undelivered. */
    public void start() {
        thread.start();
    }

    /** Tells the sender that an alert fired, so it does not wait for its next look. */
    public void nudge() {
        wake.release();
    }

    private void run() {
        Instant lastPurge = Instant.EPOCH;
        while (running) {
            try {
                List<AlertStore.Delivery> due = store.claim(Instant.now(), lease(), BATCH);
                if (!due.isEmpty()) {
                    send(due);
                }
                pending.set(store.pending());
                dead.set(store.deadLetters());
                if (Instant.now().isAfter(lastPurge.plus(Duration.ofHours(1)))) {
                    store.forgetDelivered(Instant.now().minus(Duration.ofDays(30)));
                    lastPurge = Instant.now();
                }
                if (due.size() < BATCH) {
                    wake.tryAcquire(250, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("alerts: cannot deliver ({}); retrying", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** A claim outlives every attempt in flight: the timeout, twice over, and a margin. */
    private Duration lease() {
        return config.delivery().timeout().multipliedBy(2).plusSeconds(5);
    }

    private void send(List<AlertStore.Delivery> due) {
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (AlertStore.Delivery d : due) {
            AlertTarget t = config.targets().get(d.webhook());
            if (t == null) {
                sent.add(CompletableFuture.completedFuture("the rules file no longer names webhook '" + d.webhook()
                        + "'"));
                continue;
            }
            sent.add(http.sendAsync(request(t, d), HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode())
                    .exceptionally(e -> e.getCause() == null ? e.toString() : e.getCause().toString()));
        }
        List<AlertStore.Outcome> outcomes = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            outcomes.add(outcome(due.get(i), sent.get(i).join()));
        }
        Instant now = Instant.now();
        store.settle(outcomes, now);
        for (AlertStore.Outcome o : outcomes) {
            count(o, now);
        }
    }

    private HttpRequest request(AlertTarget t, AlertStore.Delivery d) {
        HttpRequest.Builder b = HttpRequest.newBuilder(t.url()).timeout(config.delivery().timeout())
                .header("Content-Type", "application/json").header("User-Agent", "slacast")
                .header("Idempotency-Key", d.alertId())
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8));
        if (t.secret() != null) {
            b.header(SIGNATURE, signature(t.secret(), Instant.now().getEpochSecond(), d.payload()));
        }
        return b.build();
    }

    /**
     * @param secret  the shared secret
     * @param seconds the signing time, in Unix seconds
     * @param body    the payload
     * @return the signature header's value
     */
    public static String signature(String secret, long seconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(h);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private AlertStore.Outcome outcome(AlertStore.Delivery d, String error) {
        if (error == null) {
            return new AlertStore.Outcome(d, null, null);
        }
        if (d.attempts() + 1 >= config.delivery().attempts()) {
            LOG.warn("alerts: delivery {} to {} failed {} times, last {}; dead-lettered", d.id(), d.webhook(),
                    d.attempts() + 1, error);
            return new AlertStore.Outcome(d, error, null);
        }
        return new AlertStore.Outcome(d, error, Instant.now().plus(config.delivery().backoff(d.attempts() + 1)));
    }

    private void count(AlertStore.Outcome o, Instant now) {
        AlertStore.Delivery d = o.delivery();
        String outcome = o.error() == null ? "delivered" : o.next() == null ? "dead" : "retried";
        Counter.builder("slacast_alert_deliveries").description("Alert delivery attempts, by outcome")
                .tag("webhook", d.webhook()).tag("outcome", outcome).register(metrics).increment();
        if (o.error() == null) {
            Timer.builder("slacast_alert_delivery_seconds").description("From an alert firing to its webhook "
                    + "taking it").tag("webhook", d.webhook()).publishPercentileHistogram().register(metrics)
                    .record(Duration.between(d.firedAt(), now));
        }
    }

    @Override
    public void close() {
        running = false;
        org.slacast.serving.Workers.stop(thread, 2000);
    }
}
