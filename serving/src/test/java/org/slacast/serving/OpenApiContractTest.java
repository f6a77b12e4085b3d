package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.slacast.core.policy.PolicyFile;
import org.slacast.models.Registry;

/** The hand-written OpenAPI document names exactly the routes the server registers, no more and no fewer. */
class OpenApiContractTest {

    @Test
    void theDocumentAndTheRoutesAgree() throws Exception {
        Registry r = new Registry(Path.of("target/no-registry"));
        ActiveModel models = new ActiveModel(r, PolicyFile.load(Path.of("../docs/examples/policy.yaml")));
        ServingConfig cfg = ServingConfig.defaults(r.dir(), null).withPort(0);
        LiveDesk desk = new LiveDesk(org.slacast.core.store.DeskStore.open("jdbc:duckdb:"), models.policies(),
                org.slacast.core.policy.Metric.RESOLUTION, cfg.desk());
        Javalin app = SlacastServer.create(cfg, models, new ScoringService(models, cfg, null, desk),
                new ServingMetrics(models::activeId), new AtRiskQueue());
        desk.close();
        Set<String> routes = new TreeSet<>();
        for (var e : app.unsafe.internalRouter.allHttpHandlers()) {
            String method = e.endpoint.method.name().toLowerCase(Locale.ROOT);
            if (method.equals("get") || method.equals("post") || method.equals("put") || method.equals("delete")) {
                routes.add(method + " " + e.endpoint.path);
            }
        }
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(OpsController.OPENAPI);
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = spec.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            spec.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m + " " + path));
        }
        assertThat(routes).isNotEmpty().isEqualTo(documented);
        assertThat(spec.at("/components/schemas/Ticket/required").toString())
                .isEqualTo("[\"id\",\"created_at\",\"priority\"]");
    }
}
