package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.policy.PolicyIdentity;

/** The bundle's policy, label source and chosen checkpoints: saved, checked, and used by the promotion gate. */
class PolicyAndChoiceTest {
    static final PolicyIdentity BANK = PolicyIdentity.of("policy.yaml", "policies: [bank]\n");
    static final PolicyIdentity SAAS = PolicyIdentity.of("saas.yaml", "policies: [saas]\n");

    @TempDir
    Path tmp;

    @Test
    void policyLabelsAndChoiceSurviveASaveAndLoad() throws IOException {
        LabelSource given = new LabelSource("given", "data/outcomes.csv", 90, 10);
        ModelBundle b = ModelBundleTest.bundle(ModelKind.LOGISTIC, ModelBundleTest.data(300, 1), "lr", Map.of());
        b = new ModelBundle(b.manifest().toBuilder().policy(BANK).labels(given).chosenAt("creation").build(), b.model());
        b.save(tmp.resolve("lr"));
        BundleManifest m = ModelBundle.load(tmp.resolve("lr")).manifest();
        assertThat(m.policy()).isEqualTo(BANK);
        assertThat(m.labels()).isEqualTo(given);
        assertThat(m.labels().label()).isEqualTo("given (data/outcomes.csv: 90 tickets; 10 without one, labelled by "
                + "the clock)");
        assertThat(m.chosenAt()).isEqualTo("creation");
    }

    @Test
    void anotherPolicyIsRefusedUnlessWarned() {
        BundleManifest m = BundleManifest.builder().id("rf-1").policy(BANK).build();
        assertThat(PolicyCheck.check(m, BANK, PolicyCheck.Mode.REFUSE)).isNull();
        // Line ends do not make another policy.
        assertThat(PolicyCheck.check(m, PolicyIdentity.of("policy.yaml", "policies: [bank]\r\n"),
                PolicyCheck.Mode.REFUSE)).isNull();
        assertThatThrownBy(() -> PolicyCheck.check(m, SAAS, PolicyCheck.Mode.REFUSE))
                .isInstanceOf(PolicyCheck.PolicyMismatchException.class)
                .hasMessage("rf-1 was trained under policy " + BANK.label() + ", not " + SAAS.label() + "; give the "
                        + "policy it was trained under, retrain it under this one, or pass --policy-mismatch warn to "
                        + "use it anyway");
        assertThat(BANK.label()).matches("policy\\.yaml \\(sha256 [0-9a-f]{12}\\)");
        assertThat(PolicyCheck.check(m, SAAS, PolicyCheck.Mode.WARN)).endsWith("; used anyway (--policy-mismatch warn)");
        assertThatThrownBy(() -> PolicyCheck.Mode.parse("ignore")).hasMessage("--policy-mismatch ignore: give refuse "
                + "or warn");
    }

    @Test
    void theGateComparesAtTheCheckpointsTheCandidateWasChosenAt() throws IOException {
        Registry r = new Registry(tmp.resolve("reg"));
        TrainingSet d = ModelBundleTest.data(300, 1);
        // Over all checkpoints the candidate wins; at creation it loses: the gate refuses at creation.
        r.add(chosen(d, "champ", "creation", Map.of("roc_auc", 0.80, "brier", 0.10, "roc_auc_at_creation", 0.70,
                "brier_at_creation", 0.12)));
        r.add(chosen(d, "cand", "creation", Map.of("roc_auc", 0.85, "brier", 0.09, "roc_auc_at_creation", 0.65,
                "brier_at_creation", 0.13)));
        assertThatThrownBy(() -> r.promote("cand", false)).isInstanceOf(Registry.PromotionRefused.class)
                .hasMessage("cand does not beat the champion champ on the same test window at checkpoints "
                        + "'creation': ROC-AUC 0.6500 vs 0.7000, Brier 0.1300 vs 0.1200; promote with --force to "
                        + "override");
        // Chosen over all checkpoints, the same figures pass.
        r.add(chosen(d, "all", "all", Map.of("roc_auc", 0.85, "brier", 0.09)));
        assertThat(r.promote("all", false)).isEqualTo("all is now the champion (was champ)");
    }

    @Test
    void aChampionWithoutFiguresAtTheCandidatesMixIsNotCompared() throws IOException {
        Registry r = new Registry(tmp.resolve("reg"));
        TrainingSet d = ModelBundleTest.data(300, 1);
        // An old champion: chosen over all checkpoints, no Brier at creation recorded.
        r.add(chosen(d, "old", "all", Map.of("roc_auc", 0.80, "brier", 0.10, "roc_auc_at_creation", 0.70)));
        r.add(chosen(d, "mix", "0.25,0.5", Map.of("roc_auc_at_choice", 0.9, "brier_at_choice", 0.05)));
        assertThatThrownBy(() -> r.promote("mix", false)).hasMessage("the champion old records no ROC-AUC and Brier "
                + "at checkpoints '0.25,0.5', where mix was chosen (the champion was chosen at 'all'); compare them "
                + "with 'slacast evaluate' on the same data, or promote with --force");
        r.add(chosen(d, "new", "creation", Map.of("roc_auc_at_creation", 0.9, "brier_at_creation", 0.05)));
        assertThatThrownBy(() -> r.promote("new", false)).hasMessageContaining("the champion old records no ROC-AUC "
                + "and Brier at checkpoints 'creation'");
    }

    private static ModelBundle chosen(TrainingSet d, String id, String at, Map<String, Double> metrics) {
        ModelBundle b = ModelBundleTest.bundle(ModelKind.LOGISTIC, d, id, metrics);
        return new ModelBundle(b.manifest().toBuilder().chosenAt(at).build(), b.model());
    }
}
