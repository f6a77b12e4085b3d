package org.slacast.models;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.BadInputException;

/**
 * A model kind's fitting parameters, typed and range-checked, in the manner of Tribuo's documented trainer
 * options. Each record documents its parameters' names (snake_case, as {@code --param KIND.NAME=VALUE} writes
 * them), defaults and ranges; {@link #asMap()} gives them by those names for the bundle manifest.
 */
public sealed interface ModelParameters permits ForestParameters, BoostParameters, LogisticParameters,
        LightGbmParameters {

    /** @return the kind these parameters fit */
    ModelKind kind();

    /** @return at most this many training examples for this kind's fit; 0 for the pipeline's cap alone */
    int maxExamples();

    /** @return every parameter by its snake_case name, in declaration order; whole numbers as Integer */
    Map<String, Number> asMap();

    /**
     * @param pipelineCap the training pipeline's cap on fitting examples ({@code --max-train-examples})
     * @return how many examples this fit may use: the smaller of the two caps, or the pipeline's when this has none
     */
    default int exampleCap(int pipelineCap) {
        return maxExamples() == 0 ? pipelineCap : Math.min(maxExamples(), pipelineCap);
    }

    /**
     * @param kind a model kind
     * @return its default parameters, e.g. {@link ForestParameters#DEFAULTS}
     */
    static ModelParameters defaults(ModelKind kind) {
        return switch (kind) {
            case RANDOM_FOREST -> ForestParameters.DEFAULTS;
            case GRADIENT_BOOSTING -> BoostParameters.DEFAULTS;
            case LOGISTIC -> LogisticParameters.DEFAULTS;
            case LIGHTGBM -> LightGbmParameters.DEFAULTS;
        };
    }

    /**
     * @param kind a model kind
     * @return the names of its parameters, sorted
     */
    static List<String> names(ModelKind kind) {
        return defaults(kind).asMap().keySet().stream().sorted().toList();
    }

    /**
     * Reads parameters from text, such as the command line's {@code --param KIND.NAME=VALUE} pairs for one kind.
     * Parameters not given keep their defaults.
     *
     * @param kind   the kind they are for
     * @param values parameter name to its value's text, e.g. {@code trees -> 300}
     * @return the parameters
     * @throws BadInputException naming the parameter ({@code random-forest.tress=300}) when the name is not one of
     *                           the kind's, which are listed, or the value is not a number, not whole where a whole
     *                           number is needed, or out of range
     */
    static ModelParameters parse(ModelKind kind, Map<String, String> values) {
        Map<String, Number> merged = new LinkedHashMap<>(defaults(kind).asMap());
        values.forEach((name, text) -> {
            Number old = merged.get(name);
            if (old == null) {
                throw ParameterBounds.refused(kind, name, text, "unknown parameter '" + name + "' for "
                        + kind.label() + "; valid: " + String.join(", ", names(kind)));
            }
            merged.put(name, number(kind, name, text, old instanceof Integer));
        });
        return switch (kind) {
            case RANDOM_FOREST -> ForestParameters.of(merged);
            case GRADIENT_BOOSTING -> BoostParameters.of(merged);
            case LOGISTIC -> LogisticParameters.of(merged);
            case LIGHTGBM -> LightGbmParameters.of(merged);
        };
    }

    private static Number number(ModelKind kind, String name, String text, boolean whole) {
        BigDecimal d;
        try {
            // BigDecimal rather than Double.parseDouble: no NaN, Infinity, hex or '1d' slips through.
            d = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ParameterBounds.refused(kind, name, text, "not a number");
        }
        if (!whole) {
            return d.doubleValue();
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw ParameterBounds.refused(kind, name, text, "must be a whole number");
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw ParameterBounds.refused(kind, name, text, d.signum() > 0 ? "must be at most " + Integer.MAX_VALUE
                    : "out of range");
        }
    }
}
