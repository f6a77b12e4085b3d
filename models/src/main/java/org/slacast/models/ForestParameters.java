package org.slacast.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Random Forest is grown: by LightGBM's {@code rf} mode ({@link LightGbmModel#fitForest}), or by Smile
 * ({@link ForestModel}) where LightGBM's native library does not load. Not parameters, since they follow from the
 * data: {@code mtry = floor(sqrt(p))} features per split; in LightGBM, each tree on a 63.2% sample drawn without
 * replacement (a bootstrap sample's share of distinct rows) and splits by the log loss' gradient; in Smile, a
 * bootstrap sample, Gini splits and a class weight for breaches.
 *
 * @param trees       {@code trees}: the number of trees; default 200, at least 1
 * @param maxDepth    {@code max_depth}: the deepest a tree grows; default 20, at least 2
 * @param maxNodes    {@code max_nodes}: at most this many leaves per tree (LightGBM's {@code num_leaves}); default
 *                    300, from 2 to 131,072 (LightGBM's limit)
 * @param nodeSize    {@code node_size}: a leaf holds at least this many rows (LightGBM's {@code min_data_in_leaf};
 *                    in Smile, a node with fewer rows is not split); default 5, at least 1
 * @param maxExamples {@code max_examples}: fit on at most this many training examples, within the pipeline's cap
 *                    ({@code --max-train-examples}); default 50,000: trees of 300 leaves gain nothing from more
 *                    (on 300,000 tickets 50,000 scored 0.8230, 100,000 0.8192 and 200,000 0.8134, each in about
 *                    half the time of the next); 0 leaves the pipeline's cap alone
 * @param patience    {@code patience}: with validation rows, stop adding trees once this many in a row have not
 *                    lowered the validation log loss of the forest so far, and keep the trees up to the best;
 *                    default 30; 0 grows every tree. A forest's loss flattens as it grows: where more trees
 *                    no longer help, they only cost fitting time and every score's walk (docs/BENCHMARKS.md)
 */
public record ForestParameters(int trees, int maxDepth, int maxNodes, int nodeSize, int maxExamples, int patience)
        implements ModelParameters {
    /** Up to 200 trees of depth up to 20 and at most 300 leaves, nodes of 5, on at most 50,000 examples. */
    public static final ForestParameters DEFAULTS = new ForestParameters(200, 20, 300, 5, 50_000, 30);

    /** Checks each value's range by name: Smile's limits (depth and leaves at least 2), LightGBM's (131,072 leaves). */
    public ForestParameters {
        ModelKind k = ModelKind.RANDOM_FOREST;
        ParameterBounds.atLeast(k, "trees", trees, 1);
        ParameterBounds.atLeast(k, "max_depth", maxDepth, 2);
        ParameterBounds.between(k, "max_nodes", maxNodes, 2, ParameterBounds.MAX_LEAVES);
        ParameterBounds.atLeast(k, "node_size", nodeSize, 1);
        ParameterBounds.atLeast(k, "max_examples", maxExamples, 0);
        ParameterBounds.atLeast(k, "patience", patience, 0);
    }

    /** Reads a complete map with {@link #asMap()}'s names. */
    static ForestParameters of(Map<String, Number> v) {
        return new ForestParameters(v.get("trees").intValue(), v.get("max_depth").intValue(),
                v.get("max_nodes").intValue(), v.get("node_size").intValue(), v.get("max_examples").intValue(),
                v.get("patience").intValue());
    }

    /**
     * @param count the number of trees
     * @return these parameters with another number of trees
     */
    public ForestParameters withTrees(int count) {
        return new ForestParameters(count, maxDepth, maxNodes, nodeSize, maxExamples, patience);
    }

    /**
     * @param features the number of features
     * @param seed     the seed of every random choice
     * @return LightGBM's parameter string for this forest: deterministic, on one thread, since OpenMP's spinning
     *         threads beside the other fits cost more than they gave (docs/BENCHMARKS.md)
     */
    String lightGbmConfig(int features, long seed) {
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(features)));
        return LightGbmParameters.binary(String.join(" ", "boosting=rf", "num_leaves=" + maxNodes,
                "max_depth=" + maxDepth, "min_data_in_leaf=" + nodeSize, "bagging_fraction=0.632", "bagging_freq=1",
                "feature_fraction_bynode=" + (double) mtry / features, "lambda_l2=0", "max_bin=255"), 1, seed);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.RANDOM_FOREST;
    }

    @Override
    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("trees", trees);
        m.put("max_depth", maxDepth);
        m.put("max_nodes", maxNodes);
        m.put("node_size", nodeSize);
        m.put("max_examples", maxExamples);
        m.put("patience", patience);
        return Collections.unmodifiableMap(m);
    }
}
