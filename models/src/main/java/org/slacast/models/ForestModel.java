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
     * @return the fitted model
     */
    public static ForestModel fit(TrainingSet data, ForestParameters params, long seed) {
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
        RandomForest rf = RandomForest.fit(SmileFrames.formula(data.schema().names()), SmileFrames.frame(data), options);
        return new ForestModel(rf, data.schema().names());
    }

    static ForestModel load(Path dir, List<String> names) throws IOException {
        return new ForestModel(SmileFrames.read(dir.resolve(FILE), RandomForest.class), names);
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
