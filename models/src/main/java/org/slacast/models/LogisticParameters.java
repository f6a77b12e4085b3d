package org.slacast.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the logistic regression is fitted ({@link LogisticModel}): Tribuo's {@code LinearSGDTrainer} with AdaGrad,
 * one example per step. AdaGrad's epsilon (0.1), the standardisation and the class weight are not parameters.
 *
 * @param epochs       {@code epochs}: passes over the training examples; default 5, at least 1
 * @param learningRate {@code learning_rate}: AdaGrad's initial learning rate; default 0.1, above 0
 * @param maxExamples  {@code max_examples}: fit on at most this many training examples; default 100,000 (on
 *                     300,000 tickets it scored as 200,000 did, 0.8298 against 0.8299, in half the time); 0 leaves
 *                     the pipeline's cap ({@code --max-train-examples}) alone
 */
public record LogisticParameters(int epochs, double learningRate, int maxExamples) implements ModelParameters {
    /** 5 epochs at learning rate 0.1, no cap of its own. */
    public static final LogisticParameters DEFAULTS = new LogisticParameters(5, 0.1, 100_000);

    /** Checks each value's range. */
    public LogisticParameters {
        ModelKind k = ModelKind.LOGISTIC;
        ParameterBounds.atLeast(k, "epochs", epochs, 1);
        ParameterBounds.positive(k, "learning_rate", learningRate);
        ParameterBounds.atLeast(k, "max_examples", maxExamples, 0);
    }

    /** Reads a complete map with {@link #asMap()}'s names. */
    static LogisticParameters of(Map<String, Number> v) {
        return new LogisticParameters(v.get("epochs").intValue(), v.get("learning_rate").doubleValue(),
                v.get("max_examples").intValue());
    }

    /**
     * @param count the number of epochs
     * @return these parameters with another number of epochs
     */
    public LogisticParameters withEpochs(int count) {
        return new LogisticParameters(count, learningRate, maxExamples);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LOGISTIC;
    }

    @Override
    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("learning_rate", learningRate);
        m.put("max_examples", maxExamples);
        return Collections.unmodifiableMap(m);
    }
}
