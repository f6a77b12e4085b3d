package org.slacast.serving;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;

/** {@code GET /v1/models}, {@code POST /v1/models/{id}/activate} and {@code GET /reports/{id}}. */
final class ModelController {
    private final ActiveModel models;
    private final ServingMetrics metrics;

    ModelController(ActiveModel models, ServingMetrics metrics) {
        this.models = models;
        this.metrics = metrics;
    }

    void list(Context ctx) {
        Registry r = models.registry();
        ActiveModel.Loaded active = models.get();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Registry.Entry e : r.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("kind", e.manifest().kind());
            m.put("role", e.role());
            m.put("active", active != null && active.bundle().manifest().id().equals(e.id()));
            m.put("created_at", e.manifest().createdAt().toString());
            m.put("metrics", e.manifest().metrics());
            out.add(m);
        }
        ctx.json(out);
    }

    void activate(Context ctx) {
        ModelBundle b = models.activate(id(ctx));
        metrics.activated(b.manifest().id());
        ctx.json(Map.of("active", b.manifest().id()));
    }

    void report(Context ctx) throws IOException {
        String id = id(ctx);
        Path html = models.registry().path(id).resolve("report.html");
        if (!Files.isRegularFile(html)) {
            throw new NotFoundResponse("no report for model '" + id + "'; 'slacast train' writes one, 'slacast "
                    + "report' another");
        }
        ctx.contentType("text/html; charset=utf-8").result(Files.readAllBytes(html));
    }

    /** The path's model id, checked to name a directory inside the registry and nothing else. */
    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Registry.validId(id)) {
            throw new NotFoundResponse("no model '" + ScoreJson.plain(id, 80) + "'; GET /v1/models lists the ids");
        }
        return id;
    }
}
