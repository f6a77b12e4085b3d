package org.slacast.models;

import org.slacast.core.BadInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A trained model ready to score: the model, its calibrator and its manifest (schema, provenance, parameters,
 * metrics, threshold, training distributions). On disk it is a directory holding {@code bundle.json} and the
 * model file. Loading checks the format, the feature schema and the model file's checksum, and fails with a
 * message that says what is wrong and what to do.
 *
 * @param manifest the description
 * @param model    the fitted model
 */
public record ModelBundle(BundleManifest manifest, BreachModel model) {
    /** The manifest's file name. */
    public static final String MANIFEST = "bundle.json";

    /** @return the JSON mapper for manifests and reports, with java.time support */
    public static ObjectMapper json() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /**
     * @param x a feature vector
     * @return the calibrated breach probability
     */
    public double probability(double[] x) {
        return manifest.calibrator().apply(model.score(x));
    }

    /**
     * The features that pushed this score most, largest magnitude first, by exact TreeSHAP.
     *
     * @param x a feature vector
     * @param k how many
     * @return up to k reasons with signed contributions
     */
    public List<Reason> reasons(double[] x, int k) {
        return reasons(x, k, Explanation.SHAP);
    }

    /**
     * The features that pushed this score most, largest magnitude first.
     *
     * @param x   a feature vector
     * @param k   how many
     * @param how path attributions (microseconds) or exact TreeSHAP (milliseconds for tree ensembles)
     * @return up to k reasons with signed contributions
     */
    public List<Reason> reasons(double[] x, int k, Explanation how) {
        return top(x, model.contributions(x, how), k);
    }

    /**
     * The calibrated probability and its top reasons together: a tree ensemble's path attributions and score come
     * from one walk down each tree. The same figures as {@link #probability} and {@link #reasons(double[], int,
     * Explanation)}, exactly.
     *
     * @param x   a feature vector
     * @param k   how many reasons; 0 skips them
     * @param how path attributions or exact TreeSHAP
     * @return the probability and up to k reasons
     */
    public Explained explain(double[] x, int k, Explanation how) {
        if (k == 0) {
            return new Explained(probability(x), List.of());
        }
        BreachModel.Scored s = model.scored(x, how);
        return new Explained(manifest.calibrator().apply(s.score()), top(x, s.contributions(), k));
    }

    /**
     * @param probability the calibrated breach probability
     * @param reasons     the top reasons, largest magnitude first
     */
    public record Explained(double probability, List<Reason> reasons) {
    }

    private List<Reason> top(double[] x, double[] c, int k) {
        List<String> names = manifest.schema().names();
        // Top k by repeated selection: k is small, and this is on every HTTP score.
        boolean[] taken = new boolean[c.length];
        List<Reason> out = new ArrayList<>(k);
        while (out.size() < k) {
            int best = -1;
            for (int j = 0; j < c.length; j++) {
                if (!taken[j] && c[j] != 0 && (best < 0 || Math.abs(c[j]) > Math.abs(c[best])
                        || Math.abs(c[j]) == Math.abs(c[best]) && names.get(j).compareTo(names.get(best)) < 0)) {
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            out.add(new Reason(names.get(best), x[best], c[best]));
        }
        return List.copyOf(out);
    }

    /**
     * One feature's share in a score.
     *
     * @param feature      the feature
     * @param value        its value
     * @param contribution signed contribution (positive raises the breach risk)
     */
    public record Reason(String feature, double value, double contribution) {
    }

    /**
     * Writes the bundle into a new directory.
     *
     * @param dir the directory; must not exist yet or be empty
     * @return the written bundle, with the model checksum filled in
     * @throws IOException if it cannot be written
     */
    public ModelBundle save(Path dir) throws IOException {
        Files.createDirectories(dir);
        model.save(dir);
        BundleManifest done = manifest.toBuilder().modelFile(model.fileName())
                .modelSha256(sha256(dir.resolve(model.fileName()))).build();
        json().writeValue(dir.resolve(MANIFEST).toFile(), done);
        return new ModelBundle(done, model);
    }

    /**
     * @param dir a bundle directory
     * @return the bundle
     * @throws BundleException saying what is wrong with it and what to do
     */
    public static ModelBundle load(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException(dir + ": not a model bundle (no " + MANIFEST + "); give a directory written "
                    + "by 'slacast train'");
        }
        BundleManifest m;
        try {
            m = json().readValue(manifestFile.toFile(), BundleManifest.class);
        } catch (JsonProcessingException e) {
            throw new BundleException(manifestFile + ":" + e.getLocation().getLineNr() + ": unreadable manifest ("
                    + e.getOriginalMessage() + "); retrain or restore the bundle");
        } catch (IOException e) {
            throw new BundleException(manifestFile + ": cannot read: " + e.getMessage());
        }
        if (m.format() != BundleManifest.FORMAT) {
            throw new BundleException(dir + ": bundle format " + m.format() + ", but this slacast reads format "
                    + BundleManifest.FORMAT + "; retrain the model with this version");
        }
        if (m.schema() == null || m.kind() == null || m.modelFile() == null || m.calibrator() == null) {
            throw new BundleException(manifestFile + ": incomplete manifest (schema, kind, modelFile and calibrator "
                    + "are required); retrain or restore the bundle");
        }
        try {
            m.schema().checkCompatible();
        } catch (IllegalStateException e) {
            throw new BundleException(dir + ": " + e.getMessage());
        }
        Path modelFile = dir.resolve(m.modelFile());
        try {
            String sum = sha256(modelFile);
            if (!sum.equals(m.modelSha256())) {
                throw new BundleException(modelFile + ": checksum differs from the manifest's (the file was changed "
                        + "or truncated); restore it or retrain");
            }
            ModelKind kind = ModelKind.parse(m.kind());
            List<String> names = m.schema().names();
            BreachModel model = switch (kind) {
                // A forest grown by LightGBM, or by Smile before it.
                case RANDOM_FOREST -> m.modelFile().equals(LightGbmModel.FOREST_FILE)
                        ? LightGbmModel.load(dir, names, kind) : ForestModel.load(dir, names);
                case GRADIENT_BOOSTING -> BoostModel.load(dir, names);
                case LOGISTIC -> LogisticModel.load(dir, names);
                case LIGHTGBM -> LightGbmModel.load(dir, names, kind);
            };
            return new ModelBundle(m, model);
        } catch (NoSuchFileException e) {
            throw new BundleException(dir + ": missing " + e.getFile() + "; restore the bundle or retrain");
        } catch (IOException | RuntimeException e) {
            if (e instanceof BundleException b) {
                throw b;
            }
            throw new BundleException(modelFile + ": cannot load the model (" + e.getMessage() + "); retrain it");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bundle that cannot be used, with what to do about it. */
    public static class BundleException extends BadInputException {
        /** @param message what is wrong and what to do */
        public BundleException(String message) {
            super(message);
        }
    }
}
