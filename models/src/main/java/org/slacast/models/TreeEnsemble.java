package org.slacast.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import smile.classification.Classifier;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.feature.importance.SHAP;

/**
 * What the Smile tree ensembles share: scoring through one reused schema, TreeSHAP contributions for the breach
 * class, and Java serialisation of the fitted model.
 *
 * @param <M> the Smile model
 */
abstract sealed class TreeEnsemble<M extends Classifier<Tuple> & SHAP<Tuple>> implements BreachModel
        permits ForestModel, BoostModel {
    final M model;
    private final StructType schema;
    private final String file;

    TreeEnsemble(M model, List<String> names, String file) {
        this.model = model;
        this.schema = SmileFrames.scoringSchema(names);
        this.file = file;
    }

    @Override
    public double score(double[] x) {
        double[] posteriori = new double[2];
        model.predict(SmileFrames.tuple(schema, x), posteriori);
        return posteriori[1];
    }

    @Override
    public double[] contributions(double[] x) {
        return contributionsOf(model, x);
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
