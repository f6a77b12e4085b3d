package org.slacast.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slacast.core.cost.CostModel;

class BundleManifestTest {

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyTheNamedOnes() {
        BundleManifest m = ModelBundleTest.bundle(ModelKind.LOGISTIC, ModelBundleTest.data(200, 1), "lr",
                Map.of("roc_auc", 0.7)).manifest();
        assertThat(m.toBuilder().build()).isEqualTo(m);
        BundleManifest changed = m.toBuilder().modelFile("f").modelSha256("00").build();
        assertThat(changed).usingRecursiveComparison().ignoringFields("modelFile", "modelSha256").isEqualTo(m);
        assertThat(changed.modelFile()).isEqualTo("f");
        assertThat(BundleManifest.builder().build().format()).isEqualTo(BundleManifest.FORMAT);
    }

    @Test
    void fieldsAnOlderManifestLacksTakeTheDocumentedDefaults() throws IOException {
        var json = ModelBundle.json();
        ObjectNode node = (ObjectNode) json.readTree(OldBundleTest.ROOT.resolve("logistic").resolve(ModelBundle.MANIFEST)
                .toFile());
        node.remove(List.of("format", "id", "createdAt", "provenance", "parameters", "threshold", "cost", "metrics",
                "testFrom", "testTo", "distributions", "modelSha256"));
        BundleManifest m = json.treeToValue(node, BundleManifest.class);
        assertThat(m.format()).isEqualTo(1);
        assertThat(m.id()).isNull();
        assertThat(m.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(m.provenance()).isEqualTo(Provenance.UNKNOWN);
        assertThat(m.parameters()).isEmpty();
        assertThat(m.threshold()).isEqualTo(0.5);
        assertThat(m.cost()).isEqualTo(CostModel.defaults());
        assertThat(m.metrics()).isEmpty();
        assertThat(m.testFrom()).isNull();
        assertThat(m.testTo()).isNull();
        assertThat(m.distributions()).isEmpty();
        assertThat(m.modelSha256()).isNull();
        // The required fields are still read.
        assertThat(m.kind()).isEqualTo("logistic");
        assertThat(m.modelFile()).isEqualTo(LogisticModel.FILE);
        assertThat(m.schema().names()).isEqualTo(ModelBundleTest.SCHEMA.names());
        assertThat(m.calibrator()).isInstanceOf(Calibrator.Isotonic.class);
    }
}
