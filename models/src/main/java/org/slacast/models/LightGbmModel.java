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
 */
public final class LightGbmModel implements BreachModel {
    static final String FILE = "lightgbm.txt";
    private static final Cleaner CLEANER = Cleaner.create();
    private final String text;
    private final LightGbmText trees;
    private final int features;
    private final int rounds;
    private NativeBooster explainer;

    LightGbmModel(String text, List<String> names) {
        this.text = text;
        this.trees = LightGbmText.parse(text, names.size());
        this.features = names.size();
        this.rounds = trees.trees().size();
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
        loadNative();
        String config = params.config(seed);
        boolean early = params.patience() > 0 && validation != null && validation.bothOutcomes();
        try (LGBMDataset train = dataset(data, config, null);
             LGBMDataset valid = early ? dataset(validation, config, train) : null) {
            LGBMBooster booster = LGBMBooster.create(train, config);
            try {
                if (early) {
                    booster.addValidData(valid);
                }
                int best = 0;
                int done = 0;
                double bestLoss = Double.POSITIVE_INFINITY;
                while (done < params.trees()) {
                    boolean finished = booster.updateOneIter();
                    done++;
                    if (early) {
                        double loss = booster.getEval(1)[0];
                        if (loss < bestLoss) {
                            bestLoss = loss;
                            best = done;
                        } else if (done - best >= params.patience()) {
                            break;
                        }
                    }
                    if (finished) {
                        break;
                    }
                }
                int keep = early ? Math.max(1, best) : done;
                return new LightGbmModel(booster.saveModelToString(0, keep, LGBMBooster.FeatureImportanceType.GAIN),
                        data.schema().names());
            } finally {
                booster.close();
            }
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM refused the fit: " + e.getMessage(), e);
        }
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

    static LightGbmModel load(Path dir, List<String> names) throws IOException {
        return new LightGbmModel(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8), names);
    }

    /** @return the number of boosting rounds kept */
    public int treeCount() {
        return rounds;
    }

    /** @return the log-odds when no feature is known: the trees' cover-weighted expected output */
    double bias() {
        return trees.sigmoid() * trees.trees().bias();
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LIGHTGBM;
    }

    @Override
    public double score(double[] x) {
        return 1.0 / (1.0 + Math.exp(-trees.sigmoid() * trees.trees().sum(x)));
    }

    /** LightGBM's own probability for the same vector, through the native library; {@link #score} must agree. */
    double nativeScore(double[] x) {
        return booster().predict(x, PredictionType.C_API_PREDICT_NORMAL)[0];
    }

    /** Exact TreeSHAP from LightGBM ({@code pred_contrib}), in log-odds; its last value, the bias, is dropped. */
    @Override
    public double[] contributions(double[] x) {
        double[] phi = booster().predict(x, PredictionType.C_API_PREDICT_CONTRIB);
        double[] out = new double[features];
        for (int j = 0; j < features; j++) {
            out[j] = trees.sigmoid() * phi[j];
        }
        return out;
    }

    @Override
    public double[] contributions(double[] x, Explanation how) {
        if (how != Explanation.PATH) {
            return contributions(x);
        }
        double[] phi = trees.trees().attributions(x);
        for (int j = 0; j < phi.length; j++) {
            phi[j] *= trees.sigmoid();
        }
        return phi;
    }

    @Override
    public double[] importance() {
        return BreachModel.normalise(trees.gain());
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    @Override
    public String fileName() {
        return FILE;
    }

    /** The native booster, made once from the text when first asked for and freed when this model is. */
    private synchronized NativeBooster booster() {
        if (explainer == null) {
            loadNative();
            try {
                explainer = new NativeBooster(LGBMBooster.loadModelFromString(text), features);
            } catch (LGBMException e) {
                throw new IllegalStateException("LightGBM cannot read its own model: " + e.getMessage(), e);
            }
            CLEANER.register(this, explainer::close);
        }
        return explainer;
    }

    /** One native booster, used by one thread at a time. */
    private record NativeBooster(LGBMBooster booster, int features) {
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
