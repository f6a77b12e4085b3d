package org.slacast.app;

import org.slacast.core.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.cost.CostFile;
import org.slacast.core.cost.CostModel;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Priority;
import org.slacast.models.ModelKind;
import org.slacast.models.ModelParameters;
import org.slacast.models.Registry;
import org.slacast.training.eval.DecisionSavings;
import org.slacast.training.eval.Evaluation;
import org.slacast.training.eval.ImpliedThreshold;
import org.slacast.training.label.LabelMode;
import org.slacast.training.desk.DeskAnalysis;
import org.slacast.training.desk.SegmentTests;
import org.slacast.training.pipeline.CheckpointChoice;
import org.slacast.training.pipeline.RollingOrigin;
import org.slacast.training.pipeline.TrainedModel;
import org.slacast.training.pipeline.TrainingOptions;
import org.slacast.training.pipeline.TrainingPipeline;
import org.slacast.training.report.Report;
import org.slacast.training.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slacast train}: features, time split, models, calibration, evaluation, bundles and the report. */
@Command(name = "train", mixinStandardHelpOptions = true, description = {
    "Train breach models on tickets and events: the Random Forest, logistic regression and gradient boosting, each "
        + "calibrated, with a cost-chosen threshold, judged on the latest tickets beside two baselines. Bundles go "
        + "into the registry with the report: in a new registry the best on validation at --choose-at (creation by "
        + "default) becomes champion and the runner-up challenger; otherwise the best becomes challenger. Outcomes "
        + "given in outcomes.csv beside the tickets are the label unless --label clock.",
    "", "Example:", "  slacast train --data data/bank"})
public final class TrainCommand extends ModelCommand {
    @Option(names = "--models", split = ",", paramLabel = "KIND",
            description = {"Models to fit: random-forest, logistic, gradient-boosting, lightgbm (default: "
                + "random-forest, logistic and gradient-boosting; on a desk of 15,000 tickets or more, lightgbm in "
                + "place of gradient-boosting, unless a --param tunes gradient-boosting)."})
    private List<String> kinds;

    @Option(names = "--target", defaultValue = "resolution", paramLabel = "METRIC",
            description = "Metric whose breach is predicted (default: ${DEFAULT-VALUE}).")
    private String target;

    @Option(names = "--checkpoints", split = ",", paramLabel = "FRACTION",
            description = "Fractions of the target at which examples are taken (default: 0,0.25,0.5,0.75).")
    private List<Double> checkpoints;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--max-train-examples", defaultValue = "200000", paramLabel = "N",
            description = "Fit on a seeded sample of at most N training examples (default: ${DEFAULT-VALUE}).")
    private int maxTrain;

    @Option(names = "--param", paramLabel = "KIND.NAME=VALUE",
            description = "A fitting parameter, e.g. random-forest.trees=300, logistic.epochs=10; an unknown name "
                    + "is refused with the kind's valid ones.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cost", paramLabel = "FILE",
            description = "Cost file: penalties per priority, contract and customer, the intervention's cost, its "
                    + "effectiveness by checkpoint and the desk's capacity (default: cost.yaml inside --data, if "
                    + "there is one; otherwise the defaults below). The flags below override it.")
    private Path costFile;

    @Option(names = "--penalty", paramLabel = "PRIORITY=COST",
            description = "Breach penalty per priority (default: critical=500 high=200 medium=50 low=10 planning=5).")
    private Map<String, Double> penalties = new LinkedHashMap<>();

    @Option(names = "--intervention-cost", paramLabel = "COST",
            description = "Cost of one intervention (default: 20).")
    private Double interventionCost;

    @Option(names = "--effectiveness", paramLabel = "SHARE",
            description = "Share of breaches an intervention prevents, at every checkpoint (default: 0.5).")
    private Double effectiveness;

    @Option(names = "--label", paramLabel = "given|clock",
            description = {"The label: given (the outcomes in outcomes.csv beside the tickets, as the import writes "
                + "from a mapped outcome column; tickets without one fall back to the clock) or clock (the breach "
                + "the SLA clock computes). Default: given when there is an outcomes.csv, otherwise clock."})
    private String label;

    @Option(names = "--choose-at", paramLabel = "creation|all|FRACTIONS", defaultValue = "creation",
            description = {"Checkpoints on which models are compared: the best there on validation becomes champion "
                + "of a new registry, and 'models promote' compares there. creation (default), all, or fractions "
                + "among --checkpoints, e.g. 0.25,0.5."})
    private String chooseAt;

    @Option(names = "--cv", paramLabel = "K", description = {"Before the fit, rolling-origin cross-validation: the "
        + "later half of the tickets in K blocks (2 to 10), each tested after training on everything before it; "
        + "reported with Student-t 95%% intervals."})
    private Integer cv;

    @Option(names = "--no-target-encoding", description = {"Leave out the categorical attributes' training breach "
        + "rates (target encoding; each training ticket gets the rate of the tickets created before it); their vocabulary codes stay."})
    private boolean noTargetEncoding;

    @Option(names = "--frequency-encoding", description = {"Also give each categorical attribute as its share of "
        + "the training tickets (count encoding), which keeps a long tail of rare values apart."})
    private boolean frequencyEncoding;

    @Option(names = "--text-buckets", paramLabel = "N", defaultValue = "16", description = {"Hash the subject's "
        + "words into N features, 0 to 1024 (default: ${DEFAULT-VALUE}); more buckets mean fewer collisions."})
    private int textBuckets;

    @Option(names = "--body-buckets", paramLabel = "N", defaultValue = "0", description = {"Hash the words of "
        + "the description as first written (its first 4,000 characters) into N features, 0 to 1024 (default: "
        + "${DEFAULT-VALUE}, none)."})
    private int bodyBuckets;

    @Option(names = "--fit-threads", paramLabel = "N", defaultValue = "3", description = {"Fit up to N model "
        + "kinds at the same time, 1 to 16 (default: ${DEFAULT-VALUE}). The models are the same either way; 1 "
        + "holds one kind's training sample in memory at a time."})
    private int fitThreads;

    @Option(names = "--no-report", description = "Do not write the report.")
    private boolean noReport;

    /** Creates the command. */
    public TrainCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        TrainingOptions o = options();
        models.registry().checkWritable(); // before minutes of fitting, not after
        var in = models.input(source, label == null ? null : LabelMode.parse(label));
        TicketData data = in.data();
        if (kinds == null) {
            o = o.withKinds(ModelKind.defaultsFor(data.tickets().size(), o.parameters().keySet()));
        }
        BarProgress progress = new BarProgress(System.err);
        RollingOrigin folds = cv == null ? null : RollingOrigin.run(o, in, cv, progress);
        TrainingPipeline.Result r = new TrainingPipeline(o).run(in, progress);
        progress.finish();
        Registry registry = models.registry();
        List<String> ids = new ArrayList<>();
        for (TrainedModel m : r.models()) {
            ids.add(registry.store(m.bundle()).manifest().id());
        }
        Registry.Roles before = registry.roles();
        if (before.champion() == null) {
            // A new registry: the best on validation serves, the runner-up is scored against it.
            registry.promote(ids.getFirst(), true);
            if (ids.size() > 1) {
                registry.setChallenger(ids.get(1));
            }
        } else {
            registry.setChallenger(ids.getFirst());
        }
        Registry.Roles roles = registry.roles();
        PrintWriter out = spec.commandLine().getOut();
        if (!data.rejects().isEmpty()) {
            out.printf("%d input rows left out (first: %s)%n", data.rejects().size(), data.rejects().getFirst());
        }
        out.printf("%d tickets with a known outcome, %d examples; trained on %s .. %s, tested on tickets from %s%n",
                r.provenance().tickets(), r.provenance().examples(), r.split().first(), r.split().trainEnd(),
                r.split().validEnd());
        out.println(r.labelling().summary());
        printChoice(out, r);
        printTable(out, r);
        if (folds != null) {
            printFolds(out, folds, cv);
        }
        if (!noReport) {
            Report report = Report.of(r, roles.champion(), roles.challenger(), o.checkpoints()).withCv(folds)
                    .withDesk(DeskAnalysis.of(in.data(), in.policies(), r.labelling().outcomes().stream()
                            .filter(t -> t.label() >= 0).map(t -> new SegmentTests.Case(t.ticket(), t.label() == 1))
                            .toList(), o.cost(), roster()));
            ReportFiles.write(report, ids.stream().map(registry::path).toList());
            out.printf("report: %s%n", registry.path(ids.getFirst()).resolve(ReportFiles.HTML));
        }
        out.printf("registry %s: champion %s, challenger %s%n", registry.dir(), roles.champion(),
                roles.challenger() == null ? "none" : roles.challenger());
        return 0;
    }

    static void printTable(PrintWriter out, TrainingPipeline.Result r) {
        out.printf("%n%-44s %8s %8s %8s %8s %7s %6s %10s %19s %7s%n", "model (test slice)", "ROC-AUC", "PR-AUC",
                "Brier", "ECE", "lift10", "acted", "savings", "95% interval", "ROI");
        for (TrainedModel m : r.models()) {
            row(out, m.bundle().manifest().id(), m.test());
        }
        for (Evaluation b : r.baselines()) {
            row(out, b.name(), b);
        }
        if (r.decisions() != null && r.decisions().versusPriority() != null) {
            double[] v = r.decisions().versusPriority();
            out.printf("%n%s saves %.0f more than the priority baseline (paired 95%% interval %.0f .. %.0f)%n",
                    r.decisions().model(), v[0], v[1], v[2]);
        }
        if (!r.models().isEmpty()) {
            out.printf("%nActing on a ticket at creation pays when p x penalty x effectiveness > cost, that is above:"
                    + "%n");
            for (ImpliedThreshold t : ImpliedThreshold.of(r.models().getFirst().bundle().manifest().cost())) {
                out.printf("  %-9s %-22s penalty %6.0f x %.2f: %s%n", t.priority().label(),
                        t.contract() == null ? "any contract" : "contract " + t.contract(), t.penalty(),
                        t.effectiveness(), t.label());
            }
        }
    }

    static void printFolds(PrintWriter out, RollingOrigin folds, int k) {
        out.printf("%nrolling-origin cross-validation, %d folds (each block of the later half tested after training on "
                + "everything before it): mean [95%% interval]%n", k);
        out.printf("%-26s %-24s %-24s %-24s %s%n", "model", "ROC-AUC", "ROC-AUC at creation", "Brier", "net savings");
        java.util.Map<String, java.util.Map<String, RollingOrigin.Summary>> by = new java.util.LinkedHashMap<>();
        folds.summary().forEach(s -> by.computeIfAbsent(s.model(), x -> new java.util.HashMap<>()).put(s.measure(), s));
        by.forEach((model, m) -> out.printf("%-26s %-24s %-24s %-24s %s%n", model, cell(m, "roc_auc"),
                cell(m, "roc_auc_at_creation"), cell(m, "brier"), cell(m, "net_savings")));
    }

    private static String cell(java.util.Map<String, RollingOrigin.Summary> m, String measure) {
        RollingOrigin.Summary s = m.get(measure);
        return s == null ? "-" : s.text();
    }

    /** @return agents.csv beside the tickets, for the report's staffing gap, or null */
    private org.slacast.training.desk.Roster roster() {
        Path agents = source.dataDir() == null ? null : source.dataDir().resolve("agents.csv");
        return agents != null && Files.isRegularFile(agents) ? org.slacast.training.desk.Roster.load(agents) : null;
    }

    /** Which model is first at the compared checkpoints, and which would be over all of them. */
    static void printChoice(PrintWriter out, TrainingPipeline.Result r) {
        if (r.models().isEmpty()) {
            return;
        }
        TrainedModel first = r.models().getFirst();
        out.printf("models compared at checkpoints '%s': first %s (validation ROC-AUC %.4f there)", r.chosenAt().label(),
                first.bundle().manifest().id(), first.validation().rocAuc());
        if (r.bestOverAll() != null && !r.bestOverAll().equals(first.bundle().manifest().id())) {
            out.printf("; over all checkpoints %s would be first", r.bestOverAll());
        }
        out.println();
    }

    static void row(PrintWriter out, String name, Evaluation e) {
        DecisionSavings s = e.savings();
        out.printf("%-44s %8.4f %8.4f %8.4f %8.4f %7.2f %6d %10.0f %19s %7.2f%n", name, e.overall().rocAuc(),
                e.overall().prAuc(), e.overall().brier(), e.overall().ece(), e.overall().liftTop10(),
                s.interventions(), s.netSavings(), String.format("[%.0f, %.0f]", s.savingsLow(), s.savingsHigh()),
                s.roi());
    }

    private TrainingOptions options() {
        TrainingOptions d = TrainingOptions.defaults();
        List<ModelKind> ks = kinds == null ? d.kinds() : kinds.stream().map(ModelKind::parse).distinct().toList();
        Map<ModelKind, ModelParameters> p = parameters();
        CostFile.Settings settings = costSettings();
        CostModel cost = settings.cost();
        if (maxTrain < 100) {
            throw new BadInputException("--max-train-examples must be at least 100, not " + maxTrain);
        }
        List<Double> cps = checkpoints == null ? d.checkpoints() : checkpoints;
        for (double f : cps) {
            if (!(f >= 0 && f < 1)) {
                throw new BadInputException("--checkpoints: " + f + " is not a fraction in [0, 1)");
            }
        }
        if (textBuckets < 0 || textBuckets > 1024) {
            throw new BadInputException("--text-buckets must be between 0 and 1024, not " + textBuckets);
        }
        if (fitThreads < 1 || fitThreads > 16) {
            throw new BadInputException("--fit-threads must be between 1 and 16, not " + fitThreads);
        }
        if (bodyBuckets < 0 || bodyBuckets > 1024) {
            throw new BadInputException("--body-buckets must be between 0 and 1024, not " + bodyBuckets);
        }
        return new TrainingOptions(Metric.parse(target), cps, d.trainFraction(), d.validFraction(), ks, p, seed,
                maxTrain, textBuckets, bodyBuckets, cost, settings.capacity(), d.leakSample(),
                CheckpointChoice.parse(chooseAt, cps), new FeatureSchema.Encodings(!noTargetEncoding,
                        frequencyEncoding), fitThreads);
    }

    /** The cost file (given, or cost.yaml beside the data), then the flags over it. */
    CostFile.Settings costSettings() {
        Path file = costFile;
        if (file == null && source.dataDir() != null && Files.isRegularFile(source.dataDir().resolve("cost.yaml"))) {
            file = source.dataDir().resolve("cost.yaml");
        }
        CostFile.Settings s = file == null ? new CostFile.Settings(CostModel.defaults(), null) : CostFile.load(file);
        CostModel c = s.cost();
        Map<Priority, Double> pen = new EnumMap<>(c.penalties());
        penalties.forEach((k, v) -> pen.put(Priority.parse(k), v));
        double unit = interventionCost == null ? c.interventionCost() : interventionCost;
        double eff = effectiveness == null ? c.effectiveness() : effectiveness;
        // A single --effectiveness replaces the file's steps: one share throughout.
        var steps = effectiveness == null ? c.effectivenessSteps() : java.util.List.<CostModel.EffectivenessStep>of();
        return new CostFile.Settings(new CostModel(pen, unit, eff, c.contracts(), c.customers(), steps),
                s.capacity());
    }

    /** The --param pairs, grouped by kind, each group parsed (and checked) as that kind's parameters. */
    private Map<ModelKind, ModelParameters> parameters() {
        Map<ModelKind, Map<String, String>> byKind = new EnumMap<>(ModelKind.class);
        params.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot < 0) {
                throw new BadInputException("--param " + k + "=" + v + ": write KIND.NAME=VALUE, e.g. "
                        + "random-forest.trees=300");
            }
            ModelKind kind;
            try {
                kind = ModelKind.parse(k.substring(0, dot));
            } catch (BadInputException e) {
                throw new BadInputException("--param " + k + "=" + v + ": " + e.getMessage(), e);
            }
            byKind.computeIfAbsent(kind, x -> new LinkedHashMap<>()).put(k.substring(dot + 1), v);
        });
        Map<ModelKind, ModelParameters> out = new EnumMap<>(ModelKind.class);
        byKind.forEach((kind, values) -> {
            try {
                out.put(kind, ModelParameters.parse(kind, values));
            } catch (BadInputException e) {
                // The parser names the parameter (random-forest.tress=300); say where it came from.
                throw new BadInputException("--param " + e.getMessage(), e);
            }
        });
        return out;
    }
}
