package org.slacast.training.pipeline;

import org.slacast.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.Feature;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.models.BreachModel;
import org.slacast.models.BundleManifest;
import org.slacast.models.Calibrator;
import org.slacast.models.FeatureDistribution;
import org.slacast.models.ModelBundle;
import org.slacast.models.ModelKind;
import org.slacast.models.ModelParameters;
import org.slacast.models.Provenance;
import org.slacast.models.TrainingSet;
import org.slacast.training.data.Example;
import org.slacast.training.data.ExampleBuilder;
import org.slacast.training.data.TicketOutcome;
import org.slacast.training.data.TimeSplit;
import org.slacast.training.eval.Baseline;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.eval.CostThreshold;
import org.slacast.training.eval.DecisionAnalysis;
import org.slacast.training.eval.Evaluation;
import org.slacast.training.label.Labelling;
import org.slacast.training.report.DeskFacts;

/**
 * From tickets to evaluated bundles: outcomes, a split by time, vocabularies from the training tickets only,
 * examples at checkpoints (leak-checked), a fit per model kind, calibration and a cost threshold chosen on
 * validation, and evaluation on test beside two baselines.
 */
public final class TrainingPipeline {
    private final TrainingOptions options;

    /** @param options what to train */
    public TrainingPipeline(TrainingOptions options) {
        this.options = options;
    }

    /**
     * Everything one training run produced.
     *
     * @param models      the trained models, best on validation at the chosen checkpoints first
     * @param baselines   the baselines on the same test examples
     * @param split       the time split
     * @param facts       descriptive facts about the data
     * @param provenance  the data's fingerprint
     * @param decisions   the best model's decision figures on test, or null without a model
     * @param labelling   the labels used, and how often the clock agrees with given ones
     * @param chosenAt    the checkpoints the models were compared on
     * @param bestOverAll the model that would have been first on validation over all checkpoints, or null
     */
    public record Result(List<TrainedModel> models, List<Evaluation> baselines, TimeSplit split, DeskFacts facts,
                         Provenance provenance, DecisionAnalysis decisions, Labelling labelling,
                         CheckpointChoice chosenAt, String bestOverAll) {
    }

    /**
     * @param data     tickets and events
     * @param policies SLA policies
     * @param source   where the data came from, for provenance
     * @param progress progress reporting
     * @return the result, labelled by the clock; nothing is written yet
     */
    public Result run(TicketData data, PolicySet policies, String source, Progress progress) {
        return run(TrainingInput.ofClock(data, policies, source), progress);
    }

    /**
     * @param in       the tickets, policy and given outcomes
     * @param progress progress reporting
     * @return the result; nothing is written yet
     */
    public Result run(TrainingInput in, Progress progress) {
        TicketData data = in.data();
        PolicySet policies = in.policies();
        Instant asOf = SlaClock.latestInstant(data.tickets(), data.events());
        FeatureSchema draft = FeatureSchema.fit(List.of(), options.target(), options.textBuckets());
        ExampleBuilder probe = new ExampleBuilder(new FeatureExtractor(draft, policies), policies, options.checkpoints());
        Labelling labelling = Labelling.of(probe.outcomes(data, options.target(), asOf), in.given(), in.label());
        List<TicketOutcome> outcomes = labelling.outcomes();
        List<TicketOutcome> labelled = outcomes.stream().filter(o -> o.label() >= 0).toList();
        TimeSplit split = TimeSplit.of(labelled.stream().map(o -> o.ticket().createdAt()).toList(),
                options.trainFraction(), options.validFraction());
        List<Ticket> trainTickets = labelled.stream().map(TicketOutcome::ticket)
                .filter(t -> split.part(t.createdAt()) == TimeSplit.Part.TRAIN).toList();
        Map<String, Integer> trainLabels = new java.util.HashMap<>();
        labelled.stream().filter(o -> split.part(o.ticket().createdAt()) == TimeSplit.Part.TRAIN)
                .forEach(o -> trainLabels.put(o.ticket().id(), o.label()));
        FeatureSchema schema = FeatureSchema.fit(trainTickets, trainLabels, options.target(), options.textBuckets(),
                options.encodings()).withBodyBuckets(options.bodyBuckets());
        FeatureExtractor extractor = new FeatureExtractor(schema, policies);
        ExampleBuilder builder = new ExampleBuilder(extractor, policies, options.checkpoints());
        ExampleSet set = ExampleSet.build(builder, data, outcomes, asOf, options.leakSample(), progress);
        Slices slices = Slices.of(set.labelled(), split);
        List<Example> train = slices.train();
        OrderedEncoding.apply(schema, trainTickets, trainLabels, train);
        if (slices.valid().isEmpty() || slices.test().isEmpty() || train.stream().mapToInt(Example::label).sum() == 0) {
            throw new BadInputException("the data has too few tickets, or no breaches among the training "
                    + "tickets; give more data (slacast generate --tickets 10000 makes enough)");
        }
        List<Feature.Kind> kinds = extractor.features().stream().map(Feature::kind).toList();
        List<Example> shuffled = shuffled(train);
        Provenance provenance = provenance(in.source(), labelled, set.examples().size());
        List<FeatureDistribution> distributions = distributions(schema,
                set(shuffled.subList(0, Math.min(shuffled.size(), options.maxTrainExamples())), schema, kinds));
        // What every bundle of the run shares: schema, data, window, policy, labels and the moment compared on.
        BundleManifest common = BundleManifest.builder().schema(schema).provenance(provenance).cost(options.cost())
                .testFrom(split.validEnd()).testTo(split.last()).distributions(distributions).policy(in.policy())
                .labels(labelling.source()).chosenAt(options.chooseAt().label())
                .checkpoints(options.checkpoints()).build();
        Map<String, double[]> probabilities = new ConcurrentHashMap<>();
        List<TrainedModel> models = fitAll(common, shuffled, kinds, slices, probabilities, progress);
        String bestOverAll = bestOverAll(models);
        models.sort(Comparator.comparingDouble((TrainedModel t) -> -nanToZero(t.validation().rocAuc())));
        List<Evaluation> baselines = baselines(slices);
        DecisionAnalysis decisions = models.isEmpty() ? null : DecisionAnalysis.of(models.getFirst().test(),
                baselines.getFirst(), slices.test(), probabilities.get(models.getFirst().bundle().manifest().id()),
                options.cost(), options.capacity());
        return new Result(models, baselines, split, DeskFacts.of(data, outcomes, policies), provenance,
                decisions, labelling, options.chooseAt(), bestOverAll);
    }

    private List<Evaluation> baselines(Slices slices) {
        List<Evaluation> out = new ArrayList<>();
        for (Baseline b : List.of(Baseline.priority(slices.train()), Baseline.band(slices.train()))) {
            CostThreshold c = chooseThreshold(slices.valid(), b.predict(slices.valid()));
            out.add(Evaluation.of(b.name(), slices.test(), b.predict(slices.test()), c.threshold(), c.curve(),
                    options.cost()));
        }
        return out;
    }

    /** The model first on validation over every checkpoint: the report says when the choice differs from it. */
    private static String bestOverAll(List<TrainedModel> models) {
        return models.stream().max(Comparator.comparingDouble((TrainedModel t) ->
                nanToZero(moment(t, "all").validation().rocAuc()))).map(t -> t.bundle().manifest().id()).orElse(null);
    }

    /** The labelled examples of each part of the split. */
    private record Slices(List<Example> train, List<Example> valid, List<Example> test) {
        static Slices of(List<Example> labelled, TimeSplit split) {
            List<Example> train = new ArrayList<>();
            List<Example> valid = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (Example e : labelled) {
                switch (split.part(e.createdAt())) {
                    case TRAIN -> train.add(e);
                    case VALIDATION -> valid.add(e);
                    case TEST -> test.add(e);
                }
            }
            return new Slices(train, valid, test);
        }
    }

    /**
     * Fits every kind, up to {@link TrainingOptions#fitThreads()} at a time, each on a platform thread of its own
     * (the forest's trees go to the common pool, as Smile does it). Every fit is seeded on its own thread, so the
     * models do not depend on how the fits overlap. The list keeps the order of the kinds.
     */
    private List<TrainedModel> fitAll(BundleManifest common, List<Example> shuffled, List<Feature.Kind> kinds,
                                      Slices slices, Map<String, double[]> probabilities, Progress progress) {
        List<ModelKind> toFit = options.kinds();
        progress.start("fit " + String.join(", ", toFit.stream().map(ModelKind::label).toList()), 3L * toFit.size());
        AtomicLong done = new AtomicLong();
        Runnable step = () -> {
            synchronized (done) {
                progress.stepTo(done.incrementAndGet());
            }
        };
        List<TrainedModel> out = new ArrayList<>();
        int threads = Math.min(options.fitThreads(), toFit.size());
        if (threads <= 1) {
            for (ModelKind kind : toFit) {
                out.add(fit(kind, common, shuffled, kinds, slices, probabilities, step));
            }
        } else {
            try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                    Thread.ofPlatform().name("fit-", 1).factory())) {
                List<Future<TrainedModel>> fits = toFit.stream().map(kind -> pool.submit(() ->
                        fit(kind, common, shuffled, kinds, slices, probabilities, step))).toList();
                for (Future<TrainedModel> f : fits) {
                    out.add(result(f, pool));
                }
            }
        }
        progress.finish();
        return out;
    }

    /** A fit's model, or its own exception: a bad-input error stays one. */
    private static TrainedModel result(Future<TrainedModel> fit, ExecutorService pool) {
        try {
            return fit.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        }
    }

    /** Fits, calibrates and judges one kind; its validation metrics are those at the chosen checkpoints. */
    private TrainedModel fit(ModelKind kind, BundleManifest common, List<Example> shuffled, List<Feature.Kind> kinds,
                             Slices slices, Map<String, double[]> probabilities, Runnable step) {
        List<Example> valid = slices.valid();
        List<Example> test = slices.test();
        long t0 = System.nanoTime();
        ModelParameters fitting = options.parametersOf(kind);
        // Boosting's default max_examples (60,000) is lower: its trees grow one after another.
        int cap = fitting.exampleCap(options.maxTrainExamples());
        TrainingSet fitSet = set(shuffled.subList(0, Math.min(shuffled.size(), cap)), common.schema(), kinds);
        BreachModel model = kind.fit(fitSet, set(valid, common.schema(), kinds), fitting, options.seed());
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        step.run();
        double[] rawValid = scores(model, valid);
        Calibrator cal = Calibrator.choose(rawValid, labels(valid));
        double[] pValid = apply(cal, rawValid);
        CostThreshold chosen = chooseThreshold(valid, pValid);
        step.run();
        double[] pTest = apply(cal, scores(model, test));
        String id = id(kind, common.provenance());
        probabilities.put(id, pTest);
        Evaluation eval = Evaluation.of(id, test, pTest, chosen.threshold(), chosen.curve(), options.cost());
        CheckpointChoice at = options.chooseAt();
        List<MomentMetrics> moments = MomentMetrics.of(valid, pValid, test, pTest, options.checkpoints(), at);
        BinaryMetrics validAt = MomentMetrics.on(valid, pValid, options.checkpoints(), at);
        BinaryMetrics testAt = MomentMetrics.on(test, pTest, options.checkpoints(), at);
        Map<String, Double> metrics = new LinkedHashMap<>(eval.headline());
        metrics.put("roc_auc_at_choice", testAt.rocAuc());
        metrics.put("brier_at_choice", testAt.brier());
        metrics.put("validation_roc_auc_at_choice", validAt.rocAuc());
        Map<String, Number> params = new LinkedHashMap<>(fitting.asMap());
        params.put("seed", options.seed());
        params.put("train_examples", fitSet.size());
        if (model instanceof org.slacast.models.BoostModel b) {
            params.put("trees_fitted", b.treeCount()); // fewer than trees when it stopped early
        } else if (model instanceof org.slacast.models.LightGbmModel l) {
            params.put("trees_fitted", l.treeCount());
        } else if (model instanceof org.slacast.models.ForestModel f) {
            params.put("trees_fitted", f.treeCount()); // Smile's forest, trimmed when it stopped early
        }
        params.put("max_train_examples", options.maxTrainExamples());
        BundleManifest m = common.toBuilder().id(id).kind(kind.label()).createdAt(Instant.now()).parameters(params)
                .calibrator(cal).threshold(chosen.threshold()).metrics(metrics).build();
        TrainedModel out = new TrainedModel(new ModelBundle(m, model), validAt, eval, fitSeconds,
                meanAbsContribution(model, test), moments);
        step.run();
        return out;
    }

    static MomentMetrics moment(TrainedModel t, String name) {
        return t.moments().stream().filter(m -> m.moment().equals(name)).findFirst().orElseThrow();
    }

    private CostThreshold chooseThreshold(List<Example> valid, double[] p) {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            if (valid.get(i).checkpoint() == 0) {
                first.add(i);
            }
        }
        return CostThreshold.choose(first.stream().mapToDouble(i -> p[i]).toArray(),
                first.stream().mapToInt(i -> valid.get(i).label()).toArray(),
                first.stream().map(i -> valid.get(i).priority()).toArray(Priority[]::new), options.cost());
    }

    /**
     * A seeded shuffle: any prefix is a random sample, which bounds fitting time and memory on large data.
     * Evaluation always uses every example.
     */
    private List<Example> shuffled(List<Example> train) {
        SplittableRandom rnd = new SplittableRandom(options.seed());
        List<Example> copy = new ArrayList<>(train);
        for (int i = copy.size() - 1; i > 0; i--) {
            java.util.Collections.swap(copy, i, rnd.nextInt(i + 1));
        }
        return copy;
    }

    private static TrainingSet set(List<Example> rows, FeatureSchema schema, List<Feature.Kind> kinds) {
        double[][] x = rows.stream().map(Example::x).toArray(double[][]::new);
        return new TrainingSet(schema, kinds, x, labels(rows));
    }

    private static List<FeatureDistribution> distributions(FeatureSchema schema, TrainingSet set) {
        List<FeatureDistribution> out = new ArrayList<>();
        for (int j = 0; j < schema.size(); j++) {
            double[] col = new double[set.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = set.x()[i][j];
            }
            out.add(FeatureDistribution.of(schema.names().get(j), col));
        }
        return out;
    }

    private static Provenance provenance(String source, List<TicketOutcome> labelled, long examples) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            Instant from = null;
            Instant to = null;
            for (TicketOutcome o : labelled) {
                Ticket t = o.ticket();
                d.update((t.id() + "|" + t.createdAt() + "|" + o.label() + "\n").getBytes(StandardCharsets.UTF_8));
                from = from == null || t.createdAt().isBefore(from) ? t.createdAt() : from;
                to = to == null || t.createdAt().isAfter(to) ? t.createdAt() : to;
            }
            return new Provenance(source, labelled.size(), examples, from, to, HexFormat.of().formatHex(d.digest()),
                    Provenance.currentLibraries());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(ModelKind kind, Provenance p) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        return kind.label() + "-" + stamp + "-" + p.sha256().substring(0, 6);
    }

    private double[] meanAbsContribution(BreachModel model, List<Example> test) {
        SplittableRandom rnd = new SplittableRandom(options.seed());
        int n = Math.min(200, test.size());
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = test.get(rnd.nextInt(test.size())).x();
        }
        double[] sum = java.util.Arrays.stream(rows).parallel().map(model::contributions)
                .reduce(new double[test.getFirst().x().length], (a, b) -> {
                    double[] s = a.clone();
                    for (int j = 0; j < s.length; j++) {
                        s[j] += Math.abs(b[j]);
                    }
                    return s;
                });
        return BreachModel.normalise(sum);
    }

    static double[] scores(BreachModel model, List<Example> rows) {
        return rows.parallelStream().mapToDouble(e -> model.score(e.x())).toArray();
    }

    static double[] apply(Calibrator c, double[] raw) {
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = c.apply(raw[i]);
        }
        return p;
    }

    static int[] labels(List<Example> rows) {
        return rows.stream().mapToInt(Example::label).toArray();
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
