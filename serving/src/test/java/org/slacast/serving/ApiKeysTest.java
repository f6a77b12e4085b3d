package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.policy.PolicyFile;
import org.slacast.models.Registry;

class ApiKeysTest {
    static final String SCORE = "score-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    @TempDir
    Path tmp;

    @Test
    void keysAreCheckedAndAdminRoutesRefuseScoreKeys() throws Exception {
        Registry r = new Registry(tmp.resolve("registry"));
        r.add(ScoringApiTest.bundle("lr-a", 1));
        ActiveModel models = new ActiveModel(r, PolicyFile.load(Path.of("../docs/examples/policy.yaml")));
        ServingConfig cfg = ServingConfig.defaults(r.dir(), null).withPort(0)
                .withKeys(ApiKeys.parse(SCORE + ":score," + ADMIN + ":admin"));
        Javalin app = SlacastServer.create(cfg, models, new ScoringService(models, 3, null),
                new ServingMetrics(models::activeId)).start();
        try {
            String base = "http://localhost:" + app.port();
            assertThat(call(base + "/health", null, "GET")).isEqualTo(200);
            assertThat(call(base + "/v1/models", null, "GET")).isEqualTo(401);
            assertThat(call(base + "/v1/models", "wrong-key-0123456789", "GET")).isEqualTo(401);
            assertThat(call(base + "/v1/models", SCORE, "GET")).isEqualTo(200);
            assertThat(call(base + "/v1/models/lr-a/activate", SCORE, "POST")).isEqualTo(403);
            assertThat(call(base + "/v1/models/lr-a/activate", ADMIN, "POST")).isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    @Test
    void badKeySpecsAreNamed() {
        assertThatThrownBy(() -> ApiKeys.parse("short:score")).hasMessageContaining("shorter than 16 characters");
        assertThatThrownBy(() -> ApiKeys.parse(SCORE + ":root")).hasMessage("API key 1: role 'root' is not score or admin");
        assertThatThrownBy(() -> ApiKeys.parse(SCORE)).hasMessage("API key 1: write KEY:ROLE with ROLE score or admin");
        assertThat(ApiKeys.parse(" ").open()).isTrue();
    }

    private static int call(String url, String key, String method) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
