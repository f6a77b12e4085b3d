package org.slacast.models;

import org.slacast.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of breach model slacast trains. */
public enum ModelKind {
    /**
     * Breiman's Random Forest (Machine Learning 45, 2001), grown by LightGBM's {@code rf} mode; Smile's
     * {@code RandomForest} where LightGBM's native library does not load, and in bundles made before.
     */
    RANDOM_FOREST("random-forest"),
    /** Logistic regression fitted by SGD with AdaGrad (Duchi et al., JMLR 2011), Tribuo {@code LinearSGDTrainer}. */
    LOGISTIC("logistic"),
    /** Friedman's gradient tree boosting (Annals of Statistics 29, 2001), Smile {@code GradientTreeBoost}. */
    GRADIENT_BOOSTING("gradient-boosting"),
    /** Ke et al.'s LightGBM (NeurIPS 2017), histogram-based gradient boosting through lightgbm4j; a challenger. */
    LIGHTGBM("lightgbm");

    /** The kinds {@code train} fits unless {@code --models} says otherwise, on a desk of fewer tickets than
     * {@link #LARGE_DESK}. */
    public static final java.util.List<ModelKind> DEFAULTS = java.util.List.of(RANDOM_FOREST, LOGISTIC,
            GRADIENT_BOOSTING);

    /**
     * From this many tickets the default set fits LightGBM in place of Smile's boosting. Measured on generated
     * desks (docs/BENCHMARKS.md): at 20,000 tickets Smile's is ahead (test ROC-AUC 0.8578 against 0.8567); at
     * 50,000 LightGBM is (0.8632 against 0.8603), and at 300,000 too (0.8636 against 0.8592), in a fifth of the time.
     */
    public static final int LARGE_DESK = 35_000;

    /**
     * @param tickets the desk's tickets
     * @param tuned   the kinds given parameters of their own: a tuned boosting model stays in the set
     * @return the kinds {@code train} fits by default on a desk of that size
     */
    public static java.util.List<ModelKind> defaultsFor(int tickets, java.util.Set<ModelKind> tuned) {
        if (tickets < LARGE_DESK || tuned.contains(GRADIENT_BOOSTING)) {
            return DEFAULTS;
        }
        return java.util.List.of(RANDOM_FOREST, LOGISTIC, LIGHTGBM);
    }

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    /**
     * Fits a model of this kind.
     *
     * @param data   training rows
     * @param params this kind's parameters, e.g. {@link ModelParameters#defaults(ModelKind)}
     * @param seed   the seed; the same seed and data give the same model
     * @return the fitted model
     * @throws IllegalArgumentException if the parameters are another kind's
     */
    public BreachModel fit(TrainingSet data, ModelParameters params, long seed) {
        return fit(data, null, params, seed);
    }

    /**
     * Fits a model of this kind, with validation rows for the kinds that stop early on them (gradient boosting).
     *
     * @param data       training rows
     * @param validation validation rows, or null
     * @param params     this kind's parameters
     * @param seed       the seed; the same seed and data give the same model
     * @return the fitted model
     * @throws IllegalArgumentException if the parameters are another kind's
     */
    public BreachModel fit(TrainingSet data, TrainingSet validation, ModelParameters params, long seed) {
        if (params.kind() != this) {
            throw new IllegalArgumentException(params.kind().label() + " parameters given to fit " + label);
        }
        return switch (params) {
            case ForestParameters p -> LightGbmModel.available() ? LightGbmModel.fitForest(data, p, seed)
                    : ForestModel.fit(data, p, seed);
            case LogisticParameters p -> LogisticModel.fit(data, p, seed);
            case BoostParameters p -> BoostModel.fit(data, validation, p, seed);
            case LightGbmParameters p -> LightGbmModel.fit(data, validation, p, seed);
        };
    }

    /** @return the label used on the command line and in bundles */
    public String label() {
        return label;
    }

    /**
     * @param text a label such as {@code random-forest}, {@code rf}, {@code logistic}, {@code gbt}
     * @return the kind
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static ModelKind parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "random-forest", "rf", "forest" -> RANDOM_FOREST;
            case "logistic", "lr", "logistic-regression" -> LOGISTIC;
            case "gradient-boosting", "gbt", "gbm", "boosting" -> GRADIENT_BOOSTING;
            case "lightgbm", "lgbm", "lgb" -> LIGHTGBM;
            default -> throw new BadInputException("unknown model '" + text + "'; use one of "
                    + Arrays.stream(values()).map(ModelKind::label).toList());
        };
    }
}
