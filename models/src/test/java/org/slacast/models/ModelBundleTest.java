package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.slacast.core.cost.CostModel;
import org.slacast.core.feature.Feature;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.feature.FeatureSchema;
import org.slacast.core.policy.Metric;

class ModelBundleTest {
    static final FeatureSchema SCHEMA = FeatureSchema.fit(List.of(), Metric.RESOLUTION, 0);

    @TempDir
    Path tmp;

    /** Breaches depend on two features, so every model can learn something. */
    static TrainingSet data(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = SCHEMA.size();
        double[][] x = new double[n][p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextInt(5);
            }
            double z = 1.2 * x[i][0] - 0.8 * x[i][5] - 1 + rnd.nextGaussian();
            y[i] = z > 0 ? 1 : 0;
        }
        List<Feature.Kind> kinds = new FeatureExtractor(SCHEMA, null).features().stream().map(Feature::kind).toList();
        return new TrainingSet(SCHEMA, kinds, x, y);
    }

    /** Small fits for tests: fewer trees, or fewer epochs, than the defaults. */
    static ModelParameters sized(ModelKind kind, int trees, int epochs) {
        return switch (kind) {
            case RANDOM_FOREST -> ForestParameters.DEFAULTS.withTrees(trees);
            case GRADIENT_BOOSTING -> BoostParameters.DEFAULTS.withTrees(trees);
            case LOGISTIC -> LogisticParameters.DEFAULTS.withEpochs(epochs);
            case LIGHTGBM -> LightGbmParameters.DEFAULTS.withTrees(trees);
        };
    }

    static ModelBundle bundle(ModelKind kind, TrainingSet d, String id, Map<String, Double> metrics) {
        ModelParameters params = sized(kind, 30, 3);
        BreachModel m = kind.fit(d, params, 7);
        double[] s = new double[d.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = m.score(d.x()[i]);
        }
        BundleManifest man = BundleManifest.builder().id(id).kind(kind.label())
                .createdAt(Instant.parse("2026-11-23T10:00:00Z")).schema(SCHEMA)
                .provenance(new Provenance("test", d.size(), d.size(), Instant.EPOCH, Instant.EPOCH, "00",
                        Provenance.currentLibraries()))
                .parameters(params.asMap()).calibrator(Calibrator.choose(s, d.y())).threshold(0.4)
                .cost(CostModel.defaults()).metrics(metrics).testFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .testTo(Instant.parse("2026-02-01T00:00:00Z"))
                .distributions(List.of(FeatureDistribution.of("priority", new double[] {1, 2}))).build();
        return new ModelBundle(man, m);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyKindRoundTripsWithIdenticalPredictionsAndExplanations(ModelKind kind) throws IOException {
        TrainingSet d = data(600, 1);
        ModelBundle saved = bundle(kind, d, kind.label() + "-1", Map.of("roc_auc", 0.8)).save(tmp.resolve("b"));
        ModelBundle loaded = ModelBundle.load(tmp.resolve("b"));
        assertThat(loaded.manifest()).usingRecursiveComparison().isEqualTo(saved.manifest());
        TrainingSet fresh = data(200, 2);
        for (double[] x : fresh.x()) {
            assertThat(loaded.probability(x)).isCloseTo(saved.probability(x), org.assertj.core.data.Offset.offset(1e-9));
            double[] a = saved.model().contributions(x);
            double[] b = loaded.model().contributions(x);
            for (int j = 0; j < a.length; j++) {
                assertThat(b[j]).isCloseTo(a[j], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        // The two informative features explain the most.
        double[] imp = loaded.model().importance();
        for (int j = 0; j < imp.length; j++) {
            if (j != 0 && j != 5) {
                assertThat(Math.min(imp[0], imp[5])).as("feature %d", j).isGreaterThan(imp[j]);
            }
        }
        assertThat(loaded.reasons(fresh.x()[0], 3)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void theSameSeedGivesTheSameModel(ModelKind kind) {
        TrainingSet d = data(400, 3);
        BreachModel a = kind.fit(d, sized(kind, 20, 2), 11);
        BreachModel b = kind.fit(d, sized(kind, 20, 2), 11);
        for (double[] x : data(50, 4).x()) {
            assertThat(b.score(x)).isEqualTo(a.score(x));
        }
    }

    @Test
    void aDamagedBundleIsRefusedWithWhatToDo() throws IOException {
        Path dir = tmp.resolve("b");
        bundle(ModelKind.LOGISTIC, data(300, 1), "lr", Map.of()).save(dir);
        Files.write(dir.resolve(LogisticModel.FILE), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ModelBundle.load(dir)).isInstanceOf(ModelBundle.BundleException.class)
                .hasMessageContaining("logistic.tribuo: checksum differs from the manifest's");
        Files.writeString(dir.resolve(ModelBundle.MANIFEST), "{\"format\": 1, \"id\": ");
        assertThatThrownBy(() -> ModelBundle.load(dir)).hasMessageContaining("bundle.json:1: unreadable manifest");
        assertThatThrownBy(() -> ModelBundle.load(tmp.resolve("nothing")))
                .hasMessageEndingWith("not a model bundle (no bundle.json); give a directory written by 'slacast train'");
        String text = Files.readString(tmp.resolve("b").resolve(ModelBundle.MANIFEST));
        assertThat(text).isNotNull();
    }

    @Test
    void aBundleFromAnotherFeatureVersionIsRefused() throws IOException {
        Path dir = tmp.resolve("b");
        bundle(ModelKind.LOGISTIC, data(300, 1), "lr", Map.of()).save(dir);
        Path m = dir.resolve(ModelBundle.MANIFEST);
        Files.writeString(m, Files.readString(m).replace("\"version\" : \"1\"", "\"version\" : \"0\""));
        assertThatThrownBy(() -> ModelBundle.load(dir)).hasMessageContaining(
                "the model was built with feature schema version 0 but this slacast computes version 1; retrain it");
    }

    @Test
    void thePromotionGateCanRequirePositiveSavingsEvenWhenForced() throws IOException {
        Registry r = new Registry(tmp.resolve("reg"));
        TrainingSet d = data(300, 1);
        r.add(bundle(ModelKind.LOGISTIC, d, "champ", Map.of("roc_auc", 0.80, "brier", 0.10, "net_savings", 50.0)));
        r.add(bundle(ModelKind.LOGISTIC, d, "loses", Map.of("roc_auc", 0.90, "brier", 0.05, "net_savings", -225.0)));
        r.add(bundle(ModelKind.LOGISTIC, d, "old", Map.of("roc_auc", 0.95, "brier", 0.04)));
        assertThatThrownBy(() -> r.promote("loses", true, true)).isInstanceOf(Registry.PromotionRefused.class)
                .hasMessage("loses does not earn positive net savings on its test window (-225.00); promote without "
                        + "--require-savings to override");
        assertThatThrownBy(() -> r.promote("old", true, true)).hasMessageContaining("(NaN, not recorded: retrain it)");
        assertThat(r.roles().champion()).isEqualTo("champ");
        assertThat(r.promote("loses", false, false)).isEqualTo("loses is now the champion (was champ)");
    }

    @Test
    void thePromotionGateRefusesAWeakerChallengerUnlessForced() throws IOException {
        Registry r = new Registry(tmp.resolve("reg"));
        TrainingSet d = data(300, 1);
        r.add(bundle(ModelKind.LOGISTIC, d, "champ", Map.of("roc_auc", 0.80, "brier", 0.10)));
        r.add(bundle(ModelKind.LOGISTIC, d, "weak", Map.of("roc_auc", 0.79, "brier", 0.09)));
        assertThat(r.roles()).isEqualTo(new Registry.Roles("champ", "weak"));
        assertThatThrownBy(() -> r.promote("weak", false)).isInstanceOf(Registry.PromotionRefused.class)
                .hasMessage("weak does not beat the champion champ on the same test window at checkpoints 'all': ROC-AUC "
                        + "0.7900 vs 0.8000, "
                        + "Brier 0.0900 vs 0.1000; promote with --force to override");
        assertThat(r.promote("weak", true)).isEqualTo("weak is now the champion (was champ)");
        assertThat(r.roles()).isEqualTo(new Registry.Roles("weak", "champ"));
        assertThat(r.list()).extracting(Registry.Entry::id).containsExactlyInAnyOrder("champ", "weak");
        assertThatThrownBy(() -> r.load("../etc")).hasMessageContaining("is not a model id");
    }

    @Test
    void calibrationIsMonotoneAndPicksAMethodThatHelps() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 4000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double truth = rnd.nextDouble();
            s[i] = Math.sqrt(truth); // overconfident scores
            y[i] = rnd.nextDouble() < truth ? 1 : 0;
        }
        Calibrator c = Calibrator.choose(s, y);
        assertThat(c).isNotInstanceOf(Calibrator.Identity.class);
        double prev = -1;
        for (double v = 0; v <= 1; v += 0.05) {
            assertThat(c.apply(v)).isGreaterThanOrEqualTo(prev - 1e-12);
            prev = c.apply(v);
        }
        assertThat(c.apply(0.5)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.06));
        FeatureDistribution fd = FeatureDistribution.of("f", java.util.stream.IntStream.range(0, 1000).asDoubleStream().toArray());
        assertThat(fd.psi(java.util.stream.IntStream.range(0, 1000).asDoubleStream().toArray())).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fd.psi(java.util.stream.IntStream.range(900, 1000).asDoubleStream().toArray())).isGreaterThan(0.25);
    }
}
