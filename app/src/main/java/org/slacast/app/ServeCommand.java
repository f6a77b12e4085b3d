package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slacast.serving.ScoringApi;
import org.slacast.serving.ServingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast serve}: the HTTP scoring API. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
    "Serve the scoring API: POST /v1/score and /v1/score/batch, POST /v1/events, GET /v1/tickets/{id} and "
        + "/v1/tickets/{id}/score, POST /v1/webhooks/{name}, GET /v1/models, POST /v1/models/{id}/activate, "
        + "POST /v1/outcomes, GET /v1/monitoring, /health, /ready, /metrics, /openapi.yaml and /reports/{id}.",
    "", "Example:", "  slacast serve --registry demo/registry --policy demo/data/policy.yaml"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--registry", paramLabel = "DIR", defaultValue = "registry",
            description = "Model registry directory (default: ${DEFAULT-VALUE}).")
    private Path registry;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "SLA policy YAML file.")
    private Path policy;

    @Option(names = "--model", paramLabel = "ID", description = "Model to activate (default: the champion).")
    private String model;

    @ArgGroup(exclusive = true)
    private Shadow shadow = new Shadow();

    /** The shadow challenger: a chosen one, or none. */
    static final class Shadow {
        @Option(names = "--shadow", paramLabel = "ID",
                description = "Model scored in shadow: logged, never returned (default: the registry's challenger).")
        String id;

        @Option(names = "--no-shadow", description = "Score no challenger in shadow.")
        boolean none;
    }

    @ArgGroup(exclusive = true)
    private Log log = new Log();

    /** The prediction log: a database, or none. */
    static final class Log {
        @Option(names = "--db", paramLabel = "JDBC-URL", defaultValue = "jdbc:duckdb:predictions.duckdb",
                description = {"Prediction log database (default: ${DEFAULT-VALUE}, embedded).",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres shares one log between replicas."})
        String db = "jdbc:duckdb:predictions.duckdb";

        @Option(names = "--no-log", description = "Keep no prediction log (and so score no shadow, whose results "
                + "only go there).")
        boolean none;
    }

    @Option(names = "--store", paramLabel = "JDBC-URL", defaultValue = "jdbc:duckdb:desk.duckdb",
            description = {"The desk store: every ticket and event the server receives, and the history its "
                + "features read (default: ${DEFAULT-VALUE}, embedded).",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres is shared by replicas."})
    private String store;

    @Mixin
    private ServeOptions serve;

    /** Creates the command. */
    public ServeCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        ServingConfig cfg = serve.apply(ServingConfig.defaults(registry, policy))
                .withModels(model, shadow.id, !shadow.none).withLog(log.none ? null : log.db).withStore(store);
        PrintWriter out = spec.commandLine().getOut();
        if (cfg.keys().open()) {
            spec.commandLine().getErr().println("slacast: no API keys (SLACAST_API_KEYS=KEY:score,KEY:admin); the API "
                    + "is open to anyone who can reach " + cfg.host() + ":" + cfg.port());
        }
        if (log.none) {
            spec.commandLine().getErr().println("slacast: --no-log: scores are not logged, and no challenger is "
                    + "scored in shadow");
        }
        ScoringApi api = ScoringApi.start(cfg);
        api.warnings().forEach(w -> spec.commandLine().getErr().println("slacast: warning: " + w));
        serveUntilStopped(api, out);
        return 0;
    }

    /**
     * Prints where the API is and a request that works as printed, then waits for SIGTERM or Ctrl-C (or, in a
     * test, an interrupt). Requests in flight finish within the stop timeout; the prediction log is flushed.
     *
     * @param api the started API
     * @param out where to print
     * @throws InterruptedException never: an interrupt stops the API and returns
     */
    static void serveUntilStopped(ScoringApi api, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            api.close();
            stopped.countDown();
        }, "slacast-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String base = api.url();
        out.printf("""
                slacast serving %s on %s
                  score:      POST %s/v1/score   (batch: /v1/score/batch)
                  models:     %s/v1/models
                  report:     %s/reports/%s
                  monitoring: %s/v1/monitoring   metrics: %s/metrics   API: %s/openapi.yaml
                  at risk:    %s/v1/queue   dashboard: %s/dashboard
                try:
                  curl -s -X POST %s/v1/score -H 'Content-Type: application/json'%s \\
                    -d '{"ticket": {"id": "INC-1", "created_at": "2025-03-03T09:00:00Z", "priority": "critical", \
                "system": "Core Banking", "category": "Network"}}'
                Ctrl-C stops the server (requests in flight finish; the prediction log is flushed).
                """, api.activeId(), base, base, base, base, api.activeId(), base, base, base, base, base, base,
                api.config().keys().open() ? "" : " -H \"Authorization: Bearer $KEY\"");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            api.close();
        }
    }
}
