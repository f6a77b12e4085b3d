package org.slacast.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.models.Explanation;

/** {@code POST /v1/events}, {@code GET /v1/tickets/{id}} and {@code GET /v1/tickets/{id}/score}: the desk store. */
final class TicketController {
    private static final String JSON_TYPE = "application/json";
    private final ServingConfig config;
    private final ScoringService scoring;
    private final ActiveModel models;
    private final ServingMetrics metrics;
    private final TicketJson json;

    TicketController(ServingConfig config, ScoringService scoring, ActiveModel models, ServingMetrics metrics) {
        this.config = config;
        this.scoring = scoring;
        this.models = models;
        this.metrics = metrics;
        this.json = new TicketJson(config.limits());
    }

    /**
     * Ingests tickets and events. Each item is checked on its own: a bad one gets its own problem, the others are
     * stored. An event already stored is counted as a duplicate and stored once.
     */
    void events(Context ctx) {
        JsonNode body = Requests.body(ctx);
        if (!body.isObject()) {
            throw BadRequest.field("(body)", "must be a JSON object with tickets and events arrays");
        }
        JsonNode tickets = array(body, "tickets");
        JsonNode events = array(body, "events");
        int max = config.limits().maxBatch();
        if (tickets.size() + events.size() > max) {
            throw BadRequest.tooLarge("events", "one request holds at most " + max + " tickets and events together, "
                    + "not " + (tickets.size() + events.size()) + " (setting: --max-batch)");
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, Ticket> good = new LinkedHashMap<>();
        for (int i = 0; i < tickets.size(); i++) {
            try {
                Ticket t = json.ticket(tickets.get(i), "tickets[" + i + "]");
                if (!LiveDesk.current(t.createdAt())) {
                    throw BadRequest.field("tickets[" + i + "].created_at", "is in the future; send a ticket once it "
                            + "exists");
                }
                good.put(t.id(), t);
            } catch (BadRequest e) {
                errors.add(Problems.body(e.getStatus(), e.getMessage(), e.errors()));
            }
        }
        Map<String, Instant> created = new HashMap<>();
        good.values().forEach(t -> created.put(t.id(), t.createdAt()));
        List<TicketEvent> goodEvents = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                goodEvents.add(json.loose(events.get(i), "events[" + i + "]", id -> created.computeIfAbsent(id,
                        this::storedCreation)));
            } catch (BadRequest e) {
                errors.add(Problems.body(e.getStatus(), e.getMessage(), e.errors()));
            }
        }
        int added = scoring.desk().ingest(good.values(), goodEvents);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", stored(good.size(), added));
        out.put("duplicates", goodEvents.size() - added);
        out.put("rejected", errors.size());
        out.put("errors", errors);
        metrics.ingested(good.size(), added, goodEvents.size() - added, errors.size());
        ctx.json(out);
    }

    /** @return {@code {"tickets": n, "events": m}}, in that order */
    static Map<String, Integer> stored(int tickets, int events) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("tickets", tickets);
        m.put("events", events);
        return m;
    }

    private Instant storedCreation(String ticketId) {
        LiveDesk.Stored d = scoring.desk().ticket(ticketId);
        return d == null ? null : d.ticket().createdAt();
    }

    void ticket(Context ctx) {
        String id = id(ctx);
        LiveDesk.Stored d = scoring.desk().ticket(id);
        if (d == null) {
            throw new NotFoundResponse("no ticket '" + ScoreJson.plain(id, 80) + "' in the desk store");
        }
        Ticket t = d.ticket();
        List<TicketEvent> events = d.events();
        Instant at = asOf(ctx, events.isEmpty() ? t.createdAt() : events.getLast().at());
        var sla = new org.slacast.core.clock.SlaClock().measure(t, events, models.policies().select(t), at);
        ctx.contentType(JSON_TYPE).result(ScoreJson.bytes(g -> ScoreJson.ticket(g, t, events, sla)));
    }

    void score(Context ctx) {
        String id = id(ctx);
        Explanation how = Requests.explanation(ctx);
        int k = Requests.reasons(ctx, config.reasons());
        ScoringService.Score s = scoring.scoreStored(id, asOf(ctx, null), Requests.requestId(ctx), k, how);
        if (s == null) {
            throw new NotFoundResponse("no ticket '" + ScoreJson.plain(id, 80) + "' in the desk store; POST it to "
                    + "/v1/events first");
        }
        ScoreJson.send(ctx, g -> ScoreJson.score(g, s, how));
        metrics.scored(1);
    }

    private Instant asOf(Context ctx, Instant byDefault) {
        String q = ctx.queryParam("as_of");
        return q == null ? byDefault : json.instant(com.fasterxml.jackson.databind.node.TextNode.valueOf(q), "as_of");
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > TicketJson.MAX_ID_CHARS || id.isBlank()) {
            throw new NotFoundResponse("no such ticket; ids are 1 to " + TicketJson.MAX_ID_CHARS + " characters");
        }
        return id;
    }

    private static JsonNode array(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!n.isArray()) {
            throw BadRequest.field(field, "must be an array");
        }
        return n;
    }
}
