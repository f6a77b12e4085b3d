package org.slacast.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slacast.models.ModelKind;
import org.slacast.models.Registry;

/**
 * A real server of its own for one test, on a free port of 127.0.0.1, over a registry of three small models
 * (fitted once per test run) and one broken bundle.
 */
final class TestApi implements AutoCloseable {
    static final Path POLICY = Path.of("../docs/examples/policy.yaml");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path registry;

    final ScoringApi api;
    final String base;

    private TestApi(ScoringApi api) {
        this.api = api;
        this.base = api.url();
    }

    /** @return the shared registry: lr-a, lr-b (logistic), gb-a (boosting) and broken */
    static synchronized Path registry() {
        if (registry == null) {
            try {
                Path dir = Files.createTempDirectory("slacast-test-registry");
                Registry r = new Registry(dir);
                r.add(ScoringApiTest.bundle("lr-a", 1));
                r.add(ScoringApiTest.bundle("lr-b", 2));
                r.add(ScoringApiTest.bundle("gb-a", 3, ModelKind.GRADIENT_BOOSTING));
                Files.createDirectories(dir.resolve("broken"));
                Files.writeString(dir.resolve("broken/bundle.json"), "{\"format\": 1");
                registry = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return registry;
    }

    /** @return the defaults on a free port, serving the given model with no log and no shadow */
    static ServingConfig config(String model) {
        return ServingConfig.defaults(registry(), POLICY).withPort(0).withModels(model, null, false);
    }

    static TestApi start(String model) {
        return start(config(model));
    }

    static TestApi start(ServingConfig config) {
        return new TestApi(ScoringApi.start(config));
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        api.close();
    }
}
