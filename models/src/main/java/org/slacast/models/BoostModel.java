package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import smile.classification.GradientTreeBoost;
import smile.util.IterativeAlgorithmController;
import smile.math.MathEx;
import smile.model.cart.Node;
import smile.regression.RegressionTree;

/**
 * Gradient tree boosting (Friedman, "Greedy function approximation", Annals of Statistics 29, 2001) through
 * Smile, the challenger to the forest. Smile draws its subsamples from MathEx's generator, which is seeded first.
 * Smile's binomial loss gives {@code P(breach) = 1 / (1 + exp(-2y))} for the additive score
 * {@code y = b + shrinkage * sum(trees)}, so contributions are reported in log-odds, {@code 2 * shrinkage} per unit
 * of tree output.
 */
public final class BoostModel extends TreeEnsemble<GradientTreeBoost> {
    static final String FILE = "gradient-boosting.ser";
    private final double intercept;
    private final double shrinkage;

    BoostModel(GradientTreeBoost model, List<String> names) {
        super(model, compile(model, names.size()), names, FILE);
        this.intercept = SmileFields.intercept(model);
        this.shrinkage = SmileFields.shrinkage(model);
    }

    private static CompiledTrees compile(GradientTreeBoost model, int features) {
        RegressionTree[][] trees = model.trees();
        if (trees.length != 1) {
            throw new IllegalStateException("a boosted model of " + trees.length + " classes; breach models have two");
        }
        List<Node> roots = Arrays.stream(trees[0]).map(RegressionTree::root).toList();
        return CompiledTrees.ofRegression(roots, features);
    }

    /**
     * @param data   training rows
     * @param params the number and size of the trees, shrinkage and subsample
     * @param seed   the seed
     * @return the fitted model, every tree of it
     */
    public static BoostModel fit(TrainingSet data, BoostParameters params, long seed) {
        return fit(data, null, params, seed);
    }

    /**
     * Fits, and with validation rows and a patience stops early: once {@code patience} trees in a row have not
     * lowered the validation log loss, fitting stops and the trees up to the best are kept. Smile reports each
     * tree's validation metrics to a subscriber on another thread, so fitting may run a few trees past the
     * stop; the trim makes the result the same whenever the stop arrives.
     *
     * @param data       training rows
     * @param validation validation rows with both outcomes, or null to fit every tree
     * @param params     the number and size of the trees, shrinkage, subsample and patience
     * @param seed       the seed
     * @return the fitted model
     */
    public static BoostModel fit(TrainingSet data, TrainingSet validation, BoostParameters params, long seed) {
        MathEx.setSeed(seed);
        boolean early = params.patience() > 0 && validation != null && validation.bothOutcomes();
        EarlyStop watch = early ? new EarlyStop(params.patience()) : null;
        try (IterativeAlgorithmController<GradientTreeBoost.TrainingStatus> controller = early
                ? new IterativeAlgorithmController<>() : null) {
            if (early) {
                watch.controller = controller;
                controller.subscribe(watch);
            }
            var options = new GradientTreeBoost.Options(params.trees(), params.maxDepth(), params.maxNodes(),
                    params.nodeSize(), params.shrinkage(), params.subsample(),
                    early ? SmileFrames.frame(validation) : null, controller);
            GradientTreeBoost m = GradientTreeBoost.fit(SmileFrames.formula(data.schema().names()),
                    SmileFrames.frame(data), options);
            if (early) {
                controller.close();
                int best = watch.best(m.trees()[0].length);
                if (best < m.trees()[0].length) {
                    m = m.trim(best);
                }
            }
            return new BoostModel(m, data.schema().names());
        }
    }

    /** @return the number of trees kept */
    public int treeCount() {
        return model.trees()[0].length;
    }

    /** Watches each tree's validation log loss and stops the fit once it has not improved for a while. */
    private static final class EarlyStop
            implements java.util.concurrent.Flow.Subscriber<GradientTreeBoost.TrainingStatus> {
        private final ValidationStop watch;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private IterativeAlgorithmController<GradientTreeBoost.TrainingStatus> controller;

        EarlyStop(int patience) {
            this.watch = new ValidationStop(patience);
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(GradientTreeBoost.TrainingStatus status) {
            if (watch.stop(status.tree(), status.metrics().logloss())) {
                controller.stop();
            }
        }

        @Override
        public void onError(Throwable t) {
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        /** @return the number of trees up to the best, once every report has been read; all of them if none was */
        int best(int fitted) {
            try {
                done.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                return watch.best() <= 0 ? fitted : Math.min(watch.best(), fitted);
            }
        }
    }

    static BoostModel load(Path dir, List<String> names) throws IOException {
        return new BoostModel(SmileFrames.read(dir.resolve(FILE), GradientTreeBoost.class), names);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.GRADIENT_BOOSTING;
    }

    /** Smile's own formula, {@code 1 - 1 / (1 + exp(2y))}, on the compiled trees. */
    @Override
    double scoreOf(double sum) {
        double y = intercept + shrinkage * sum;
        return 1.0 - 1.0 / (1.0 + Math.exp(2 * y));
    }

    /** Smile averages the trees' TreeSHAP values; scaled here to log-odds, like the path contributions. */
    @Override
    public double[] contributions(double[] x) {
        double[] phi = super.contributions(x);
        double scale = 2 * shrinkage * trees.size();
        for (int j = 0; j < phi.length; j++) {
            phi[j] *= scale;
        }
        return phi;
    }

    @Override
    void toUnits(double[] phi) {
        for (int j = 0; j < phi.length; j++) {
            phi[j] *= 2 * shrinkage;
        }
    }

    @Override
    public double[] importance() {
        return BreachModel.normalise(model.importance());
    }
}
