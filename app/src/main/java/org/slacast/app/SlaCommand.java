package org.slacast.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.TicketData;
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
            "", "Example:", "  slacast sla --data datasets/sample --policy datasets/sample/policy.yaml --out sla.csv"})
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

    /** Creates the command. */
    public SlaCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        if (policy == null) {
            throw new UsageException("Missing required option: '--policy=FILE'");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new org.slacast.core.BadInputException("--out " + out + ": the directory " + parent
                    + " does not exist; create it or write elsewhere");
        }
        TicketData d = source.load();
        PolicySet policies = PolicyFile.load(policy);
        SlaRun.Outcome outcome = new SlaRun().run(d, policies, asOf);
        SlaRun.write(out, outcome.results());
        SlaSummary s = SlaSummary.of(outcome);
        Path summaryFile = summary != null ? summary : siblingWithSuffix(out, ".summary.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), s);
        PrintWriter w = spec.commandLine().getOut();
        print(w, s);
        var rejects = new java.util.ArrayList<Reject>(d.rejects());
        rejects.addAll(outcome.rejects());
        if (!rejects.isEmpty()) {
            Path rf = siblingWithSuffix(out, ".rejects.csv");
            CsvFiles.writeRejects(rf, rejects);
            w.printf("%d rows left out, each with its reason in %s (first: %s)%n", rejects.size(), rf, rejects.getFirst());
        }
        if (d.duplicates() > 0) {
            w.printf("%d exact duplicate event rows dropped%n", d.duplicates());
        }
        w.printf("as of %s: %d tickets -> %s, summary -> %s%n", outcome.asOf(), outcome.results().size(), out,
                summaryFile);
        return 0;
    }

    static Path siblingWithSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(stem + suffix);
    }

    private static void print(PrintWriter w, SlaSummary s) {
        w.printf("%-16s %-9s %9s %9s %7s%n", "metric", "priority", "measured", "breached", "rate");
        for (Map.Entry<String, SlaSummary.MetricSummary> e : s.metrics().entrySet()) {
            e.getValue().byPriority().forEach((p, r) -> w.printf("%-16s %-9s %9d %9d %6.1f%%%n", e.getKey(), p,
                    r.measured(), r.breached(), 100 * r.rate()));
        }
        w.printf("%n%-16s %10s %10s %10s   (elapsed business minutes)%n", "metric", "p50", "p90", "p95");
        s.metrics().forEach((m, ms) -> w.printf("%-16s %10.1f %10.1f %10.1f%n", m, ms.p50Minutes(), ms.p90Minutes(),
                ms.p95Minutes()));
    }
}
