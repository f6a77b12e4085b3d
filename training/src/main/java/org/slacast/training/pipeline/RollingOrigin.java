package org.slacast.training.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.Ticket;
import smile.stat.distribution.TDistribution;

/**
 * Rolling-origin evaluation (L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * International Journal of Forecasting 16, 2000): the later half of the tickets, by creation, is cut into
 * {@code K} blocks; fold {@code k} trains (and validates) on every ticket before block {@code k} and tests on
 * the block. Each fold runs the whole pipeline, so the spread across folds is what a user would see from
 * retraining at different times. On small data one test slice says little; K of them give an interval.
 *
 * @param folds   each fold's figures, per model and baseline
 * @param summary per model and measure, the mean over folds with its Student-t 95% interval
 */
public record RollingOrigin(List<Fold> folds, List<Summary> summary) {
    /** The most folds. */
    public static final int MAX_FOLDS = 10;
    /** The measures summarised. */
    public static final List<String> MEASURES = List.of("roc_auc", "roc_auc_at_creation", "brier", "net_savings");

    /**
     * @param fold        1..K
     * @param testFrom    the first test ticket's creation
     * @param testTo      the last test ticket's creation
     * @param testTickets tickets in the test block with a known outcome
     * @param model       the model's kind, or the baseline's name
     * @param values      the measures of {@link #MEASURES}
     */
    public record Fold(int fold, Instant testFrom, Instant testTo, long testTickets, String model,
                       Map<String, Double> values) {
    }

    /**
     * @param model   the model's kind or the baseline's name
     * @param measure one of {@link #MEASURES}
     * @param mean    its mean over folds
     * @param low     the 95% interval's lower end
     * @param high    its upper end
     * @param folds   folds with a value
     */
    public record Summary(String model, String measure, double mean, double low, double high, int folds) {
        /** @return {@code mean [low, high]}, savings in whole units and the rest with three decimals */
        public String text() {
            String f = measure.equals("net_savings") ? "%.0f" : "%.3f";
            return String.format(java.util.Locale.ROOT, f + " [" + f + ", " + f + "]", mean, low, high);
        }
    }

    /**
     * @param options  the run's options; each fold uses them with its own split
     * @param in       the run's input
     * @param k        folds, 2..{@value #MAX_FOLDS}
     * @param progress progress reporting
     * @return the folds and their summary
     * @throws BadInputException when k is out of range or a fold has too few tickets
     */
    public static RollingOrigin run(TrainingOptions options, TrainingInput in, int k, Progress progress) {
        if (k < 2 || k > MAX_FOLDS) {
            throw new BadInputException("--cv " + k + ": give 2 to " + MAX_FOLDS + " folds");
        }
        List<Ticket> sorted = in.data().tickets().stream().sorted(Comparator.comparing(Ticket::createdAt)).toList();
        int n = sorted.size();
        double trainShare = options.trainFraction() / (options.trainFraction() + options.validFraction());
        List<Fold> folds = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            int end = (int) Math.round(n * (0.5 + 0.5 * j / k));
            double testShare = (0.5 / k) * n / end;
            TrainingOptions fold = new TrainingOptions(options.target(), options.checkpoints(),
                    (1 - testShare) * trainShare, (1 - testShare) * (1 - trainShare), options.kinds(),
                    options.parameters(), options.seed(), options.maxTrainExamples(), options.textBuckets(),
                    options.bodyBuckets(), options.cost(), options.capacity(), options.leakSample(),
                    options.chooseAt(), options.encodings(), options.fitThreads());
            TicketData d = in.data();
            TicketData part = new TicketData(sorted.subList(0, end), d.events(), List.of(), 0);
            TrainingPipeline.Result r;
            try {
                r = new TrainingPipeline(fold).run(new TrainingInput(part, in.policies(), in.policy(), in.given(),
                        in.label(), in.source()), progress);
            } catch (BadInputException e) {
                throw new BadInputException("--cv " + k + ": fold " + j + " (the first " + end + " tickets) cannot be "
                        + "trained: " + e.getMessage() + "; give fewer folds");
            }
            long tickets = r.models().isEmpty() ? 0 : r.models().getFirst().test().savings().tickets();
            for (TrainedModel m : r.models()) {
                folds.add(new Fold(j, r.split().validEnd(), r.split().last(), tickets, m.bundle().manifest().kind(),
                        values(m.test())));
            }
            for (var b : r.baselines()) {
                folds.add(new Fold(j, r.split().validEnd(), r.split().last(), tickets, b.name(), values(b)));
            }
        }
        return new RollingOrigin(folds, summarise(folds));
    }

    private static Map<String, Double> values(org.slacast.training.eval.Evaluation e) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("roc_auc", e.overall().rocAuc());
        v.put("roc_auc_at_creation", e.atCreation() == null ? Double.NaN : e.atCreation().rocAuc());
        v.put("brier", e.overall().brier());
        v.put("net_savings", e.savings().netSavings());
        return v;
    }

    /** The mean over folds with a Student-t 95% interval on K − 1 degrees of freedom. */
    static List<Summary> summarise(List<Fold> folds) {
        Map<String, List<Fold>> byModel = new LinkedHashMap<>();
        folds.forEach(f -> byModel.computeIfAbsent(f.model(), x -> new ArrayList<>()).add(f));
        List<Summary> out = new ArrayList<>();
        byModel.forEach((model, fs) -> {
            for (String m : MEASURES) {
                double[] v = fs.stream().mapToDouble(f -> f.values().get(m)).filter(x -> !Double.isNaN(x)).toArray();
                if (v.length == 0) {
                    continue;
                }
                double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
                double half = Double.NaN;
                if (v.length > 1) {
                    double ss = 0;
                    for (double x : v) {
                        ss += (x - mean) * (x - mean);
                    }
                    double se = Math.sqrt(ss / (v.length - 1) / v.length);
                    half = new TDistribution(v.length - 1).quantile(0.975) * se;
                }
                out.add(new Summary(model, m, mean, mean - half, mean + half, v.length));
            }
        });
        return out;
    }
}
