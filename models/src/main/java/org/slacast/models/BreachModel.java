package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted model of breach probability. Scores are uncalibrated; a {@link Calibrator} maps them to probabilities.
 * Implementations are safe for concurrent scoring.
 */
public sealed interface BreachModel permits TreeEnsemble, LogisticModel, LightGbmModel {

    /** @return what kind of model this is */
    ModelKind kind();

    /**
     * @param x a feature vector in schema order
     * @return the uncalibrated probability of a breach
     */
    double score(double[] x);

    /**
     * Signed contributions of each feature to this score: TreeSHAP values for trees (Lundberg et al., "From local
     * explanations to global understanding with explainable AI for trees", Nature MI 2020), coefficient × value
     * for the logistic model.
     *
     * @param x a feature vector
     * @return one contribution per feature, in schema order
     */
    double[] contributions(double[] x);

    /**
     * Signed contributions by the chosen method. Tree ensembles offer fast path attributions besides TreeSHAP;
     * the logistic model's coefficient × value are exact and cheap either way.
     *
     * @param x   a feature vector
     * @param how path attributions or exact TreeSHAP
     * @return one contribution per feature, in schema order
     */
    default double[] contributions(double[] x, Explanation how) {
        return contributions(x);
    }

    /**
     * The score and its contributions by one method. Tree ensembles take both from one walk down each tree when
     * the method is {@link Explanation#PATH}; the score is the same double as {@link #score}'s either way.
     *
     * @param x   a feature vector
     * @param how path attributions or exact TreeSHAP
     * @return the uncalibrated score and one contribution per feature
     */
    default Scored scored(double[] x, Explanation how) {
        return new Scored(score(x), contributions(x, how));
    }

    /**
     * @param score         the uncalibrated probability of a breach
     * @param contributions one contribution per feature, in schema order
     */
    record Scored(double score, double[] contributions) {
    }

    /** @return global importance per feature, in schema order, summing to 1 */
    double[] importance();

    /**
     * Writes the model into a bundle directory.
     *
     * @param dir the bundle directory
     * @throws IOException if it cannot be written
     */
    void save(Path dir) throws IOException;

    /** @return the name of the file {@link #save} writes */
    String fileName();

    /**
     * Scales a vector to sum to 1 in absolute value; all zeros stay zeros.
     *
     * @param v values
     * @return the normalised copy
     */
    static double[] normalise(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += Math.abs(d);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = sum == 0 ? 0 : Math.abs(v[i]) / sum;
        }
        return out;
    }
}
