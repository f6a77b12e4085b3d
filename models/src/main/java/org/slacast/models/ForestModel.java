package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import smile.classification.RandomForest;
import smile.model.cart.Node;
import smile.model.cart.SplitRule;

/**
 * Random Forest (Breiman, Machine Learning 45, 2001) through Smile. Class imbalance is handled with class weights;
 * trees are grown on the common ForkJoinPool (Smile's choice), with one seed per tree so fits are reproducible.
 */
public final class ForestModel extends TreeEnsemble<RandomForest> {
    static final String FILE = "random-forest.ser";

    /** Trees whose TreeSHAP values estimate the whole forest's: a forest's SHAP is the mean of its trees'. */
    static final int EXPLAIN_TREES = 40;
    private final RandomForest explainer;

    ForestModel(RandomForest model, List<String> names) {
        super(model, compile(model, names.size()), names, FILE);
        // TreeSHAP costs trees x leaves x depth^2; on every tree one explanation took 118 ms (JMH).
        this.explainer = model.size() > EXPLAIN_TREES ? model.trim(EXPLAIN_TREES) : model;
    }

    private static CompiledTrees compile(RandomForest model, int features) {
        RandomForest.Model[] members = model.models();
        List<Node> roots = Arrays.stream(members).map(m -> m.tree().root()).toList();
        return CompiledTrees.ofForest(roots, Arrays.stream(members).mapToDouble(RandomForest.Model::weight).toArray(),
                features);
    }

    /**
     * @param data   training rows
     * @param params the forest's size and tree limits
     * @param seed   seed for the trees
     * @return the fitted model, every tree of it
     */
    public static ForestModel fit(TrainingSet data, ForestParameters params, long seed) {
        return fit(data, null, params, seed);
    }

    /**
     * Fits every tree (Smile grows them all at once), then with validation rows and a patience keeps the trees up to
     * the best validation log loss, counted the way LightGBM's forest stops ({@link LightGbmModel#fitForest}). Smile
     * trims a forest to its heaviest trees, so the trees are first put in that order and the prefixes taken in it.
     *
     * @param data       training rows
     * @param validation validation rows with both outcomes, or null to keep every tree
     * @param params     the forest's size, tree limits and patience
     * @param seed       seed for the trees
     * @return the fitted model
     */
    public static ForestModel fit(TrainingSet data, TrainingSet validation, ForestParameters params, long seed) {
        RandomForest rf = grow(data, params, seed);
        if (params.patience() == 0 || validation == null || !validation.bothOutcomes()) {
            return new ForestModel(rf, data.schema().names());
        }
        RandomForest ordered = rf.trim(rf.size());
        int keep = kept(compile(ordered, data.schema().size()), validation, params.patience());
        return new ForestModel(keep < ordered.size() ? ordered.trim(keep) : ordered, data.schema().names());
    }

    /** The number of leading trees with the lowest validation log loss, stopping {@code patience} trees past it. */
    static int kept(CompiledTrees trees, TrainingSet validation, int patience) {
        double[][] x = validation.x();
        double[] sums = new double[x.length];
        double weight = 0;
        ValidationStop watch = new ValidationStop(patience);
        for (int t = 0; t < trees.size(); t++) {
            weight += trees.weight(t);
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                sums[i] += trees.term(t, x[i]);
                double p = Math.clamp(sums[i] / weight, 1e-15, 1 - 1e-15);
                loss -= validation.y()[i] == 1 ? Math.log(p) : Math.log1p(-p);
            }
            if (watch.stop(t + 1, loss)) {
                break;
            }
        }
        return Math.max(1, watch.best());
    }

    private static RandomForest grow(TrainingSet data, ForestParameters params, long seed) {
        int trees = params.trees();
        int p = data.schema().size();
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        double rate = data.positiveRate();
        // Weight breaches up to balance the classes, capped so rare-breach data does not overfit the few positives.
        int positiveWeight = rate <= 0 || rate >= 0.5 ? 1 : (int) Math.min(10, Math.round((1 - rate) / rate));
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] seeds = new long[trees];
        for (int i = 0; i < trees; i++) {
            seeds[i] = rnd.nextLong();
        }
        var options = new RandomForest.Options(trees, mtry, SplitRule.GINI, params.maxDepth(), params.maxNodes(),
                params.nodeSize(), 1.0, new int[] {1, positiveWeight}, seeds, null);
        return RandomForest.fit(SmileFrames.formula(data.schema().names()), SmileFrames.frame(data), options);
    }

    static ForestModel load(Path dir, List<String> names) throws IOException {
        return new ForestModel(SmileFrames.read(dir.resolve(FILE), RandomForest.class), names);
    }

    /** @return the number of trees kept */
    public int treeCount() {
        return trees.size();
    }

    @Override
    public ModelKind kind() {
        return ModelKind.RANDOM_FOREST;
    }

    /** Smile's posterior: the trees' smoothed leaf posteriors averaged with their out-of-bag weights. */
    @Override
    double scoreOf(double sum) {
        return sum / trees.weightSum();
    }

    @Override
    public double[] contributions(double[] x) {
        return contributionsOf(explainer, x);
    }

    /** In probability, like TreeSHAP's; from every tree, since a path costs one walk per tree. */
    @Override
    void toUnits(double[] phi) {
        for (int j = 0; j < phi.length; j++) {
            phi[j] /= trees.weightSum();
        }
    }

    @Override
    public double[] importance() {
        return BreachModel.normalise(model.importance());
    }
}
