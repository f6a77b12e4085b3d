package org.slacast.models;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slacast.core.BadInputException;

/**
 * LightGBM's gradient boosting (Ke et al., "LightGBM: a highly efficient gradient boosting decision tree",
 * NeurIPS 2017): histogram-based, trees grown leaf-wise, through lightgbm4j. It is fitted natively, stopped early
 * on the validation log loss, and kept as LightGBM's own text model; scoring and path attributions run in plain
 * Java on the trees read from that text ({@link LightGbmText}), so a bundle scores without the native library and
 * as fast as the Smile models. Exact TreeSHAP contributions come from LightGBM itself ({@code pred_contrib}), in
 * log-odds like gradient boosting's.
 *
 * <p>The same machinery grows a Random Forest (Breiman, Machine Learning 45, 2001) with LightGBM's {@code rf}
 * mode ({@link #fitForest}): bagged trees, each split choosing among a random {@code floor(sqrt(p))} of the
 * features, whose raw outputs are averaged. Its histograms cost a fraction of Smile's exact split search.
 */
public final class LightGbmModel implements BreachModel {
    static final String FILE = "lightgbm.txt";
    /** A forest's file: Smile's forests are {@code random-forest.ser}, and both still load. */
    static final String FOREST_FILE = "random-forest.txt";
    private static final Cleaner CLEANER = Cleaner.create();
    private final String text;
    private final LightGbmText trees;
    private final ModelKind kind;
    private final int features;
    private final int rounds;
    /** From the trees' summed output to log-odds ({@link LightGbmText#scale}), once: it is on every score. */
    private final double scale;
    private NativeBooster explainer;

    LightGbmModel(String text, List<String> names, ModelKind kind) {
        this.text = text;
        this.trees = LightGbmText.parse(text, names.size());
        this.kind = kind;
        this.features = names.size();
        this.rounds = trees.trees().size();
        this.scale = trees.scale();
    }

    /**
     * Fits, and with validation rows and a patience stops early: once {@code patience} rounds in a row have not
     * lowered the validation log loss, fitting stops and the rounds up to the best are kept.
     *
     * @param data       training rows
     * @param validation validation rows with both outcomes, or null to fit every round
     * @param params     LightGBM's parameters
     * @param seed       the seed
     * @return the fitted model
     * @throws BadInputException when LightGBM's native library cannot be loaded on this platform
     */
    public static LightGbmModel fit(TrainingSet data, TrainingSet validation, LightGbmParameters params, long seed) {
        boolean early = params.patience() > 0 && validation != null && validation.bothOutcomes();
        return train(data, early ? validation : null, params.config(seed), params.trees(), params.patience(),
                ModelKind.LIGHTGBM);
    }

    /**
     * Grows a Random Forest in LightGBM's {@code rf} mode; with validation rows and a patience, only until the
     * validation log loss of the averaged trees has not fallen for {@code patience} trees, keeping those up to the best.
     *
     * @param data       training rows
     * @param validation validation rows with both outcomes, or null to grow every tree
     * @param params     the forest's size and tree limits
     * @param seed       the seed of the bagging and of the features each split may use
     * @return the fitted forest, of kind {@link ModelKind#RANDOM_FOREST}
     * @throws BadInputException when LightGBM's native library cannot be loaded on this platform
     */
    public static LightGbmModel fitForest(TrainingSet data, TrainingSet validation, ForestParameters params,
                                          long seed) {
        boolean early = params.patience() > 0 && validation != null && validation.bothOutcomes();
        return train(data, early ? validation : null, params.lightGbmConfig(data.schema().size(), seed),
                params.trees(), params.patience(), ModelKind.RANDOM_FOREST);
    }

    /** @return whether LightGBM's native library loads on this platform */
    static boolean available() {
        try {
            loadNative();
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /** Fits up to {@code rounds} rounds; with validation rows, stops after {@code patience} without a better loss. */
    private static LightGbmModel train(TrainingSet data, TrainingSet validation, String config, int rounds,
                                       int patience, ModelKind kind) {
        loadNative();
        try (LGBMDataset train = dataset(data, config, null);
             LGBMDataset valid = validation != null ? dataset(validation, config, train) : null) {
            LGBMBooster booster = LGBMBooster.create(train, config);
            try {
                if (valid != null) {
                    booster.addValidData(valid);
                }
                int keep = rounds(booster, valid != null, rounds, patience);
                return new LightGbmModel(booster.saveModelToString(0, keep, LGBMBooster.FeatureImportanceType.GAIN),
                        data.schema().names(), kind);
            } finally {
                booster.close();
            }
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM refused the fit: " + e.getMessage(), e);
        }
    }

    /** Runs the rounds; returns how many to keep: all of them, or those up to the best validation loss. */
    private static int rounds(LGBMBooster booster, boolean early, int rounds, int patience) throws LGBMException {
        ValidationStop watch = early ? new ValidationStop(patience) : null;
        int done = 0;
        while (done < rounds) {
            boolean finished = booster.updateOneIter();
            done++;
            boolean stop = early && watch.stop(done, booster.getEval(1)[0]); // the last round counts too
            if (stop || finished) {
                break;
            }
        }
        return early ? Math.max(1, watch.best()) : done;
    }

    private static LGBMDataset dataset(TrainingSet s, String config, LGBMDataset reference) throws LGBMException {
        int f = s.schema().size();
        double[] flat = new double[s.size() * f];
        float[] labels = new float[s.size()];
        for (int i = 0; i < s.size(); i++) {
            System.arraycopy(s.x()[i], 0, flat, i * f, f);
            labels[i] = s.y()[i];
        }
        LGBMDataset d = LGBMDataset.createFromMat(flat, s.size(), f, true, config, reference);
        d.setField("label", labels);
        return d;
    }

    private static void loadNative() {
        try {
            LGBMBooster.loadNative();
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new BadInputException("LightGBM's native library cannot be loaded here (" + e.getMessage()
                    + "); lightgbm4j ships it for Linux, macOS and Windows on x86_64 and for arm64; choose another "
                    + "model kind with --models");
        }
    }

    static LightGbmModel load(Path dir, List<String> names, ModelKind kind) throws IOException {
        return new LightGbmModel(Files.readString(dir.resolve(fileOf(kind)), StandardCharsets.UTF_8), names, kind);
    }

    private static String fileOf(ModelKind kind) {
        return kind == ModelKind.RANDOM_FOREST ? FOREST_FILE : FILE;
    }

    /** @return the number of boosting rounds kept, or of a forest's trees */
    public int treeCount() {
        return rounds;
    }

    /** @return the log-odds when no feature is known: the trees' cover-weighted expected output */
    double bias() {
        return scale * trees.trees().bias();
    }

    @Override
    public ModelKind kind() {
        return kind;
    }

    @Override
    public double score(double[] x) {
        return scoreOf(trees.trees().sum(x));
    }

    private double scoreOf(double sum) {
        return 1.0 / (1.0 + Math.exp(-scale * sum));
    }

    @Override
    public Scored scored(double[] x, Explanation how) {
        if (how != Explanation.PATH) {
            return BreachModel.super.scored(x, how);
        }
        double[] phi = new double[features];
        double sum = trees.trees().walk(x, phi);
        scale(phi);
        return new Scored(scoreOf(sum), phi);
    }

    /** LightGBM's own probability for the same vector, from every tree; {@link #score} must agree. For tests. */
    double nativeScore(double[] x) {
        NativeBooster all = NativeBooster.of(text, features, rounds, rounds);
        try {
            return all.predict(x, PredictionType.C_API_PREDICT_NORMAL)[0];
        } finally {
            all.close();
        }
    }

    /**
     * Exact TreeSHAP from LightGBM ({@code pred_contrib}), in log-odds; its last value, the bias, is dropped. A
     * forest is explained by its first {@link ForestModel#EXPLAIN_TREES} trees, whose mean estimates the whole
     * forest's, since TreeSHAP's cost grows with the trees times their leaves. LightGBM sums a forest's
     * contributions instead of averaging them (its issue 6217), so they are averaged here.
     */
    @Override
    public double[] contributions(double[] x) {
        NativeBooster b = booster();
        double[] phi = b.predict(x, PredictionType.C_API_PREDICT_CONTRIB);
        double unit = trees.averaged() ? trees.sigmoid() / b.trees() : trees.sigmoid();
        double[] out = new double[features];
        for (int j = 0; j < features; j++) {
            out[j] = unit * phi[j];
        }
        return out;
    }

    @Override
    public double[] contributions(double[] x, Explanation how) {
        if (how != Explanation.PATH) {
            return contributions(x);
        }
        double[] phi = trees.trees().attributions(x);
        scale(phi);
        return phi;
    }

    private void scale(double[] phi) {
        for (int j = 0; j < phi.length; j++) {
            phi[j] *= scale;
        }
    }

    @Override
    public double[] importance() {
        return BreachModel.normalise(trees.gain());
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.writeString(dir.resolve(fileName()), text, StandardCharsets.UTF_8);
    }

    @Override
    public String fileName() {
        return fileOf(kind);
    }

    /** The native booster, made once from the text when first asked for and freed when this model is. */
    private synchronized NativeBooster booster() {
        if (explainer == null) {
            int explained = kind == ModelKind.RANDOM_FOREST ? Math.min(rounds, ForestModel.EXPLAIN_TREES) : rounds;
            explainer = NativeBooster.of(text, features, explained, rounds);
            CLEANER.register(this, explainer::close);
        }
        return explainer;
    }

    /** One native booster of a model's first {@code trees} trees, used by one thread at a time. */
    private record NativeBooster(LGBMBooster booster, int features, int trees) {
        static NativeBooster of(String text, int features, int trees, int total) {
            loadNative();
            try {
                LGBMBooster all = LGBMBooster.loadModelFromString(text);
                if (trees >= total) {
                    return new NativeBooster(all, features, total);
                }
                String first = all.saveModelToString(0, trees, LGBMBooster.FeatureImportanceType.GAIN);
                all.close();
                return new NativeBooster(LGBMBooster.loadModelFromString(first), features, trees);
            } catch (LGBMException e) {
                throw new IllegalStateException("LightGBM cannot read its own model: " + e.getMessage(), e);
            }
        }

        synchronized double[] predict(double[] x, PredictionType type) {
            try {
                return booster.predictForMat(x, 1, features, true, type);
            } catch (LGBMException e) {
                throw new IllegalStateException("LightGBM could not predict: " + e.getMessage(), e);
            }
        }

        synchronized void close() {
            try {
                booster.close();
            } catch (LGBMException ignored) {
                // freed at exit anyway
            }
        }
    }
}
