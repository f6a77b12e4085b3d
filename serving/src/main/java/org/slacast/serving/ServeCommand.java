package org.slacast.serving;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slacast.core.cli.CliErrors;
import org.slacast.core.policy.PolicyFile;
import org.slacast.models.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slacast serve}: the composition root of the HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
    "Serve the scoring API: POST /v1/score and /v1/score/batch, GET /v1/models, POST /v1/models/{id}/activate, "
        + "GET /health, /ready, /metrics and /openapi.yaml.",
    "", "Example:", "  slacast serve --registry demo/registry --policy demo/data/policy.yaml"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--registry", paramLabel = "DIR", defaultValue = "registry",
            description = "Model registry directory (default: ${DEFAULT-VALUE}).")
    private Path registry;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "SLA policy YAML file.")
    private Path policy;

    @Option(names = "--port", defaultValue = "7070", description = "TCP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--model", paramLabel = "ID", description = "Model to activate (default: the champion).")
    private String model;

    @Option(names = "--shadow", paramLabel = "ID",
            description = "Model scored in shadow: logged, never returned (default: the registry's challenger).")
    private String shadow;

    @Option(names = "--no-shadow", description = "Score no challenger in shadow.")
    private boolean noShadow;

    @Option(names = "--db", paramLabel = "JDBC-URL", defaultValue = "jdbc:duckdb:predictions.duckdb",
            description = {"Prediction log database (default: ${DEFAULT-VALUE}, embedded).",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres shares one log between replicas."})
    private String db;

    @Option(names = "--no-log", description = "Keep no prediction log (and so score no shadow, whose results only "
        + "go there).")
    private boolean noLog;

    /** Creates the command. */
    public ServeCommand() {
        // picocli fills the fields
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(CliErrors.install(new CommandLine(new ServeCommand())).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ServingConfig cfg = ServingConfig.defaults(registry, policy).withPort(port)
                .withKeys(ApiKeys.parse(System.getenv("SLACAST_API_KEYS")));
        if (cfg.keys().open()) {
            System.err.println("slacast: no API keys (SLACAST_API_KEYS=KEY:score,KEY:admin); the API is open to anyone "
                    + "who can reach the port");
        }
        Registry r = new Registry(registry);
        ActiveModel models = new ActiveModel(r, PolicyFile.load(policy));
        String id = model != null ? model : r.roles().champion();
        if (id == null) {
            throw new IllegalArgumentException(registry + " has no champion; train a model first (slacast train)");
        }
        models.activate(id);
        String shadowId = noShadow || noLog ? null : shadow != null ? shadow : r.roles().challenger();
        if (shadowId != null && !shadowId.equals(id)) {
            models.shadow(shadowId);
        }
        ServingMetrics metrics = new ServingMetrics(() -> models.activeId());
        metrics.activated(id);
        PredictionLog log = noLog ? null : new PredictionLog(db, "predictions", 100_000);
        if (log != null) {
            metrics.bind(log);
        } else {
            System.err.println("slacast: --no-log: scores are not logged, and no challenger is scored in shadow");
        }
        Javalin app = SlacastServer.create(cfg, models, new ScoringService(models, cfg.reasons(), log), metrics)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        // Stop Jetty on SIGTERM/Ctrl-C, letting requests in flight finish within the stop timeout, then flush the log.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            if (log != null) {
                log.close();
            }
            stopped.countDown();
        }, "slacast-shutdown"));
        String base = "http://localhost:" + app.port();
        System.out.printf("""
                slacast serving %s on %s
                  score:      POST %s/v1/score   (batch: /v1/score/batch)
                  models:     %s/v1/models
                  report:     %s/reports/%s
                  monitoring: %s/v1/monitoring   metrics: %s/metrics   API: %s/openapi.yaml
                try:
                  curl -s -X POST %s/v1/score -H 'Content-Type: application/json'%s \\
                    -d '{"ticket": {"id": "INC-1", "created_at": "2025-03-03T09:00:00Z", "priority": "critical", \
                "system": "Core Banking", "category": "Network"}}'
                Ctrl-C stops the server (requests in flight finish; the prediction log is flushed).
                """, id, base, base, base, base, id, base, base, base, base,
                cfg.keys().open() ? "" : " -H \"Authorization: Bearer $KEY\"");
        stopped.await();
        return 0;
    }
}
