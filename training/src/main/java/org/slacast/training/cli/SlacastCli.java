package org.slacast.training.cli;

import org.slacast.core.cli.CliErrors;
import org.slacast.core.cli.SlaCommand;
import org.slacast.datasets.cli.GenerateCommand;
import org.slacast.datasets.cli.ImportCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code slacast}: the composition root of the batch commands. The {@code serve} command lives in the serving
 * module, which nothing else depends on; the {@code ./slacast} launcher routes to it.
 */
@Command(name = "slacast", mixinStandardHelpOptions = true, version = "slacast 0.1.0",
        description = "SLA-breach prediction for service desks.",
        subcommands = {SlaCommand.class, GenerateCommand.class, ImportCommand.class, TrainCommand.class,
            EvaluateCommand.class, ScoreCommand.class, ReportCommand.class, ModelsCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run './slacast COMMAND --help' for a command's options."})
public final class SlacastCli {
    private SlacastCli() {
    }

    /**
     * Runs a command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Tribuo logs through java.util.logging, at INFO for every fit; route it to logback, which keeps libraries to WARN.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        try {
            System.exit(run(args));
        } catch (OutOfMemoryError e) {
            // picocli handles exceptions only; an exhausted heap must still end in one readable line.
            System.err.println("slacast: ran out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB heap); give more with SLACAST_JAVA_OPTS=-Xmx8g, or work on less data at once");
            System.exit(CliErrors.INTERNAL);
        }
    }

    /**
     * Runs a command.
     *
     * @param args the command line
     * @return the exit code: 0 success, 1 bad input, 2 bad usage, 3 internal error
     */
    public static int run(String... args) {
        return CliErrors.install(new CommandLine(new SlacastCli())).execute(args);
    }

    /**
     * Runs a command with its output captured, for tests and embedding.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the command line
     * @return the exit code
     */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = CliErrors.install(new CommandLine(new SlacastCli()));
        cli.setOut(out).setErr(err);
        return cli.execute(args);
    }
}
