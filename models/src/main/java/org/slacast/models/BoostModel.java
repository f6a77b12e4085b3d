package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import smile.classification.GradientTreeBoost;
import smile.math.MathEx;

/**
 * Gradient tree boosting (Friedman, "Greedy function approximation", Annals of Statistics 29, 2001) through
 * Smile, the challenger to the forest. Smile draws its subsamples from MathEx's generator, which is seeded first.
 */
public final class BoostModel extends TreeEnsemble<GradientTreeBoost> {
    static final String FILE = "gradient-boosting.ser";

    BoostModel(GradientTreeBoost model, List<String> names) {
        super(model, names, FILE);
    }

    /**
     * @param data   training rows
     * @param params {@code trees} (200), {@code max_depth} (8), {@code max_nodes} (16), {@code shrinkage} (0.1),
     *               {@code subsample} (0.7)
     * @param seed   the seed
     * @return the fitted model
     */
    public static BoostModel fit(TrainingSet data, Map<String, Number> params, long seed) {
        MathEx.setSeed(seed);
        var options = new GradientTreeBoost.Options(params.getOrDefault("trees", 200).intValue(),
                params.getOrDefault("max_depth", 8).intValue(), params.getOrDefault("max_nodes", 16).intValue(),
                params.getOrDefault("node_size", 5).intValue(), params.getOrDefault("shrinkage", 0.1).doubleValue(),
                params.getOrDefault("subsample", 0.7).doubleValue(), null, null);
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

    @Override
    public double[] importance() {
        return BreachModel.normalise(model.importance());
    }
}
