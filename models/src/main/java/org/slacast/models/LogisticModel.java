package org.slacast.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slacast.core.feature.Feature;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Logistic regression through Tribuo's {@code LinearSGDTrainer} with the {@code LogMulticlass} objective and
 * AdaGrad (Duchi, Hazan and Singer, JMLR 12, 2011); Tribuo 4.3.2's Adam is broken. Numeric features are
 * standardised with training means and deviations; categorical codes are one-hot encoded. Breaches are weighted
 * up to balance the classes. The model is stored with Tribuo's protobuf {@code serializeToFile}.
 */
public final class LogisticModel implements BreachModel {
    static final String FILE = "logistic.tribuo";
    static final String SCALING_FILE = "logistic-scaling.json";
    private static final Label BREACH = new Label("1");
    private static final Label NO_BREACH = new Label("0");

    private final LinearSGDModel model;
    private final Scaling scaling;
    private final List<String> columns;
    private final double[] coefficients;
    private final int[] featureIds;
    /** Where Tribuo keeps the bias: one past the last feature id. */
    private final int bias;
    /** Per categorical column, its levels' codes (sorted) and their feature ids; null for a numeric column. */
    private final int[][] levelCodes;
    private final int[][] levelIds;

    /**
     * Means and deviations of the numeric features; categorical columns are marked.
     *
     * @param kinds  each column's kind
     * @param means  training mean per column
     * @param scales training standard deviation per column (1 where constant)
     */
    public record Scaling(List<Feature.Kind> kinds, double[] means, double[] scales) {
    }

    private LogisticModel(LinearSGDModel model, Scaling scaling, List<String> columns) {
        this.model = model;
        this.scaling = scaling;
        int p = columns.size();
        this.columns = List.copyOf(columns);
        DenseMatrix w = model.getWeightsCopy();
        int breach = model.getOutputIDInfo().getID(BREACH);
        int none = model.getOutputIDInfo().getID(NO_BREACH);
        var ids = model.getFeatureIDMap();
        this.coefficients = new double[w.getDimension2Size()];
        for (int f = 0; f < coefficients.length; f++) {
            coefficients[f] = w.get(breach, f) - (none >= 0 ? w.get(none, f) : 0);
        }
        this.featureIds = new int[p];
        for (int j = 0; j < p; j++) {
            var info = ids.get("n:" + columns.get(j));
            featureIds[j] = info == null ? -1 : info.getID();
        }
        this.bias = ids.size();
        this.levelCodes = new int[p][];
        this.levelIds = new int[p][];
        for (int j = 0; j < p; j++) {
            if (scaling.kinds().get(j) == Feature.Kind.CATEGORICAL) {
                levels(j, ids);
            }
        }
    }

    private void levels(int j, org.tribuo.ImmutableFeatureMap ids) {
        String prefix = columns.get(j) + "=";
        java.util.TreeMap<Integer, Integer> found = new java.util.TreeMap<>();
        for (var info : ids) {
            String name = info.getName();
            if (name.startsWith(prefix)) {
                try {
                    found.put(Integer.parseInt(name.substring(prefix.length())), ids.getID(name));
                } catch (NumberFormatException e) {
                    // not a level this adapter wrote: it never matches a code
                }
            }
        }
        levelCodes[j] = found.keySet().stream().mapToInt(Integer::intValue).toArray();
        levelIds[j] = found.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Column j's term of the margin: its level's coefficient, or its coefficient times its standardised value. */
    private double term(int j, double v) {
        if (levelCodes[j] == null) {
            int id = featureIds[j];
            return id < 0 ? 0 : coefficients[id] * (v - scaling.means()[j]) / scaling.scales()[j];
        }
        int at = java.util.Arrays.binarySearch(levelCodes[j], (int) v);
        return at < 0 ? 0 : coefficients[levelIds[j][at]];
    }

    /**
     * @param data   training rows
     * @param params epochs and learning rate
     * @param seed   the seed for shuffling
     * @return the fitted model
     */
    public static LogisticModel fit(TrainingSet data, LogisticParameters params, long seed) {
        Scaling scaling = scaling(data);
        double rate = data.positiveRate();
        float positiveWeight = rate <= 0 || rate >= 0.5 ? 1f : (float) Math.min(10, (1 - rate) / rate);
        var factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("slacast training set",
                factory), factory);
        for (int i = 0; i < data.size(); i++) {
            Example<Label> e = example(data.y()[i] == 1 ? BREACH : NO_BREACH, data.x()[i], scaling,
                    data.schema().names());
            if (data.y()[i] == 1) {
                e.setWeight(positiveWeight);
            }
            ds.add(e);
        }
        var trainer = new LinearSGDTrainer(new LogMulticlass(),
                new AdaGrad(params.learningRate(), 0.1), params.epochs(), Integer.MAX_VALUE, 1, seed);
        return new LogisticModel((LinearSGDModel) trainer.train(ds), scaling, data.schema().names());
    }

    static LogisticModel load(Path dir, List<String> columns) throws IOException {
        Model<?> m = Model.deserializeFromFile(dir.resolve(FILE));
        if (!(m instanceof LinearSGDModel lm)) {
            throw new IOException(dir.resolve(FILE) + " holds a " + m.getClass().getSimpleName()
                    + ", not a logistic model");
        }
        Scaling s = new ObjectMapper().readValue(dir.resolve(SCALING_FILE).toFile(), Scaling.class);
        if (s.means().length != columns.size()) {
            throw new IOException(dir.resolve(SCALING_FILE) + " scales " + s.means().length + " features, not "
                    + columns.size());
        }
        return new LogisticModel(lm, s, columns);
    }

    private static Scaling scaling(TrainingSet data) {
        int p = data.schema().size();
        double[] mean = new double[p];
        double[] scale = new double[p];
        int n = data.size();
        for (double[] row : data.x()) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : data.x()) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        return new Scaling(data.kinds(), mean, scale);
    }

    private static Example<Label> example(Label label, double[] x, Scaling s, List<String> columns) {
        String[] fn = new String[x.length];
        double[] fv = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            if (s.kinds().get(j) == Feature.Kind.CATEGORICAL) {
                fn[j] = columns.get(j) + "=" + (int) x[j];
                fv[j] = 1;
            } else {
                fn[j] = "n:" + columns.get(j);
                fv[j] = (x[j] - s.means()[j]) / s.scales()[j];
            }
        }
        return new ArrayExample<>(label, fn, fv);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LOGISTIC;
    }

    /**
     * Tribuo's prediction as one dot product: with two outputs, the softmax of their scores is the logistic
     * function of their difference. Tribuo builds, sorts and looks up an example of named features per call,
     * which was most of a logistic score's time and a visible share of the server's CPU as the shadow challenger.
     */
    @Override
    public double score(double[] x) {
        double margin = coefficients[bias];
        for (int j = 0; j < x.length; j++) {
            margin += term(j, x[j]);
        }
        return 1 / (1 + Math.exp(-margin));
    }

    /** The score through Tribuo's own prediction, which {@link #score} must equal. */
    double tribuoScore(double[] x) {
        Prediction<Label> p = model.predict(example(NO_BREACH, x, scaling, columns));
        Label l = p.getOutputScores().get(BREACH.getLabel());
        return l == null ? 0 : l.getScore();
    }

    @Override
    public double[] contributions(double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = term(j, x[j]);
        }
        return out;
    }

    @Override
    public double[] importance() {
        // Mean absolute standardised coefficient; a categorical column takes its largest level.
        double[] imp = new double[columns.size()];
        for (int j = 0; j < imp.length; j++) {
            if (levelIds[j] != null) {
                for (int id : levelIds[j]) {
                    imp[j] = Math.max(imp[j], Math.abs(coefficients[id]));
                }
            } else if (featureIds[j] >= 0) {
                imp[j] = Math.abs(coefficients[featureIds[j]]);
            }
        }
        return BreachModel.normalise(imp);
    }

    @Override
    public void save(Path dir) throws IOException {
        model.serializeToFile(dir.resolve(FILE));
        Files.writeString(dir.resolve(SCALING_FILE), new ObjectMapper().writeValueAsString(scaling));
    }

    @Override
    public String fileName() {
        return FILE;
    }
}
