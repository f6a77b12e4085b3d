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
     * desks (docs/models.md): below it Smile's is ahead (10,000 tickets 0.8486 against 0.8445, and the 4,580-case
     * Helpdesk log 0.7405 against 0.7299); on four desks of 15,000 and 20,000 tickets they are level (LightGBM
     * +0.0031, -0.0005, +0.0012, -0.0011), LightGBM fitting in a seventh of the time; from 50,000 it is ahead.
     */
    public static final int LARGE_DESK = 15_000;

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
     * Fits a model of this kind, with validation rows for the kinds that stop early on them (the forest and boosting).
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
            case ForestParameters p -> LightGbmModel.available() ? LightGbmModel.fitForest(data, validation, p, seed)
                    : ForestModel.fit(data, validation, p, seed);
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
