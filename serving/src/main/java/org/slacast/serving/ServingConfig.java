package org.slacast.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How the server runs. {@link #defaults(Path, Path)} gives safe defaults; the {@code with} methods change one
 * setting. Every bound that protects the server from a client is here, each with its default, and is documented
 * in SECURITY.md.
 *
 * @param host           interface to bind; 127.0.0.1 by default, 0.0.0.0 for every interface
 * @param port           TCP port; 0 picks a free one
 * @param registry       the model registry directory
 * @param policy         the SLA policy file
 * @param model          the model to activate, or null for the registry's champion
 * @param shadow         the model scored in shadow, or null for the registry's challenger
 * @param shadowEnabled  whether a challenger is scored in shadow at all
 * @param logDb          the prediction log's JDBC URL, or null to keep no log
 * @param keys           API keys; none means open, which only a loopback host or {@code insecureNoAuth} allows
 * @param insecureNoAuth serve without keys on a non-loopback host
 * @param reasons        reasons returned per score by default
 * @param stopTimeout    how long a stop lets in-flight requests finish
 * @param limits         what one request may ask of the server
 * @param desk           how much of the desk's history the server remembers
 * @param store          the desk store's JDBC URL: DuckDB embedded, or PostgreSQL shared by replicas
 * @param webhooks       webhook adapters by name, each an import mapping file: {@code POST /v1/webhooks/{name}}
 * @param policyMismatch what to do with a model trained under another policy file than {@code policy}: refuse
 *                       it (the default) or serve it with a warning
 * @param queue          how the at-risk queue keeps time
 */
public record ServingConfig(String host, int port, Path registry, Path policy, String model, String shadow,
                            boolean shadowEnabled, String logDb, ApiKeys keys, boolean insecureNoAuth, int reasons,
                            Duration stopTimeout, Limits limits, DeskLimits desk, String store,
                            java.util.Map<String, Path> webhooks,
                            org.slacast.models.PolicyCheck.Mode policyMismatch, QueueSettings queue) {
    /** Copies the webhooks. */
    public ServingConfig {
        webhooks = java.util.Map.copyOf(webhooks);
    }

    /**
     * What one request may ask of the server. A request past a bound gets a 4xx naming the field.
     *
     * @param maxBodyBytes   largest request body
     * @param maxBatch       most tickets in one batch
     * @param maxEvents      most events in one ticket
     * @param maxTextChars   longest string field
     * @param earliest       the earliest instant accepted in any timestamp
     * @param latest         the latest instant accepted in any timestamp
     * @param deadline       how long one request may compute before it is answered 503
     * @param maxLogQueue    prediction-log entries buffered before new ones are dropped and counted
     */
    public record Limits(long maxBodyBytes, int maxBatch, int maxEvents, int maxTextChars, Instant earliest,
                         Instant latest, Duration deadline, int maxLogQueue) {
        /** @return 16 MiB bodies, 10,000-ticket batches, 1,000 events, 10,000-character strings, 1970..2200, 10 s */
        public static Limits defaults() {
            return new Limits(16L << 20, 10_000, 1_000, 10_000, Instant.parse("1970-01-01T00:00:00Z"),
                    Instant.parse("2200-01-01T00:00:00Z"), Duration.ofSeconds(10), 100_000);
        }
    }

    /**
     * The desk's memory: tickets seen by the live server, kept for the history features.
     *
     * @param horizon    a ticket with no news for this long leaves the open queue; training uses 30 days, so
     *                   another value makes live features differ from training's
     * @param maxTickets most tickets remembered; the oldest go first
     * @param poll       how often the server reads what other replicas wrote to the store: every replica reaches
     *                   the same desk within this bound
     * @param maxPending most scored requests whose tickets wait to be written to the store; past it a scored
     *                   ticket is not remembered, and this is counted
     */
    public record DeskLimits(Duration horizon, int maxTickets, Duration poll, int maxPending) {
        /** @return 30 days, 200,000 tickets, polled every second, 10,000 pending writes */
        public static DeskLimits defaults() {
            return new DeskLimits(Duration.ofDays(30), 200_000, Duration.ofSeconds(1), 10_000);
        }
    }

    /**
     * @param registry the registry directory
     * @param policy   the policy file
     * @return 127.0.0.1:7070, the champion with the challenger in shadow, no log, no keys, 3 reasons, a 10 s stop
     *         timeout, the default limits, and a desk store in memory (the CLI's default is a DuckDB file)
     */
    public static ServingConfig defaults(Path registry, Path policy) {
        return new ServingConfig("127.0.0.1", 7070, registry, policy, null, null, true, null, ApiKeys.none(), false, 3,
                Duration.ofSeconds(10), Limits.defaults(), DeskLimits.defaults(), "jdbc:duckdb:",
                java.util.Map.of(), org.slacast.models.PolicyCheck.Mode.REFUSE, QueueSettings.defaults());
    }

    /** @param m what to do with a model trained under another policy; @return this config with it */
    public ServingConfig withPolicyMismatch(org.slacast.models.PolicyCheck.Mode m) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, limits, desk, store, webhooks, m, queue);
    }

    /** @param url the desk store's JDBC URL; @return this config with that store */
    public ServingConfig withStore(String url) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, limits, desk, url, webhooks, policyMismatch, queue);
    }

    /** @param h the interface; @return this config bound there */
    public ServingConfig withHost(String h) {
        return new ServingConfig(h, port, registry, policy, model, shadow, shadowEnabled, logDb, keys, insecureNoAuth,
                reasons, stopTimeout, limits, desk, store, webhooks, policyMismatch, queue);
    }

    /** @param p a port; @return this config on that port */
    public ServingConfig withPort(int p) {
        return new ServingConfig(host, p, registry, policy, model, shadow, shadowEnabled, logDb, keys, insecureNoAuth,
                reasons, stopTimeout, limits, desk, store, webhooks, policyMismatch, queue);
    }

    /**
     * @param active       the model to activate, or null for the champion
     * @param shadowModel  the shadow model, or null for the challenger
     * @param scoreShadow  whether to score a shadow at all
     * @return this config with those models
     */
    public ServingConfig withModels(String active, String shadowModel, boolean scoreShadow) {
        return new ServingConfig(host, port, registry, policy, active, shadowModel, scoreShadow, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, limits, desk, store, webhooks, policyMismatch, queue);
    }

    /** @param url the prediction log's JDBC URL, or null for none; @return this config with that log */
    public ServingConfig withLog(String url) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, url, keys, insecureNoAuth,
                reasons, stopTimeout, limits, desk, store, webhooks, policyMismatch, queue);
    }

    /**
     * @param k        API keys
     * @param noAuthOk whether an open API may listen beyond loopback
     * @return this config with those keys
     */
    public ServingConfig withKeys(ApiKeys k, boolean noAuthOk) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, k, noAuthOk,
                reasons, stopTimeout, limits, desk, store, webhooks, policyMismatch, queue);
    }

    /** @param l the request limits; @return this config with them */
    public ServingConfig withLimits(Limits l) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, l, desk, store, webhooks, policyMismatch, queue);
    }

    /** @param d the desk's memory; @return this config with it */
    public ServingConfig withDesk(DeskLimits d) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, limits, d, store, webhooks, policyMismatch, queue);
    }

    /** @param w webhook adapters by name, each an import mapping file; @return this config with them */
    public ServingConfig withWebhooks(java.util.Map<String, Path> w) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, limits, desk, store, w, policyMismatch, queue);
    }

    /** @param q how the at-risk queue keeps time; @return this config with it */
    public ServingConfig withQueue(QueueSettings q) {
        return new ServingConfig(host, port, registry, policy, model, shadow, shadowEnabled, logDb, keys,
                insecureNoAuth, reasons, stopTimeout, limits, desk, store, webhooks, policyMismatch, q);
    }

    /**
     * How the at-risk queue keeps time, and the early warnings it raises.
     *
     * @param clock  {@code wall}, for a live desk, or {@code desk}, for a replayed one whose clock is its latest event
     * @param tick   the longest the re-scorer waits between two looks at the clock: a band change is seen within it
     * @param alerts the alert rules file, or null for no alerts
     * @param zone   the zone whose days and hours the dashboard and the snapshots count
     * @param snapshots the directory daily snapshots go to, or null for none
     * @param snapshotAt the local time, in {@code zone}, after which the day before is written
     * @param cockpit the directory of the tables linked to tickets (root causes, business impact) the
     *                dashboard's cockpit reads, or null for none
     */
    public record QueueSettings(String clock, Duration tick, Path alerts, java.time.ZoneId zone, Path snapshots,
                                java.time.LocalTime snapshotAt, Path cockpit) {
        /** @return the wall clock, looked at every second, no alerts, UTC days, no snapshots (written at 00:05) */
        public static QueueSettings defaults() {
            return new QueueSettings("wall", Duration.ofSeconds(1), null, java.time.ZoneOffset.UTC, null,
                    java.time.LocalTime.of(0, 5), null);
        }

        /** @param file the alert rules file; @return these settings with it */
        public QueueSettings withAlerts(Path file) {
            return new QueueSettings(clock, tick, file, zone, snapshots, snapshotAt, cockpit);
        }

        /** @param c the clock, wall or desk; @return these settings with it */
        public QueueSettings withClock(String c) {
            return new QueueSettings(c, tick, alerts, zone, snapshots, snapshotAt, cockpit);
        }
    }

    /** @return whether the host is a loopback address, reachable only from this machine */
    public boolean loopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
