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
import java.util.List;

class ApiKeysTest {
    static final String SCORE = "score-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    @TempDir
    Path tmp;

    @Test
    void keysAreCheckedAndAdminRoutesRefuseScoreKeys() throws Exception {
        try (TestApi app = keyed()) {
            String base = app.base;
            assertThat(call(base + "/health", null, "GET")).isEqualTo(200);
            assertThat(call(base + "/v1/models", null, "GET")).isEqualTo(401);
            assertThat(call(base + "/v1/models", "wrong-key-0123456789", "GET")).isEqualTo(401);
            assertThat(call(base + "/v1/models", SCORE, "GET")).isEqualTo(200);
            assertThat(call(base + "/v1/models/lr-a/activate", SCORE, "POST")).isEqualTo(403);
            assertThat(call(base + "/v1/models/lr-a/activate", ADMIN, "POST")).isEqualTo(200);
        }
    }

    /** The role belongs to the route that matched, so no spelling of an admin path takes a score key there. */
    @Test
    void noSpellingOfTheActivatePathLetsAScoreKeyIn() throws Exception {
        try (TestApi app = keyed()) {
            for (String path : List.of("/v1/models/lr-a/activate", "/v1/models/lr-a/activate/",
                    "/v1/models/lr-a/activate/.", "/v1//models/lr-a/activate", "/v1/models//lr-a/activate",
                    "/v1/models/lr-a/%61ctivate", "/v1/models/lr-a/ACTIVATE", "/V1/models/lr-a/activate",
                    "/v1/models/lr-a/./activate", "/v1/models/lr-a/activate%2F", "/v1/models/lr-a/activate;x")) {
                int status = call(app.base + path, SCORE, "POST");
                assertThat(status).as(path).isIn(400, 403, 404, 405);
                assertThat(status).as(path).isNotEqualTo(200);
            }
            assertThat(call(app.base + "/v1/models/lr-a/activate", ADMIN, "POST")).isEqualTo(200);
        }
    }

    @Test
    void theBearerSchemeIsReadInAnyCase() throws Exception {
        try (TestApi app = keyed()) {
            for (String scheme : List.of("Bearer ", "bearer ", "BEARER ")) {
                HttpResponse<String> r = app.get("/v1/models", "Authorization", scheme + SCORE);
                assertThat(r.statusCode()).as(scheme).isEqualTo(200);
            }
            HttpResponse<String> none = app.get("/v1/models");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void aMalformedKeyListRefusesToStartAndAnOpenApiStaysOnLoopback() {
        assertThatThrownBy(() -> ApiKeys.parse(",,,")).hasMessageContaining("API key 1 is empty");
        assertThatThrownBy(() -> ApiKeys.parse(SCORE + ":score,")).hasMessageContaining("API key 2 is empty");
        assertThatThrownBy(() -> TestApi.start(TestApi.config("lr-a").withHost("0.0.0.0")))
                .isInstanceOf(org.slacast.core.BadInputException.class).hasMessageContaining("--insecure-no-auth");
        try (TestApi open = TestApi.start(TestApi.config("lr-a").withHost("0.0.0.0")
                .withKeys(ApiKeys.none(), true))) {
            assertThat(open.api.port()).isPositive();
        }
    }

    private static TestApi keyed() {
        return TestApi.start(TestApi.config("lr-a").withKeys(ApiKeys.parse(SCORE + ":score," + ADMIN + ":admin"),
                false));
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
