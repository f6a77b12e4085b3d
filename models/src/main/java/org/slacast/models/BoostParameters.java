package org.slacast.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How gradient tree boosting is fitted ({@link BoostModel}), with Smile's binomial loss.
 *
 * @param trees       {@code trees}: at most this many boosting iterations, one regression tree each; default 200,
 *                    at least 1
 * @param maxDepth    {@code max_depth}: the deepest a tree grows; default 8, at least 2
 * @param maxNodes    {@code max_nodes}: at most this many leaves per tree; default 16, at least 2
 * @param nodeSize    {@code node_size}: a node with fewer rows is not split; default 5, at least 1
 * @param shrinkage   {@code shrinkage}: the learning rate each tree is scaled by; default 0.1, in (0, 1]
 * @param subsample   {@code subsample}: the share of rows each tree is fitted on; default 0.7, in (0, 1]
 * @param maxExamples {@code max_examples}: fit on at most this many training examples, within the pipeline's cap;
 *                    default 60,000, since the trees grow one after another; 0 leaves the pipeline's cap alone
 * @param patience    {@code patience}: stop once this many trees in a row have not lowered the validation log
 *                    loss, and keep the trees up to the best; default 20; 0 fits every tree
 */
public record BoostParameters(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage,
                              double subsample, int maxExamples, int patience) implements ModelParameters {
    /**
     * Up to 200 trees of 16 leaves and depth up to 8, nodes of 5, shrinkage 0.1, subsample 0.7, 60,000 examples,
     * stopped after 20 trees without a better validation log loss.
     */
    public static final BoostParameters DEFAULTS = new BoostParameters(200, 8, 16, 5, 0.1, 0.7, 60_000, 20);

    /** Checks each value's range, by name, rather than leaving it to Smile's unnamed refusals. */
    public BoostParameters {
        ModelKind k = ModelKind.GRADIENT_BOOSTING;
        ParameterBounds.atLeast(k, "trees", trees, 1);
        ParameterBounds.atLeast(k, "max_depth", maxDepth, 2);
        ParameterBounds.atLeast(k, "max_nodes", maxNodes, 2);
        ParameterBounds.atLeast(k, "node_size", nodeSize, 1);
        ParameterBounds.fraction(k, "shrinkage", shrinkage);
        ParameterBounds.fraction(k, "subsample", subsample);
        ParameterBounds.atLeast(k, "max_examples", maxExamples, 0);
        ParameterBounds.atLeast(k, "patience", patience, 0);
    }

    /** Reads a complete map with {@link #asMap()}'s names. */
    static BoostParameters of(Map<String, Number> v) {
        return new BoostParameters(v.get("trees").intValue(), v.get("max_depth").intValue(),
                v.get("max_nodes").intValue(), v.get("node_size").intValue(), v.get("shrinkage").doubleValue(),
                v.get("subsample").doubleValue(), v.get("max_examples").intValue(),
                v.getOrDefault("patience", 0).intValue());
    }

    /**
     * @param count the number of trees
     * @return these parameters with another number of trees
     */
    public BoostParameters withTrees(int count) {
        return new BoostParameters(count, maxDepth, maxNodes, nodeSize, shrinkage, subsample, maxExamples, patience);
    }

    /**
     * @param trees how many trees in a row may fail to lower the validation loss; 0 fits every tree
     * @return these parameters with that patience
     */
    public BoostParameters withPatience(int trees) {
        return new BoostParameters(this.trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, maxExamples, trees);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.GRADIENT_BOOSTING;
    }

    @Override
    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("trees", trees);
        m.put("max_depth", maxDepth);
        m.put("max_nodes", maxNodes);
        m.put("node_size", nodeSize);
        m.put("shrinkage", shrinkage);
        m.put("subsample", subsample);
        m.put("max_examples", maxExamples);
        m.put("patience", patience);
        return Collections.unmodifiableMap(m);
    }
}
