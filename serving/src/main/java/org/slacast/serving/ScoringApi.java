package org.slacast.serving;

import io.javalin.Javalin;
import org.slacast.core.BadInputException;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicyIdentity;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.store.DeskStore;
import org.slacast.models.Registry;

/**
 * The running scoring API: builds every part from a {@link ServingConfig} (registry, policy, active and shadow
 * models, prediction log, metrics, scoring) and starts the server. {@link #close()} stops taking requests, lets
 * those in flight finish within the stop timeout, then flushes the prediction log.
 */
public final class ScoringApi implements AutoCloseable {
    private final ServingConfig config;
    private final Javalin server;
    private final PredictionLog log;
    private final LiveDesk desk;
    private final String activeId;
    private final ActiveModel models;
    private final QueueScheduler rescorer;
    private final AtRiskQueue queue;
    private final org.slacast.serving.alert.AlertDelivery delivery;
    private final DailySnapshots snapshots;

    private ScoringApi(ServingConfig config, Javalin server, PredictionLog log, LiveDesk desk, String activeId,
                       ActiveModel models, QueueScheduler rescorer, AtRiskQueue queue,
                       org.slacast.serving.alert.AlertDelivery delivery, DailySnapshots snapshots) {
        this.delivery = delivery;
        this.snapshots = snapshots;
        this.models = models;
        this.rescorer = rescorer;
        this.queue = queue;
        this.config = config;
        this.server = server;
        this.log = log;
        this.desk = desk;
        this.activeId = activeId;
    }

    /**
     * @param config the configuration
     * @return the started API
     * @throws BadInputException when the configuration cannot be served: no champion, an unusable model, a log
     *                           database that cannot be opened, an open API on a public address, a port in use
     */
    public static ScoringApi start(ServingConfig config) {
        if (config.keys().open() && !config.loopback() && !config.insecureNoAuth()) {
            throw new BadInputException("refusing to serve " + config.host() + " without API keys: set "
                    + "SLACAST_API_KEYS=KEY:score,KEY:admin, or pass --insecure-no-auth to open the API to anyone who "
                    + "can reach the port");
        }
        if (config.port() < 0 || config.port() > 65_535) {
            throw new BadInputException("--port " + config.port() + ": give a TCP port from 1 to 65535 (0 picks a "
                    + "free one)");
        }
        // Read first: a mistake in the rules file stops the start before anything is opened.
        org.slacast.serving.alert.AlertConfig alerts = config.queue().alerts() == null ? null
                : org.slacast.serving.alert.AlertConfig.load(config.queue().alerts(), System::getenv);
        Registry registry = new Registry(config.registry());
        PolicySet policies = PolicyFile.load(config.policy());
        ActiveModel models = new ActiveModel(registry, policies, PolicyIdentity.of(config.policy()),
                config.policyMismatch());
        String id = config.model() != null ? config.model() : registry.roles().champion();
        if (id == null) {
            throw new BadInputException(config.registry() + " has no champion; train a model first (slacast train)");
        }
        models.activate(id);
        String shadowId = !config.shadowEnabled() || config.logDb() == null ? null
                : config.shadow() != null ? config.shadow() : registry.roles().challenger();
        if (shadowId != null && !shadowId.equals(id)) {
            models.shadow(shadowId);
        }
        ServingMetrics metrics = new ServingMetrics(models::activeId);
        metrics.activated(id);
        PredictionLog log = config.logDb() == null ? null
                : new PredictionLog(config.logDb(), "predictions", config.limits().maxLogQueue());
        LiveDesk desk = null;
        QueueScheduler rescorer = null;
        org.slacast.serving.alert.AlertDelivery delivery = null;
        DailySnapshots snapshots = null;
        try {
            desk = new LiveDesk(DeskStore.open(config.store()), policies,
                    models.get().bundle().manifest().schema().metric(), config.desk());
            if (log != null) {
                if (config.logDb().startsWith("jdbc:duckdb:") && !log.reachable()) {
                    throw new BadInputException("--db " + config.logDb() + ": cannot open the DuckDB file; check that "
                            + "its directory exists and is writable");
                }
                metrics.bind(log);
            }
            ScoringService scoring = new ScoringService(models, config, log, desk);
            metrics.bind(desk.state());
            metrics.bindStore(desk::seen);
            metrics.bindWriter(desk);
            AtRiskQueue queue = new AtRiskQueue();
            rescorer = new QueueScheduler(desk, scoring, queue, QueueClock.parse(config.queue().clock(), desk::latest),
                    config.queue().tick(), config.desk().horizon());
            metrics.bindQueue(queue, rescorer);
            if (alerts != null) {
                var alertStore = new org.slacast.serving.alert.AlertStore(desk.store());
                delivery = new org.slacast.serving.alert.AlertDelivery(alertStore, alerts, metrics.registry());
                rescorer.listen(new org.slacast.serving.alert.AlertDispatcher(alerts, alertStore, delivery,
                        metrics.registry()));
                delivery.start();
            }
            rescorer.start();
            snapshots = config.queue().snapshots() == null ? null : new DailySnapshots(desk, scoring, queue,
                    config.queue().snapshots(), config.queue().snapshotAt(), config.queue().zone());
            Javalin server = SlacastServer.create(config, models, scoring, metrics, queue);
            try {
                server.start();
            } catch (RuntimeException e) {
                server.stop();
                throw new BadInputException("cannot listen on " + config.host() + ":" + config.port() + " ("
                        + rootMessage(e) + "); is the port in use? pick another with --port", e);
            }
            return new ScoringApi(config, server, log, desk, id, models, rescorer, queue, delivery, snapshots);
        } catch (RuntimeException e) {
            if (rescorer != null) {
                rescorer.close();
            }
            if (delivery != null) {
                delivery.close();
            }
            if (snapshots != null) {
                snapshots.close();
            }
            if (log != null) {
                log.close();
            }
            if (desk != null) {
                desk.close();
            }
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:7070} */
    public String url() {
        String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + (h.equals("0.0.0.0") ? "localhost" : h) + ":" + port();
    }

    /** @return the id of the model activated at start */
    public String activeId() {
        return activeId;
    }

    /** @return the policy warnings of the models loaded so far (see {@link ActiveModel#warnings()}) */
    public java.util.List<String> warnings() {
        return models.warnings();
    }

    /** @return the configuration */
    public ServingConfig config() {
        return config;
    }

    /** @return the at-risk queue, as the API and the dashboard read it */
    public QueueView queue() {
        return queue;
    }

    @Override
    public void close() {
        server.stop();
        rescorer.close();
        if (delivery != null) {
            delivery.close();
        }
        if (snapshots != null) {
            snapshots.close();
        }
        if (log != null) {
            log.close();
        }
        desk.close();
    }
}
