package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
    "", "Example:", "  slacast demo            # everything under ./demo, on http://127.0.0.1:7070"})
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
        String store = "jdbc:duckdb:" + dir.resolve("desk.duckdb");
        int code = step("store", "load", "--data", data.toString(), "--store", store);
        if (code != 0) {
            return code;
        }
        code = step("train", "--store", store, "--policy", data.resolve("policy.yaml").toString(), "--registry",
                registry.toString(), "--seed", String.valueOf(seed));
        if (code != 0) {
            return code;
        }
        ServingConfig cfg = serve.apply(ServingConfig.defaults(registry, data.resolve("policy.yaml")))
                .withLog("jdbc:duckdb:" + dir.resolve("predictions.duckdb")).withStore(store);
        ServeCommand.serveUntilStopped(ScoringApi.start(cfg), spec.commandLine().getOut());
        return 0;
    }

    /** Runs another command of this CLI with this command's output and error handling. */
    private int step(String... args) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Slacast.commandLine().setOut(out).setErr(err).execute(args);
    }
}
