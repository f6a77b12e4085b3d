package org.slacast.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the trees of a LightGBM text model ({@code Booster::SaveModelToString}) into {@link CompiledTrees}, so
 * that a bundle scores in plain Java, without the native library, exactly as LightGBM does: a numerical split
 * sends {@code x <= threshold} left, and the raw score is the sum of the trees' leaf values, which LightGBM's
 * binary objective maps to {@code 1 / (1 + exp(-sigmoid × raw))}. A random forest's text ({@code boosting=rf})
 * says {@code average_output}: its raw score is the trees' mean, not their sum. Only what slacast fits is accepted:
 * numerical splits without zero-as-missing, since every feature is numeric and never NaN.
 *
 * @param trees    the compiled trees
 * @param sigmoid  the binary objective's sigmoid parameter
 * @param averaged whether the raw score is the trees' mean (a random forest) rather than their sum
 * @param gain     each feature's total split gain, for importance
 */
record LightGbmText(CompiledTrees trees, double sigmoid, boolean averaged, double[] gain) {
    private static final int CATEGORICAL = 1;
    private static final int MISSING_ZERO = 1;

    /** One tree's arrays, as the text gives them; internal nodes are 0..n-2, a child below 0 is leaf ~child. */
    record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] leafValue, double[] leafCount,
                double[] internalCount) {
    }

    /**
     * @param text     the model text
     * @param features the number of features the schema has
     * @return the trees
     * @throws IllegalStateException naming what is not as slacast fits it
     */
    static LightGbmText parse(String text, int features) {
        Map<String, String> header = new HashMap<>();
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = header;
        boolean averaged = false;
        for (String line : text.split("\n")) {
            if (blocks.isEmpty() && line.strip().equals("average_output")) {
                averaged = true;
            } else if (line.startsWith("Tree=")) {
                current = new HashMap<>();
                blocks.add(current);
            } else if (line.startsWith("end of trees")) {
                break;
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    current.put(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            }
        }
        String objective = header.getOrDefault("objective", "");
        if (!objective.startsWith("binary")) {
            throw new IllegalStateException("a LightGBM model with objective '" + objective + "'; breach models are "
                    + "binary");
        }
        int maxFeature = Integer.parseInt(header.getOrDefault("max_feature_idx", "-1"));
        if (maxFeature + 1 != features) {
            throw new IllegalStateException("a LightGBM model of " + (maxFeature + 1) + " features for a schema of "
                    + features);
        }
        double sigmoid = 1;
        for (String part : objective.split(" ")) {
            if (part.startsWith("sigmoid:")) {
                sigmoid = Double.parseDouble(part.substring("sigmoid:".length()));
            }
        }
        double[] gain = new double[features];
        List<Tree> trees = new ArrayList<>();
        for (Map<String, String> b : blocks) {
            trees.add(tree(b, gain));
        }
        return new LightGbmText(CompiledTrees.ofLightGbm(trees, features), sigmoid, averaged, gain);
    }

    /** @return the factor from the trees' summed output to log-odds: the sigmoid, over the tree count if averaged */
    double scale() {
        return averaged ? sigmoid / Math.max(1, trees.size()) : sigmoid;
    }

    private static Tree tree(Map<String, String> b, double[] gain) {
        int leaves = Integer.parseInt(b.get("num_leaves"));
        double[] leafValue = doubles(b.get("leaf_value"));
        if (leaves == 1) {
            return new Tree(new int[0], new double[0], new int[0], new int[0], leafValue, new double[] {1},
                    new double[0]);
        }
        int[] decision = ints(b.get("decision_type"));
        for (int d : decision) {
            if ((d & CATEGORICAL) != 0 || ((d >> 2) & 3) == MISSING_ZERO) {
                throw new IllegalStateException("a LightGBM split of decision type " + d + " (categorical or zero "
                        + "as missing); slacast fits numerical splits only");
            }
        }
        int[] feature = ints(b.get("split_feature"));
        double[] splitGain = doubles(b.get("split_gain"));
        for (int i = 0; i < feature.length; i++) {
            gain[feature[i]] += splitGain[i];
        }
        return new Tree(feature, doubles(b.get("threshold")), ints(b.get("left_child")), ints(b.get("right_child")),
                leafValue, doubles(b.get("leaf_count")), doubles(b.get("internal_count")));
    }

    private static int[] ints(String s) {
        return java.util.Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] doubles(String s) {
        return java.util.Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
