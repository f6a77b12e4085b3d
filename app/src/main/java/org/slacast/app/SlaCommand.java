package org.slacast.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.ReadOptions;
import org.slacast.core.csv.Reject;
import org.slacast.core.stream.TicketStream;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast sla}: the SLA clock over native ticket and event files. */
@Command(name = "sla", mixinStandardHelpOptions = true, subcommands = ClassifyCommand.class,
        description = {"Compute every SLA metric of every ticket: target, elapsed and paused business minutes, due "
                + "instant, breach and band. Tickets come from native files or from SQL over JDBC (DuckDB, PostgreSQL). Writes one CSV row per ticket × metric and a JSON summary.",
            "", "Example:", "  slacast sla --data docs/examples --policy docs/examples/policy.yaml --out sla.csv "
                + "--stints stints.csv"})
public final class SlaCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private TicketSourceOptions source;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML file (required).")
    private Path policy;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "sla.csv",
            description = "Per-metric CSV to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Summary JSON to write (default: the --out name with .summary.json).")
    private Path summary;

    @Option(names = "--as-of", paramLabel = "INSTANT|DATE", converter = InstantConverter.class,
            description = "Read the clocks at this ISO-8601 instant, or a date's start in UTC (default: the latest "
                + "instant in the data).")
    private Instant asOf;

    @Option(names = "--stints", paramLabel = "FILE", description = "Also write one row per tier visit (stint) of "
            + "every OLA metric: tier, entered, left, business minutes, target, breached.")
    private Path stints;

    @Option(names = "--before-creation", paramLabel = "RULE", converter = BeforeCreationConverter.class,
            description = "Events dated before their ticket's created_at: reject (list them in the rejects file) or "
                + "clamp (move them to the creation instant, and count them). Default: the policy file's "
                + "data.before_creation, else reject.")
    private ReadOptions.BeforeCreation beforeCreation;

    @Option(names = "--zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Zone of timestamps written without an offset, in files and in timestamp columns of --jdbc "
                + "(default: the policy file's data.zone; without either, files need an offset and --jdbc "
                + "takes UTC).")
    private ZoneId zone;

    /** Creates the command. */
    public SlaCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        if (policy == null) {
            throw new UsageException("Missing required option: '--policy=FILE'");
        }
        source.required();
        writable("--out", out);
        if (stints != null) {
            writable("--stints", stints);
        }
        PolicySet policies = PolicyFile.load(policy);
        SlaRun.Streamed outcome;
        java.util.List<Reject> rejects;
        int duplicates;
        int clamped;
        try (TicketStream d = source.stream(policies.data().override(zone, beforeCreation));
             SlaRun.Output output = new SlaRun.Output(out, stints)) {
            outcome = new SlaRun().run(d, policies, asOf, output::add);
            rejects = new java.util.ArrayList<>(d.rejects());
            rejects.addAll(outcome.rejects());
            duplicates = d.duplicates();
            clamped = d.clamped();
        }
        SlaSummary s = outcome.summary();
        Path summaryFile = summary != null ? summary : siblingWithSuffix(out, ".summary.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), s);
        PrintWriter w = spec.commandLine().getOut();
        SlaTable.print(w, s);
        if (!rejects.isEmpty()) {
            Path rf = siblingWithSuffix(out, ".rejects.csv");
            CsvFiles.writeRejects(rf, rejects);
            w.printf("%d rows left out, each with its reason in %s (first: %s)%n", rejects.size(), rf, rejects.getFirst());
        }
        if (duplicates > 0) {
            w.printf("%d exact duplicate event rows dropped%n", duplicates);
        }
        if (clamped > 0) {
            w.printf("%d events dated before their ticket's creation moved to it (before_creation: clamp)%n",
                    clamped);
        }
        w.printf("as of %s: %d tickets -> %s, summary -> %s%s%n", outcome.asOf(), outcome.results(), out,
                summaryFile, stints == null ? "" : ", stints -> " + stints);
        return 0;
    }

    private static void writable(String flag, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new org.slacast.core.BadInputException(flag + " " + file + ": the directory " + parent
                    + " does not exist; create it or write elsewhere");
        }
    }

    static Path siblingWithSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(stem + suffix);
    }
}
