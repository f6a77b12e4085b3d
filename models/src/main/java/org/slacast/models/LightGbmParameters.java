package org.slacast.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How LightGBM is fitted ({@link LightGbmModel}), with its binary log loss, in the names of {@code --param
 * lightgbm.NAME=VALUE}. LightGBM's own parameter names are given beside each.
 *
 * @param trees           {@code trees} ({@code num_iterations}): at most this many boosting rounds; default 500, at
 *                        least 1
 * @param leaves          {@code leaves} ({@code num_leaves}): at most this many leaves per tree, grown leaf-wise;
 *                        default 31, from 2 to 131,072 (LightGBM's limit)
 * @param learningRate    {@code learning_rate}: each tree's shrinkage; default 0.05, in (0, 1]
 * @param minLeaf         {@code min_leaf} ({@code min_data_in_leaf}): a leaf holds at least this many rows; default
 *                        40, at least 1
 * @param featureFraction {@code feature_fraction}: the share of features each tree may use; default 0.8, in (0, 1]
 * @param baggingFraction {@code bagging_fraction}: the share of rows each tree is fitted on; default 0.8, in (0, 1]
 * @param l2              {@code l2} ({@code lambda_l2}): the L2 penalty on leaf values; default 1, at least 0
 * @param maxBin          {@code max_bin}: at most this many histogram bins per feature; default 255, at least 2
 * @param maxExamples     {@code max_examples}: fit on at most this many training examples, within the pipeline's
 *                        cap; default 0, the pipeline's cap alone
 * @param patience        {@code patience}: stop once this many rounds in a row have not lowered the validation
 *                        log loss, and keep the rounds up to the best; default 30; 0 fits every round
 * @param threads         {@code threads} ({@code num_threads}): fitting threads; default 1, because {@code train}
 *                        fits the forest and the logistic model beside it and a second OpenMP thread only
 *                        contends with them (on 2 cores, 20,000 and 300,000 tickets: about 0.89 of the time
 *                        taken with 2, and the same trees). LightGBM is run deterministic: the same data, seed
 *                        and thread count give the same model
 */
public record LightGbmParameters(int trees, int leaves, double learningRate, int minLeaf, double featureFraction,
                                 double baggingFraction, double l2, int maxBin, int maxExamples, int patience,
                                 int threads) implements ModelParameters {
    /** 500 rounds of up to 31 leaves at 0.05, leaves of 40 rows, 0.8 of features and rows, stopped after 30. */
    public static final LightGbmParameters DEFAULTS = new LightGbmParameters(500, 31, 0.05, 40, 0.8, 0.8, 1.0,
            255, 0, 30, 1);

    /** Checks each value's range, by name, before LightGBM sees it. */
    public LightGbmParameters {
        ModelKind k = ModelKind.LIGHTGBM;
        ParameterBounds.atLeast(k, "trees", trees, 1);
        ParameterBounds.between(k, "leaves", leaves, 2, ParameterBounds.MAX_LEAVES);
        ParameterBounds.fraction(k, "learning_rate", learningRate);
        ParameterBounds.atLeast(k, "min_leaf", minLeaf, 1);
        ParameterBounds.fraction(k, "feature_fraction", featureFraction);
        ParameterBounds.fraction(k, "bagging_fraction", baggingFraction);
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw ParameterBounds.refused(k, "l2", l2, "must be a number at least 0");
        }
        ParameterBounds.atLeast(k, "max_bin", maxBin, 2);
        ParameterBounds.atLeast(k, "max_examples", maxExamples, 0);
        ParameterBounds.atLeast(k, "patience", patience, 0);
        ParameterBounds.atLeast(k, "threads", threads, 1);
        if (threads > 64) {
            throw ParameterBounds.refused(k, "threads", threads, "must be at most 64");
        }
    }

    /** Reads a complete map with {@link #asMap()}'s names. */
    static LightGbmParameters of(Map<String, Number> v) {
        return new LightGbmParameters(v.get("trees").intValue(), v.get("leaves").intValue(),
                v.get("learning_rate").doubleValue(), v.get("min_leaf").intValue(),
                v.get("feature_fraction").doubleValue(), v.get("bagging_fraction").doubleValue(),
                v.get("l2").doubleValue(), v.get("max_bin").intValue(), v.get("max_examples").intValue(),
                v.get("patience").intValue(), v.get("threads").intValue());
    }

    /**
     * @param count the number of rounds
     * @return these parameters with another number of rounds
     */
    public LightGbmParameters withTrees(int count) {
        return new LightGbmParameters(count, leaves, learningRate, minLeaf, featureFraction, baggingFraction, l2,
                maxBin, maxExamples, patience, threads);
    }

    /**
     * @param seed the seed of every random choice
     * @return LightGBM's parameter string
     */
    String config(long seed) {
        return binary(String.join(" ", "num_leaves=" + leaves, "learning_rate=" + learningRate,
                "min_data_in_leaf=" + minLeaf, "feature_fraction=" + featureFraction,
                "bagging_fraction=" + baggingFraction, "bagging_freq=" + (baggingFraction < 1 ? 1 : 0),
                "lambda_l2=" + l2, "max_bin=" + maxBin), threads, seed);
    }

    /**
     * What every fit slacast asks of LightGBM besides its own settings: the binary log loss, and deterministic
     * row-wise histograms on a fixed thread count, so the same data and seed give the same model; no log.
     *
     * @param fit     the fit's own settings, {@code key=value} separated by spaces
     * @param threads fitting threads
     * @param seed    the seed of every random choice
     * @return LightGBM's parameter string
     */
    static String binary(String fit, int threads, long seed) {
        return String.join(" ", "objective=binary", "metric=binary_logloss", fit, "num_threads=" + threads,
                "seed=" + (seed & 0x7fffffff), "deterministic=true", "force_row_wise=true", "verbosity=-1");
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LIGHTGBM;
    }

    @Override
    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("trees", trees);
        m.put("leaves", leaves);
        m.put("learning_rate", learningRate);
        m.put("min_leaf", minLeaf);
        m.put("feature_fraction", featureFraction);
        m.put("bagging_fraction", baggingFraction);
        m.put("l2", l2);
        m.put("max_bin", maxBin);
        m.put("max_examples", maxExamples);
        m.put("patience", patience);
        m.put("threads", threads);
        return Collections.unmodifiableMap(m);
    }
}
