package org.slacast.app;

import com.opencsv.ICSVWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.cost.Decision;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.models.Explanation;
import org.slacast.models.ModelBundle;
import org.slacast.models.PolicyCheck;
import org.slacast.models.RiskLevel;
import org.slacast.training.data.Example;
import org.slacast.training.data.ExampleBuilder;
import org.slacast.training.data.TicketOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slacast score}: batch scoring to CSV. */
@Command(name = "score", mixinStandardHelpOptions = true, description = {
    "Score tickets with a model and write ticket_id, breach_probability, risk_band, top_reasons and the cost "
        + "figures. By default every ticket is scored as it was at creation; --at event:K scores it just after its "
        + "K-th event, and --at snapshot:INSTANT scores the tickets still open at that instant as they stand then.",
    "With --history, the batch is scored on top of the desk it arrived at: the history features (queues, the "
        + "requester's and system's recent tickets, breach rates) count the history's tickets too.",
    "", "Examples:", "  slacast score --data data/bank --out scores.csv [--at snapshot:2025-03-01T09:00:00Z]",
    "  slacast score --data new-batch --history data/bank --out scores.csv"})
public final class ScoreCommand extends ModelCommand {
    @picocli.CommandLine.Mixin
    private ModelSource.Choice choice;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "scores.csv",
            description = "CSV to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--at", paramLabel = "WHEN", converter = ScoreMoment.Converter.class,
            description = {"When to score each ticket: creation (default), event:K (just after its K-th event, "
                + "not counting 'created'; tickets with fewer are left out) or snapshot:INSTANT (the tickets open "
                + "then; a date means its start, UTC)."})
    private ScoreMoment at;

    @Option(names = "--as-of", paramLabel = "INSTANT|DATE", converter = InstantConverter.class,
            description = "The same as --at snapshot:INSTANT.")
    private Instant asOf;

    @Option(names = "--history", paramLabel = "DIR|JDBC-URL", description = {"The desk before the batch: a native "
        + "directory or a desk store. A ticket in both takes the batch's attributes and both sets of events."})
    private String history;

    @Option(names = "--reasons", defaultValue = "3", paramLabel = "N",
            description = "Top reasons per ticket (default: ${DEFAULT-VALUE}).")
    private int reasons;

    @Option(names = "--explain", defaultValue = "path", paramLabel = "HOW",
            description = {"How reasons are computed: path (default; path attributions, microseconds) or shap "
                + "(exact TreeSHAP, milliseconds per ticket for tree models)."})
    private String explain;

    @Option(names = "--policy-mismatch", paramLabel = "refuse|warn", defaultValue = "refuse",
            description = {"When the model was trained under another policy file than --policy (name and content "
                + "hash in its manifest): refuse (default, exit 1) or warn and score anyway. A model from before "
                + "bundles recorded their policy is scored with a warning."})
    private String policyMismatch;

    /** Creates the command. */
    public ScoreCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        Explanation how;
        try {
            how = Explanation.parse(explain);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--explain: " + e.getMessage());
        }
        ScoreMoment when = moment();
        PolicyCheck.Mode mismatch = PolicyCheck.Mode.parse(policyMismatch);
        ModelBundle b = choice.bundle(models);
        var policies = models.policies(source);
        String warning = PolicyCheck.check(b.manifest(), models.policyIdentity(source), mismatch);
        if (warning != null) {
            spec.commandLine().getErr().println("slacast: warning: " + warning);
        }
        TicketData batch = source.load(policies.data());
        TicketData all = history == null ? batch : DeskHistory.under(DeskHistory.load(history, policies.data()), batch);
        Instant snapshot = when instanceof ScoreMoment.Snapshot(Instant i) ? i : null;
        TicketData data = snapshot == null ? all : upTo(all, snapshot);
        Instant end = snapshot != null ? snapshot : SlaClock.latestInstant(data.tickets(), data.events());
        ExampleBuilder builder = new ExampleBuilder(new FeatureExtractor(b.manifest().schema(), policies), policies,
                List.of(0.0));
        List<TicketOutcome> outcomes = builder.outcomes(data, b.manifest().schema().metric(), end);
        java.util.Set<String> scored = new java.util.HashSet<>();
        batch.tickets().forEach(t -> scored.add(t.id()));
        BarProgress progress = new BarProgress(System.err);
        progress.start("score", outcomes.size());
        List<Example> examples = builder.build(data, outcomes, o -> !scored.contains(o.ticket().id()) ? List.of()
                : when.instants(o.ticket().createdAt(), o.resolvedAt(), data.eventsOf(o.ticket().id())), 0,
                progress::stepTo);
        progress.finish();
        long flagged = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out); ICSVWriter csv = CsvFiles.writer(w)) {
            csv.writeNext(ScoreCsv.COLUMNS.toArray(String[]::new), false);
            for (Example e : examples) {
                double p = b.probability(e.x());
                Decision d = b.manifest().cost().decide(p, e.priority(), e.contract(), e.customer(), e.fraction());
                flagged += d.act() ? 1 : 0;
                csv.writeNext(ScoreCsv.row(e.ticketId(), e.at(), p, RiskLevel.of(p, b.manifest().threshold()).label(),
                        e.band().label(), e.dueAt(), d, b.reasons(e.x(), reasons, how)), false);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%,d tickets scored with %s -> %s; %,d recommended for intervention (expected saving above 0)%s%n",
                examples.size(), b.manifest().id(), out, flagged, history == null ? ""
                        : String.format("; history: %,d earlier tickets", all.tickets().size() - batch.tickets().size()));
        return 0;
    }

    private ScoreMoment moment() {
        if (at != null && asOf != null) {
            throw new UsageException("give --at or --as-of, not both (--as-of T is --at snapshot:T)");
        }
        return asOf != null ? new ScoreMoment.Snapshot(asOf) : at != null ? at : new ScoreMoment.Creation();
    }

    /** The data as it stood at an instant: later tickets and events are not yet known. */
    static TicketData upTo(TicketData d, Instant at) {
        List<org.slacast.core.ticket.Ticket> ts = d.tickets().stream().filter(t -> !t.createdAt().isAfter(at)).toList();
        Map<String, List<org.slacast.core.ticket.TicketEvent>> ev = new java.util.HashMap<>();
        for (var t : ts) {
            List<org.slacast.core.ticket.TicketEvent> known = new ArrayList<>();
            for (var e : d.eventsOf(t.id())) {
                if (!e.at().isAfter(at)) {
                    known.add(e);
                }
            }
            ev.put(t.id(), known);
        }
        return new TicketData(ts, ev, d.rejects(), d.duplicates(), d.clamped());
    }
}
