package org.slacast.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.slacast.core.BadInputException;
import picocli.CommandLine;

/**
 * How every slacast command reports failure: one line, {@code slacast: <what went wrong and what to do>}, and an
 * exit code chosen by the exception's type alone: 1 for input that cannot be used ({@link BadInputException},
 * files that cannot be read or written), 2 for bad usage (a parse error or a {@link UsageException}), 3 for
 * anything else, which is slacast's own fault. A stack trace is printed only with {@code --debug}.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {
    /** Exit code for input that cannot be used (files, values). */
    static final int BAD_INPUT = 1;
    /** Exit code for wrong flags or arguments. */
    static final int BAD_USAGE = 2;
    /** Exit code for a failure that is slacast's fault. */
    static final int INTERNAL = 3;

    /**
     * Installs the handlers on a command line.
     *
     * @param cli the command line
     * @return the same command line
     */
    static CommandLine install(CommandLine cli) {
        CliErrors h = new CliErrors();
        return cli.setExecutionExceptionHandler(h).setParameterExceptionHandler(h).setExitCodeExceptionMapper(h);
    }

    @Override
    public int getExitCode(Throwable t) {
        return switch (t) {
            case BadInputException e -> BAD_INPUT;
            case UncheckedIOException e -> BAD_INPUT;
            case IOException e -> BAD_INPUT;
            case UsageException e -> BAD_USAGE;
            case CommandLine.ParameterException e -> BAD_USAGE;
            default -> INTERNAL;
        };
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (Slacast.debug(cmd)) {
            ex.printStackTrace(cmd.getErr());
        }
        int code = getExitCode(ex);
        cmd.getErr().println("slacast: " + message(ex, code, cmd));
        return code;
    }

    private static String message(Throwable t, int code, CommandLine cmd) {
        return switch (t) {
            case UncheckedIOException u when u.getCause() != null -> u.getMessage() + ": " + io(u.getCause());
            case IOException e -> io(e);
            case UsageException e -> e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
            default -> code == INTERNAL ? "internal error (" + t + "); rerun with --debug and report it"
                    : t.getMessage();
        };
    }

    /** File-system errors carry only a path as their message; say what happened to it. */
    private static String io(IOException e) {
        return switch (e) {
            case NoSuchFileException f -> f.getFile() + ": no such file or directory"
                    + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
            case AccessDeniedException f -> f.getFile() + ": permission denied";
            case FileAlreadyExistsException f -> f.getFile() + ": already exists";
            case NotDirectoryException f -> f.getFile() + ": not a directory";
            case FileSystemException f -> f.getFile() + ": " + (f.getReason() == null ? "cannot be used" : f.getReason());
            default -> e.getMessage();
        };
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("slacast: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        return BAD_USAGE;
    }
}
