package org.slacast.app;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slacast.app.replay.DeskClient;
import org.slacast.app.replay.Replay;
import org.slacast.app.replay.ReplayTimeline;
import org.slacast.core.csv.TicketData;
import org.slacast.serving.ScoringApi;
import org.slacast.serving.ServingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slacast demo}: the main job end to end on embedded defaults, with no server to install. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Generate a bank's service desk (once), load it into an embedded desk store, train and evaluate the three models "
        + "on it against the baselines, write the report into the champion's bundle, then serve the champion over the "
        + "same store, with an embedded DuckDB prediction log. It "
        + "prints the URLs and a curl that works as printed; Ctrl-C stops it.",
    "By default the desk's last 14 days are held back and replayed into the running server, so the at-risk queue, "
        + "the alerts (to the demo's own receiver, logged in DIR/alerts.log) and the dashboard fill as you watch.",
    "", "Examples:", "  slacast demo            # everything under ./demo, on http://127.0.0.1:7070",
    "  slacast demo --live 3d --replay-speed 7200   # replay three days, two hours a second",
    "  slacast demo --live 0s  # serve the whole desk at once, nothing replayed"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "demo", paramLabel = "DIR",
            description = "Working directory (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--tickets", defaultValue = "10000", paramLabel = "N",
            description = "Tickets to simulate the first time (default: ${DEFAULT-VALUE}).")
    private int tickets;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--live", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "14d",
            description = {"Hold back the desk's last DURATION of arrivals (default: ${DEFAULT-VALUE}): train on what "
                + "came before, then replay the rest into the server while it serves, at --replay-speed, so the desk "
                + "fills as you watch. 0s replays nothing."})
    private Duration live;

    @Option(names = "--replay-speed", defaultValue = "3600", paramLabel = "N",
            description = "With --live: simulated seconds per second (default: ${DEFAULT-VALUE}, an hour a second).")
    private double replaySpeed;

    @Mixin
    private ServeOptions serve;

    /** Creates the command. */
    public DemoCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        Path data = dir.resolve("data");
        Path registry = dir.resolve("registry");
        if (!Files.isRegularFile(data.resolve("tickets.csv"))) {
            int code = step("generate", "--tickets", String.valueOf(tickets), "--seed", String.valueOf(seed),
                    "--profile", "banking-it", "--out", data.toString(), "--no-sla");
            if (code != 0) {
                return code;
            }
        }
        Instant from = null;
        String store = "jdbc:duckdb:" + dir.resolve("desk.duckdb");
        List<String> load = new ArrayList<>(List.of("store", "load", "--data", data.toString(), "--store", store));
        if (live.isPositive()) {
            TicketData d = TicketData.load(data);
            // The last arrivals, not the last event: a long-open ticket's late resolution would leave nothing new.
            from = d.tickets().stream().map(org.slacast.core.ticket.Ticket::createdAt).max(Instant::compareTo)
                    .orElseThrow().minus(live);
            // A store of its own, made afresh, so the held-back weeks arrive through the API as news.
            Path file = dir.resolve("desk-live.duckdb");
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("desk-live.duckdb.wal"));
            store = "jdbc:duckdb:" + file;
            load = new ArrayList<>(List.of("store", "load", "--data", data.toString(), "--store", store, "--until",
                    from.toString()));
        }
        int code = step(load.toArray(String[]::new));
        if (code != 0) {
            return code;
        }
        code = step("train", "--store", store, "--policy", data.resolve("policy.yaml").toString(), "--registry",
                registry.toString(), "--seed", String.valueOf(seed));
        if (code != 0) {
            return code;
        }
        try (DemoAlerts alerts = new DemoAlerts(dir, spec.commandLine().getOut())) {
            ServingConfig cfg = serve.apply(ServingConfig.defaults(registry, data.resolve("policy.yaml")))
                    .withLog("jdbc:duckdb:" + dir.resolve("predictions.duckdb")).withStore(store);
            // The replayed desk ages by its own clock; on the wall clock every replayed ticket would be overdue.
            ServingConfig.QueueSettings q = cfg.queue().alerts() != null ? cfg.queue()
                    : cfg.queue().withAlerts(alerts.rules(dir));
            cfg = cfg.withQueue(new ServingConfig.QueueSettings(from == null ? q.clock() : "desk", q.tick(), q.alerts(),
                    q.zone(), q.snapshots() != null ? q.snapshots() : dir.resolve("snapshots"), q.snapshotAt(),
                    q.cockpit() != null ? q.cockpit() : data));
            ScoringApi api = ScoringApi.start(cfg);
            if (from != null) {
                Instant start = from;
                Thread.ofPlatform().name("demo-replay").daemon(true).start(() -> replay(api.url(), data, start));
            }
            spec.commandLine().getOut().printf("alerts: %s logs them in %s%n", cfg.queue().alerts(), alerts.log());
            ServeCommand.serveUntilStopped(api, spec.commandLine().getOut());
        }
        return 0;
    }

    /** Replays the held-back weeks into the running server, saying so at the start, every tenth and the end. */
    private void replay(String url, Path data, Instant from) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            TicketData d = TicketData.load(data);
            // Up to the last arrival, not through the resolutions after it: the desk ends with tickets still open.
            Instant last = d.tickets().stream().map(org.slacast.core.ticket.Ticket::createdAt).max(Instant::compareTo)
                    .orElseThrow().plusMillis(1);
            ReplayTimeline timeline = new ReplayTimeline(d, from, last);
            long total = timeline.tickets() + (long) timeline.events();
            out.printf("replaying %,d tickets and %,d events from %s into %s at %.0fx%n", timeline.tickets(),
                    timeline.events(), from, url, replaySpeed);
            long[] said = {0};
            Replay.Summary s = Replay.run(timeline, new DeskClient(URI.create(url), serve.firstKey(),
                    Duration.ofSeconds(30)), new Replay.Options(1000, replaySpeed, false), r -> { }, done -> {
                        if (done * 10 / total > said[0]) {
                            said[0] = done * 10 / total;
                            out.printf("replay: %d%% (%,d of %,d)%n", said[0] * 10, done, total);
                        }
                    });
            out.printf("replay done: %,d tickets and %,d new events in %.0f s%n", s.tickets(), s.events(),
                    s.took().toNanos() / 1e9);
        } catch (RuntimeException e) {
            out.println("replay stopped: " + e.getMessage());
        }
    }

    /** Runs another command of this CLI with this command's output and error handling. */
    private int step(String... args) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Slacast.commandLine().setOut(out).setErr(err).execute(args);
    }
}
