package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.policy.PolicyIdentity;
import org.slacast.models.ModelBundle;
import org.slacast.models.PolicyCheck;
import org.slacast.models.Registry;

/** A model trained under another policy: the server refuses to start with it, or to activate it, unless warned. */
class PolicyMismatchApiTest {
    static final PolicyIdentity OURS = PolicyIdentity.of(TestApi.POLICY);
    static final PolicyIdentity OTHER = PolicyIdentity.of("saas.yaml", "calendars: {}\n");

    @TempDir
    static Path dir;

    @BeforeAll
    static void registry() throws IOException {
        Registry r = new Registry(dir);
        r.add(under("ours", OURS, 1));
        r.add(under("theirs", OTHER, 2));
        r.add(ScoringApiTest.bundle("unrecorded", 3));
    }

    static ModelBundle under(String id, PolicyIdentity p, long seed) {
        ModelBundle b = ScoringApiTest.bundle(id, seed);
        return new ModelBundle(b.manifest().toBuilder().policy(p).build(), b.model());
    }

    static ServingConfig config(String model) {
        return ServingConfig.defaults(dir, TestApi.POLICY).withPort(0).withModels(model, null, false);
    }

    @Test
    void theServerRefusesToStartWithAModelOfAnotherPolicy() {
        assertThatThrownBy(() -> ScoringApi.start(config("theirs")))
                .isInstanceOf(PolicyCheck.PolicyMismatchException.class)
                .hasMessage("theirs was trained under policy " + OTHER.label() + ", not " + OURS.label() + "; give the "
                        + "policy it was trained under, retrain it under this one, or pass --policy-mismatch warn to "
                        + "use it anyway");
    }

    @Test
    void warnStartsItAndSaysSo() throws Exception {
        try (TestApi app = TestApi.start(config("theirs").withPolicyMismatch(PolicyCheck.Mode.WARN))) {
            assertThat(app.api.activeId()).isEqualTo("theirs");
            assertThat(app.api.warnings()).containsExactly("theirs was trained under policy " + OTHER.label()
                    + ", not " + OURS.label() + "; used anyway (--policy-mismatch warn)");
        }
    }

    @Test
    void activatingAModelOfAnotherPolicyIsA409AndTheActiveOneStays() throws Exception {
        try (TestApi app = TestApi.start(config("ours"))) {
            assertThat(app.api.warnings()).isEmpty();
            var refused = app.post("/v1/models/theirs/activate", "");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("theirs was trained under policy saas.yaml", "--policy-mismatch warn");
            assertThat(app.get("/v1/models").body()).contains("\"id\":\"ours\",\"kind\":\"logistic\",\"role\":"
                    + "\"champion\",\"active\":true");
            // A bundle from before policies were recorded is activated, with a warning.
            assertThat(app.post("/v1/models/unrecorded/activate", "").statusCode()).isEqualTo(200);
            assertThat(app.api.warnings()).singleElement().asString().startsWith("unrecorded records no policy");
        }
    }
}
