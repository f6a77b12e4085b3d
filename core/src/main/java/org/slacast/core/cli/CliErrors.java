package org.slacast.core.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * How every slacast command reports failure: one line, {@code slacast: <what went wrong and what to do>}, exit
 * code 2 for bad usage and 1 for bad input. A stack trace is printed only with SLACAST_DEBUG=1.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** Exit code for input that cannot be used (files, values). */
    public static final int BAD_INPUT = 1;
    /** Exit code for wrong flags or arguments. */
    public static final int BAD_USAGE = 2;
    /** Exit code for a failure that is slacast's fault. */
    public static final int INTERNAL = 3;

    /**
     * Installs the handlers on a command line.
     *
     * @param cli the command line
     * @return the same command line
     */
    public static CommandLine install(CommandLine cli) {
        CliErrors h = new CliErrors();
        return cli.setExecutionExceptionHandler(h).setParameterExceptionHandler(h);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (System.getenv("SLACAST_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        Throwable t = ex;
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            cmd.getErr().println("slacast: " + u.getMessage() + ": " + u.getCause().getMessage());
            return BAD_INPUT;
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t.getClass().getName().startsWith("org.slacast") || t instanceof java.io.IOException) {
            cmd.getErr().println("slacast: " + t.getMessage());
            return BAD_INPUT;
        }
        cmd.getErr().println("slacast: internal error (" + t + "); rerun with SLACAST_DEBUG=1 and report it");
        return INTERNAL;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("slacast: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        return BAD_USAGE;
    }
}
