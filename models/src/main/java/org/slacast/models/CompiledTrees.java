package org.slacast.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;

/**
 * A fitted tree ensemble (Smile's, or LightGBM's as {@link LightGbmText} reads it) copied into flat arrays, for scoring and path attributions on a plain
 * {@code double[]}. Smile walks its trees through a virtual call per node on a {@code Tuple}; with a forest and a
 * boosted model in one process that call site sees three node classes and cannot be inlined, which made tree
 * walking the largest cost of an HTTP score. Here a node is an index. Splits keep Smile's rule exactly
 * ({@code x <= threshold} goes to the true child, so NaN goes to the false one), and a test holds every
 * prediction to Smile's within 1e-9.
 *
 * <p>Path attributions follow Saabas ("Interpreting random forests", 2014), the method behind XGBoost's
 * {@code approx_contribs}: walking from the root to the leaf, each split's feature is credited with the change in
 * the node's expected value, where an internal node's expected value is its children's weighted by training cover.
 * They cost one walk per tree and satisfy local accuracy (the bias plus the contributions equals the output), but
 * unlike TreeSHAP (Lundberg et al., Nature MI 2020) they are not consistent: features split near the root get more
 * credit. Exact TreeSHAP remains available through {@link Explanation#SHAP}.
 */
final class CompiledTrees {
    private static final int LEAF = -1;

    /**
     * Two longs per node, so that a walk touches one cache line per step: the threshold's bits (a leaf's value for a
     * leaf), then the split feature (-1 for a leaf) in the high half and the false child's index in the low half.
     * Nodes are laid out depth first, so a split's true child is the next node. The forest's nodes in five separate
     * arrays (3.3 MB) cost a cache miss per array per step.
     */
    private final long[] nodes;
    /** A leaf's output; an internal node's cover-weighted mean of its leaves' outputs (for attributions only). */
    private final double[] value;
    private final int[] roots;
    private final double[] weights;
    private final double weightSum;
    private final int features;

    private CompiledTrees(Builder b, double[] weights, int features) {
        this.nodes = new long[2 * b.size];
        for (int i = 0; i < b.size; i++) {
            boolean leaf = b.feature[i] == LEAF;
            nodes[2 * i] = Double.doubleToRawLongBits(leaf ? b.value[i] : b.threshold[i]);
            nodes[2 * i + 1] = (long) b.feature[i] << 32 | b.no[i] & 0xFFFFFFFFL;
        }
        this.value = Arrays.copyOf(b.value, b.size);
        this.roots = b.roots.stream().mapToInt(Integer::intValue).toArray();
        this.weights = weights.clone();
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        this.weightSum = s;
        this.features = features;
    }

    /**
     * Compiles a forest of classification trees; a leaf's value is Smile's Laplace-smoothed posterior of the breach
     * class, {@code (count[1] + 1) / (n + k)}.
     *
     * @param trees    the trees' roots
     * @param weights  each tree's vote weight (Smile's out-of-bag accuracy)
     * @param features the number of features
     * @return the compiled forest
     */
    static CompiledTrees ofForest(List<Node> trees, double[] weights, int features) {
        return compile(trees, weights, features, leaf -> {
            if (!(leaf instanceof DecisionNode d)) {
                throw new IllegalStateException("a classification tree holds a " + leaf.getClass().getSimpleName());
            }
            int[] count = d.count();
            int n = 0;
            for (int c : count) {
                n += c;
            }
            return (count[Math.min(1, count.length - 1)] + 1) / (double) (n + count.length);
        });
    }

    /**
     * Compiles the regression trees of a binary boosted model; a leaf's value is its output.
     *
     * @param trees    the trees' roots
     * @param features the number of features
     * @return the compiled trees, each of weight 1
     */
    static CompiledTrees ofRegression(List<Node> trees, int features) {
        double[] ones = new double[trees.size()];
        Arrays.fill(ones, 1);
        return compile(trees, ones, features, leaf -> {
            if (!(leaf instanceof RegressionNode r)) {
                throw new IllegalStateException("a regression tree holds a " + leaf.getClass().getSimpleName());
            }
            return r.output();
        });
    }

    /**
     * Compiles LightGBM's trees; a leaf's value is its output, and LightGBM's left child is the true one.
     *
     * @param trees    the trees as {@link LightGbmText} read them
     * @param features the number of features
     * @return the compiled trees, each of weight 1
     */
    static CompiledTrees ofLightGbm(List<LightGbmText.Tree> trees, int features) {
        Builder b = new Builder();
        for (LightGbmText.Tree t : trees) {
            b.roots.add(t.feature().length == 0 ? b.leaf(t.leafValue()[0]) : b.add(t, 0));
        }
        double[] ones = new double[trees.size()];
        Arrays.fill(ones, 1);
        return new CompiledTrees(b, ones, features);
    }

    private static CompiledTrees compile(List<Node> trees, double[] weights, int features,
                                         ToDoubleFunction<Node> leafValue) {
        Builder b = new Builder();
        for (Node root : trees) {
            b.roots.add(b.add(root, leafValue));
        }
        return new CompiledTrees(b, weights, features);
    }

    /** @return the number of trees */
    int size() {
        return roots.length;
    }

    /**
     * @param x a feature vector
     * @return the weighted sum of the trees' leaf values
     */
    double sum(double[] x) {
        double s = 0;
        for (int t = 0; t < roots.length; t++) {
            s += weights[t] * Double.longBitsToDouble(nodes[2 * leaf(roots[t], x)]);
        }
        return s;
    }

    /**
     * @param t a tree's index
     * @param x a feature vector
     * @return that tree's leaf value for x times its weight: one term of {@link #sum}
     */
    double term(int t, double[] x) {
        return weights[t] * Double.longBitsToDouble(nodes[2 * leaf(roots[t], x)]);
    }

    /**
     * @param t a tree's index
     * @return its weight
     */
    double weight(int t) {
        return weights[t];
    }

    /** @return the weighted sum over trees of each root's expected value: the output when no feature is known */
    double bias() {
        double s = 0;
        for (int t = 0; t < roots.length; t++) {
            s += weights[t] * value[roots[t]];
        }
        return s;
    }

    /** @return the total tree weight */
    double weightSum() {
        return weightSum;
    }

    /**
     * Path attributions, summed over trees with their weights: {@code bias() + sum(contributions) == sum(x)}.
     *
     * @param x a feature vector
     * @return one contribution per feature
     */
    double[] attributions(double[] x) {
        double[] phi = new double[features];
        walk(x, phi);
        return phi;
    }

    /**
     * Path attributions and the output from one walk down each tree.
     *
     * @param x   a feature vector
     * @param phi adds one contribution per feature here
     * @return the same double as {@link #sum}: the leaves are added in the same order
     */
    double walk(double[] x, double[] phi) {
        double s = 0;
        for (int t = 0; t < roots.length; t++) {
            double w = weights[t];
            int n = roots[t];
            long meta = nodes[2 * n + 1];
            for (int f = (int) (meta >> 32); f != LEAF; f = (int) (meta >> 32)) {
                int next = x[f] <= Double.longBitsToDouble(nodes[2 * n]) ? n + 1 : (int) meta;
                phi[f] += w * (value[next] - value[n]);
                n = next;
                meta = nodes[2 * n + 1];
            }
            s += w * Double.longBitsToDouble(nodes[2 * n]);
        }
        return s;
    }

    private int leaf(int n, double[] x) {
        long meta = nodes[2 * n + 1];
        for (int f = (int) (meta >> 32); f != LEAF; f = (int) (meta >> 32)) {
            n = x[f] <= Double.longBitsToDouble(nodes[2 * n]) ? n + 1 : (int) meta;
            meta = nodes[2 * n + 1];
        }
        return n;
    }

    /** Appends nodes depth first; internal values are computed from the children once both are added. */
    private static final class Builder {
        int[] feature = new int[1024];
        double[] threshold = new double[1024];
        int[] no = new int[1024];
        double[] value = new double[1024];
        int size;
        final List<Integer> roots = new ArrayList<>();

        int leaf(double output) {
            int i = next();
            feature[i] = LEAF;
            value[i] = output;
            return i;
        }

        /** A LightGBM node: internal when {@code node >= 0}, else leaf {@code ~node}. */
        int add(LightGbmText.Tree t, int node) {
            if (node < 0) {
                return leaf(t.leafValue()[~node]);
            }
            int i = next();
            feature[i] = t.feature()[node];
            threshold[i] = t.threshold()[node];
            int yes = add(t, t.left()[node]); // always i + 1: depth first
            int f = add(t, t.right()[node]);
            no[i] = f;
            double st = cover(t, t.left()[node]);
            double sf = cover(t, t.right()[node]);
            value[i] = st + sf == 0 ? (value[yes] + value[f]) / 2 : (st * value[yes] + sf * value[f]) / (st + sf);
            return i;
        }

        private static double cover(LightGbmText.Tree t, int node) {
            return node < 0 ? t.leafCount()[~node] : t.internalCount()[node];
        }

        private int next() {
            int i = size++;
            if (i == feature.length) {
                int n = feature.length * 2;
                feature = Arrays.copyOf(feature, n);
                threshold = Arrays.copyOf(threshold, n);
                no = Arrays.copyOf(no, n);
                value = Arrays.copyOf(value, n);
            }
            return i;
        }

        int add(Node node, ToDoubleFunction<Node> leafValue) {
            int i = next();
            if (node instanceof InternalNode split) {
                if (!(split instanceof OrdinalNode)) {
                    throw new IllegalStateException("a " + split.getClass().getSimpleName() + " split: slacast's "
                            + "features are all numeric, so only ordinal splits are expected");
                }
                feature[i] = split.feature();
                threshold[i] = SmileFields.threshold((OrdinalNode) split);
                int t = add(split.trueChild(), leafValue); // always i + 1: depth first
                int f = add(split.falseChild(), leafValue);
                no[i] = f;
                double st = split.trueChild().size();
                double sf = split.falseChild().size();
                value[i] = st + sf == 0 ? (value[t] + value[f]) / 2 : (st * value[t] + sf * value[f]) / (st + sf);
            } else {
                feature[i] = LEAF;
                value[i] = leafValue.applyAsDouble(node);
            }
            return i;
        }
    }
}
