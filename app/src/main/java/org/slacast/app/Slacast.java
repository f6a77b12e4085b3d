package org.slacast.app;

import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code slacast}: the root command, the jar's entry point, and the one place where the CLI is composed. */
@Command(name = "slacast", mixinStandardHelpOptions = true, version = "slacast 0.1.0",
        description = "SLA-breach prediction for service desks.",
        subcommands = {SlaCommand.class, GenerateCommand.class, ImportCommand.class, TrainCommand.class,
            EvaluateCommand.class, ScoreCommand.class, ReportCommand.class, ModelsCommand.class, StoreCommand.class,
            ServeCommand.class, ReplayCommand.class, DemoCommand.class, SnapshotCommand.class, WhatIfCommand.class,
            ScenarioCommand.class, StaffingCommand.class, SegmentsCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad input, 2 bad usage, 3 internal error.",
            "Run 'slacast COMMAND --help' for a command's options."})
public final class Slacast {
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print a stack trace with any error.")
    boolean debug;

    private Slacast() {
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
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // picocli handles exceptions only; an exhausted heap must still end in one readable line.
            System.err.println("slacast: ran out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB heap); give more with SLACAST_JAVA_OPTS=-Xmx8g, or work on less data at once");
            code = CliErrors.INTERNAL;
        }
        System.exit(code);
    }

    /**
     * Runs a command.
     *
     * @param args the command line
     * @return the exit code: 0 success, 1 bad input, 2 bad usage, 3 internal error
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * Runs a command with its output captured, for tests and embedding.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the command line
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /** @return the whole command tree, with slacast's error handling */
    static CommandLine commandLine() {
        return CliErrors.install(new CommandLine(new Slacast()));
    }

    /** @return whether --debug was given anywhere on the command line */
    static boolean debug(CommandLine cmd) {
        CommandLine c = cmd;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        return c.getCommand() instanceof Slacast s && s.debug;
    }
}
