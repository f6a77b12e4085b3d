package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import smile.classification.Classifier;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.feature.importance.SHAP;

/**
 * What the Smile tree ensembles share: scoring and path attributions through {@link CompiledTrees}, exact TreeSHAP
 * contributions for the breach class through Smile on one reused schema, and Java serialisation of the fitted
 * model.
 *
 * @param <M> the Smile model
 */
abstract sealed class TreeEnsemble<M extends Classifier<Tuple> & SHAP<Tuple>> implements BreachModel
        permits ForestModel, BoostModel {
    final M model;
    final CompiledTrees trees;
    private final StructType schema;
    private final String file;

    TreeEnsemble(M model, CompiledTrees trees, List<String> names, String file) {
        this.model = model;
        this.trees = trees;
        this.schema = SmileFrames.scoringSchema(names);
        this.file = file;
    }

    /** The uncalibrated score through Smile itself; {@link #score} must agree with it. */
    double smileScore(double[] x) {
        double[] posteriori = new double[2];
        model.predict(SmileFrames.tuple(schema, x), posteriori);
        return posteriori[1];
    }

    @Override
    public double[] contributions(double[] x) {
        return contributionsOf(model, x);
    }

    @Override
    public double[] contributions(double[] x, Explanation how) {
        return how == Explanation.PATH ? pathContributions(x) : contributions(x);
    }

    @Override
    public final double score(double[] x) {
        return scoreOf(trees.sum(x));
    }

    @Override
    public final Scored scored(double[] x, Explanation how) {
        if (how != Explanation.PATH) {
            return BreachModel.super.scored(x, how);
        }
        double[] phi = new double[x.length];
        double sum = trees.walk(x, phi);
        toUnits(phi);
        return new Scored(scoreOf(sum), phi);
    }

    /** @param sum the compiled trees' weighted output @return the uncalibrated score */
    abstract double scoreOf(double sum);

    /** Scales the compiled trees' path attributions to the units of {@link #contributions(double[])}. */
    abstract void toUnits(double[] phi);

    /** @param x a feature vector @return path attributions in the units of {@link #contributions(double[])} */
    final double[] pathContributions(double[] x) {
        double[] phi = trees.attributions(x);
        toUnits(phi);
        return phi;
    }

    /** TreeSHAP values of the breach class from a model of the same schema. */
    double[] contributionsOf(SHAP<Tuple> explainer, double[] x) {
        return SmileShap.forClass(explainer.shap(SmileFrames.tuple(schema, x)), x.length, 1);
    }

    @Override
    public void save(Path dir) throws IOException {
        SmileFrames.write(model, dir.resolve(file));
    }

    @Override
    public String fileName() {
        return file;
    }
}
