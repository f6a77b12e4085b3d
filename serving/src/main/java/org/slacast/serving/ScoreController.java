package org.slacast.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slacast.models.Explanation;

/** {@code POST /v1/score}, {@code /v1/score/batch} and {@code /v1/outcomes}, and {@code GET /v1/monitoring}. */
final class ScoreController {
    private static final String JSON_TYPE = "application/json";
    private final ServingConfig config;
    private final ScoringService scoring;
    private final ActiveModel models;
    private final ServingMetrics metrics;
    private final TicketJson tickets;

    ScoreController(ServingConfig config, ScoringService scoring, ActiveModel models, ServingMetrics metrics) {
        this.config = config;
        this.scoring = scoring;
        this.models = models;
        this.metrics = metrics;
        this.tickets = new TicketJson(config.limits());
    }

    void score(Context ctx) {
        TicketJson.Request request = tickets.request(Requests.body(ctx), "");
        Explanation how = Requests.explanation(ctx);
        int k = Requests.reasons(ctx, config.reasons());
        ScoringService.Score s = scoring.score(List.of(request), Requests.requestId(ctx), k, how).getFirst();
        ScoreJson.send(ctx, g -> ScoreJson.score(g, s, how));
        metrics.scored(1);
    }

    /** Each item is parsed on its own: a bad item gets its own error and the rest are scored, in order. */
    void batch(Context ctx) {
        Explanation how = Requests.explanation(ctx);
        int k = Requests.reasons(ctx, config.reasons());
        JsonNode body = Requests.body(ctx);
        JsonNode items = body.get("tickets");
        if (!body.isObject() || items == null || !items.isArray()) {
            throw BadRequest.field("tickets", "is required: an array of score requests");
        }
        int max = config.limits().maxBatch();
        if (items.size() > max) {
            throw BadRequest.tooLarge("tickets", "a batch holds at most " + max + " tickets, not " + items.size()
                    + " (setting: --max-batch)");
        }
        List<BatchItem> out = new ArrayList<>(items.size());
        List<TicketJson.Request> good = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                good.add(tickets.request(items.get(i), "tickets[" + i + "]"));
                slots.add(i);
                out.add(null);
            } catch (BadRequest e) {
                out.add(new BatchItem.Failed(e));
            }
        }
        List<ScoringService.Score> scored = scoring.score(good, Requests.requestId(ctx), k, how);
        for (int j = 0; j < scored.size(); j++) {
            out.set(slots.get(j), new BatchItem.Scored(scored.get(j)));
        }
        metrics.scored(scored.size());
        ctx.contentType(JSON_TYPE).result(ScoreJson.batch(out, how));
    }

    void outcome(Context ctx) {
        JsonNode n = Requests.body(ctx);
        if (!n.isObject()) {
            throw BadRequest.field("(body)", "must be a JSON object with ticket_id, breached and resolved_at");
        }
        String id = tickets.id(n.get("ticket_id"), "ticket_id");
        JsonNode breached = n.get("breached");
        if (breached == null || !breached.isBoolean()) {
            throw BadRequest.field("breached", "is required: true or false");
        }
        JsonNode at = n.get("resolved_at");
        Instant resolved = at == null || at.isNull() ? Instant.now() : tickets.instant(at, "resolved_at");
        boolean matched = scoring.outcome(id, breached.asBoolean(), resolved);
        ctx.json(Map.of("ticket_id", id, "matched_prediction", matched));
    }

    void monitoring(Context ctx) {
        ActiveModel.Loaded m = models.get();
        ctx.json(scoring.monitoring().report(m == null ? null : m.bundle()));
    }
}
