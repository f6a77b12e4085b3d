package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bundles written by an earlier slacast (see {@code bundles/README.md}) still load and score exactly as they did
 * then. A change that breaks bundles already in registries fails here; never regenerate these files to make it
 * pass.
 */
class OldBundleTest {
    static final Path ROOT = resource("bundles/format-1");
    static final Path LIGHTGBM = resource("bundles/lightgbm-1");

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "LIGHTGBM", mode = EnumSource.Mode.EXCLUDE) // came later
    void aFormatOneBundleScoresAsItDidWhenSaved(ModelKind kind) throws IOException {
        scoresAsWhenSaved(ROOT, kind, "-format-1");
    }

    /** LightGBM's models as issue 17 saved them: the forest in {@code rf} mode and the boosting kind. */
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RANDOM_FOREST", "LIGHTGBM"})
    void aLightGbmBundleScoresAsItDidWhenSaved(ModelKind kind) throws IOException {
        ModelBundle b = scoresAsWhenSaved(LIGHTGBM, kind, "-lightgbm-1");
        assertThat(b.model()).isInstanceOf(LightGbmModel.class);
    }

    private static ModelBundle scoresAsWhenSaved(Path root, ModelKind kind, String suffix) throws IOException {
        ModelBundle b = ModelBundle.load(root.resolve(kind.label()));
        JsonNode expected = ModelBundle.json().readTree(root.resolve("expected.json").toFile());
        JsonNode rows = expected.get("x");
        JsonNode scores = expected.at("/score/" + kind.label());
        JsonNode probabilities = expected.at("/probability/" + kind.label());
        assertThat(rows.size()).isPositive().isEqualTo(probabilities.size()).isEqualTo(scores.size());

        assertThat(b.model().kind()).isEqualTo(kind);
        assertThat(b.manifest().id()).isEqualTo(kind.label() + suffix);
        for (int i = 0; i < rows.size(); i++) {
            double[] x = new double[rows.get(i).size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = rows.get(i).get(j).asDouble();
            }
            assertThat(b.model().score(x)).as("row %d score", i).isCloseTo(scores.get(i).asDouble(), within(1e-9));
            assertThat(b.probability(x)).as("row %d probability", i)
                    .isCloseTo(probabilities.get(i).asDouble(), within(1e-9));
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "LIGHTGBM", mode = EnumSource.Mode.EXCLUDE)
    void aFormatOneBundleRecordsNoPolicyAndIsUsedWithAWarning(ModelKind kind) {
        BundleManifest m = ModelBundle.load(ROOT.resolve(kind.label())).manifest();
        // Fields added since: the defaults say what was true when it was written.
        assertThat(m.policy()).isNull();
        assertThat(m.labels()).isEqualTo(LabelSource.CLOCK);
        assertThat(m.chosenAt()).isEqualTo("all");
        var policy = org.slacast.core.policy.PolicyIdentity.of("policy.yaml", "calendars: {}\n");
        for (PolicyCheck.Mode mode : PolicyCheck.Mode.values()) {
            assertThat(PolicyCheck.check(m, policy, mode)).isEqualTo(kind.label() + "-format-1 records no policy (it "
                    + "was trained before bundles recorded one), so it cannot be checked against " + policy.label()
                    + "; retrain it to record its policy");
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(OldBundleTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
