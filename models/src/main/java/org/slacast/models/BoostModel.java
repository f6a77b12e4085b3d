package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import smile.classification.GradientTreeBoost;
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
     * @return the fitted model
     */
    public static BoostModel fit(TrainingSet data, BoostParameters params, long seed) {
        MathEx.setSeed(seed);
        var options = new GradientTreeBoost.Options(params.trees(), params.maxDepth(), params.maxNodes(),
                params.nodeSize(), params.shrinkage(), params.subsample(), null, null);
        GradientTreeBoost m = GradientTreeBoost.fit(SmileFrames.formula(data.schema().names()),
                SmileFrames.frame(data), options);
        return new BoostModel(m, data.schema().names());
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
    public double score(double[] x) {
        double y = intercept + shrinkage * trees.sum(x);
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
    double[] pathContributions(double[] x) {
        double[] phi = trees.attributions(x);
        for (int j = 0; j < phi.length; j++) {
            phi[j] *= 2 * shrinkage;
        }
        return phi;
    }

    @Override
    public double[] importance() {
        return BreachModel.normalise(model.importance());
    }
}
