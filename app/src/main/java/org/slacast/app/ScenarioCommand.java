package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.training.desk.HistoryChange;
import org.slacast.training.desk.Scenario;
import org.slacast.training.desk.StageDecomposition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast scenario}: where a real desk's time goes, and what a change would have done to its breaches. */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = {
    "Recompute every ticket's SLA clock under a change to the desk's history or to its reporting, against the "
        + "desk as it was: eligible cases, breaches avoided per metric and priority, business hours saved and the "
        + "p95 of resolution. No simulator: the figures are the data's own.",
    "It also decomposes the time until resolution and until first response into the statuses it was spent in "
        + "(p50, p90, p95 per tier and category, and the stage that drives the slowest 5%%), and proposes the "
        + "stages worth shortening first.",
    "", "Examples:",
    "  slacast scenario --data demo/data --policy demo/data/policy.yaml --faster awaiting_parts=20%%",
    "  slacast scenario --data demo/data --policy demo/data/policy.yaml --pause awaiting_change --drop-reopens 25%%"})
public final class ScenarioCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private DeskSource source;

    @Option(names = "--faster", paramLabel = "STATUS=SHARE", description = {"Take a share of the business time "
        + "spent in a status away; what follows happens that much sooner, e.g. awaiting_parts=20%%. Repeatable."})
    private List<String> faster = new ArrayList<>();

    @Option(names = "--pause", paramLabel = "STATUS", description = {"Report with the clocks paused in a status "
        + "(a reporting definition, e.g. pending_customer). Repeatable."})
    private List<String> pause = new ArrayList<>();

    @Option(names = "--drop-reopens", paramLabel = "SHARE", description = {"Take the reopens of a share of the "
        + "reopened tickets away: they end at their first resolution, e.g. 25%%."})
    private String dropReopens;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Fixes which tickets --drop-reopens chooses (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--propose", defaultValue = "20%", paramLabel = "SHARE", description = {"Proposals: each "
        + "stage the clocks run in made faster by this share, best first (default: ${DEFAULT-VALUE})."})
    private String propose;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N",
            description = "Proposals to show; 0 for none (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--out", paramLabel = "DIR", description = {"Also write stages.csv and scenarios.csv here."})
    private Path out;

    /** Creates the command. */
    public ScenarioCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        if (top < 0 || top > 100) {
            throw new UsageException("--top " + top + ": give 0 to 100");
        }
        TicketData data = source.load();
        Scenario.Desk desk = source.desk(data);
        List<HistoryChange> changes = new ArrayList<>();
        faster.forEach(f -> changes.add(HistoryChange.Faster.parse(f)));
        pause.forEach(p -> changes.add(new HistoryChange.Pause(p)));
        if (dropReopens != null) {
            changes.add(HistoryChange.DropReopens.of(dropReopens, data.events(), seed));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%,d tickets, every clock read at %s%n", data.tickets().size(), desk.asOf());
        var times = desk.stages();
        List<StageDecomposition> stages = new ArrayList<>();
        for (Metric m : Scenario.METRICS) {
            StageDecomposition d = StageDecomposition.of(times, m, desk::paused);
            stages.add(d);
            ScenarioTable.stages(w, d);
        }
        List<Scenario> runs = new ArrayList<>();
        for (HistoryChange c : changes) {
            runs.add(desk.run(c));
        }
        if (!runs.isEmpty()) {
            w.printf("%nEach change against the desk as it was%n");
            ScenarioTable.scenarios(w, runs);
        }
        List<Scenario> proposals = top == 0 ? List.of()
                : desk.proposals(HistoryChange.parseShare("--propose " + propose, propose), top);
        if (!proposals.isEmpty()) {
            w.printf("%nStages worth shortening first (each %s faster)%n", propose);
            ScenarioTable.scenarios(w, proposals);
        }
        if (out != null) {
            write(stages, runs, proposals);
        }
        return 0;
    }

    private void write(List<StageDecomposition> stages, List<Scenario> runs, List<Scenario> proposals) {
        CsvFiles.write(out.resolve("stages.csv"), csv -> ScenarioTable.stagesCsv(csv, stages));
        CsvFiles.write(out.resolve("scenarios.csv"), csv -> ScenarioTable.scenariosCsv(csv, runs, proposals));
        spec.commandLine().getOut().println("tables -> " + out.resolve("stages.csv") + ", "
                + out.resolve("scenarios.csv"));
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
