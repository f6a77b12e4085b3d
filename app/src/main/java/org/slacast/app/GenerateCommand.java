package org.slacast.app;

import org.slacast.core.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.stream.TicketStream;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;
import org.slacast.datasets.generate.DatasetWriter;
import org.slacast.datasets.generate.DeskSimulation;
import org.slacast.datasets.generate.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast generate}: a simulated service desk's tickets and event logs. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Simulate a service desk (arrivals, shifts, tiered queues, escalations, pauses, reopens, "
                + "outage storms) and write its tickets and events in the native format, with agents, root causes, "
                + "business impact and the profile's SLA policy. The same seed gives byte-identical files.", "",
            "Example:", "  slacast generate --tickets 10000 --seed 42 --profile banking-it --out data/bank"})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tickets", defaultValue = "10000", paramLabel = "N",
            description = "Tickets to generate (default: ${DEFAULT-VALUE}).")
    private int tickets;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--profile", defaultValue = "banking-it", paramLabel = "P",
            description = "banking-it or saas-support (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--store", paramLabel = "JDBC-URL", description = "Also load what was written into this desk "
            + "store (jdbc:duckdb:FILE or jdbc:postgresql://...).")
    private String store;

    @Option(names = "--start", defaultValue = "2025-01-06", paramLabel = "DATE",
            description = "First day of the simulation, in the desk's zone (default: ${DEFAULT-VALUE}).")
    private LocalDate start;

    @Option(names = "--no-sla", description = "Skip the SLA summary at the end.")
    private boolean noSla;

    /** Creates the command. */
    public GenerateCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        if (tickets < 1) {
            throw new BadInputException("--tickets must be at least 1, not " + tickets);
        }
        Profile p = Profile.named(profile);
        long t0 = System.nanoTime();
        Files.createDirectories(out);
        try (DatasetWriter w = new DatasetWriter(out);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(tickets)
                     .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                     .setUpdateIntervalMillis(250).build()) {
            DeskSimulation sim = new DeskSimulation(p, tickets, seed, w);
            sim.run(start.atStartOfDay(p.zone()).toInstant(), bar::stepTo);
            DatasetWriter.writeAgents(out, sim.agents());
            Files.writeString(out.resolve("policy.yaml"), p.policyYaml());
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%d tickets, %d events -> %s (%.1f s)%n", w.tickets(), w.events(), out,
                    (System.nanoTime() - t0) / 1e9);
        }
        if (!noSla) {
            SlaSummary s; // streamed, as 'sla' reads: the summary needs no reading kept
            try (TicketStream d = TicketStream.open(out, org.slacast.core.csv.ReadOptions.STRICT)) {
                s = new SlaRun().run(d, PolicyFile.load(out.resolve("policy.yaml")), null, t -> { }).summary();
            }
            PrintWriter o = spec.commandLine().getOut();
            s.metrics().forEach((m, ms) -> o.printf("%-16s breach rate %5.1f%%  %s%n", m, 100 * ms.breachRate(),
                    ms.byPriority().entrySet().stream().map(e -> e.getKey() + " " + Math.round(100 * e.getValue().rate()) + "%")
                            .toList()));
        }
        if (store != null) {
            int[] n = StoreCommand.load(org.slacast.core.csv.TicketData.load(out), store, null);
            spec.commandLine().getOut().printf("%,d tickets and %,d new events -> %s%n", n[0], n[1],
                    org.slacast.core.csv.JdbcRows.redacted(store));
        }
        return 0;
    }
}
