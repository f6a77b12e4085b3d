package org.slacast.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slacast.core.band.RiskBand;
import org.slacast.core.ticket.Priority;

/** {@code GET /v1/queue}: the open tickets most worth acting on, as last re-scored. */
final class QueueController {
    private static final Set<String> BANDS = Set.of("low", "medium", "high", RiskBand.ON_TRACK.label(),
            RiskBand.AT_RISK.label(), RiskBand.OVERDUE.label(), RiskBand.PAUSED.label(), RiskBand.NOT_ACTIVE.label(),
            RiskBand.NO_TARGET.label());

    private final QueueView queue;

    QueueController(QueueView queue) {
        this.queue = queue;
    }

    void list(Context ctx) {
        QueueFilter filter = filter(ctx);
        // The clock first: a round publishes it after its rows, so the rows read next are at least that round's.
        // Read after them, it could name a round whose rows this answer does not hold.
        String clock = queue.clock().toString();
        List<QueueRow> rows = queue.rows(filter);
        int open = queue.open();
        ctx.contentType("application/json").result(ScoreJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("clock", clock);
            g.writeNumberField("open", open);
            g.writeArrayFieldStart("rows");
            for (QueueRow r : rows) {
                row(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /**
     * @param ctx the request
     * @return its filter; each parameter is checked and named when wrong
     */
    static QueueFilter filter(Context ctx) {
        String team = text(ctx, "team");
        String system = text(ctx, "system");
        String p = text(ctx, "priority");
        Priority priority = null;
        if (p != null) {
            try {
                priority = Priority.parse(p);
            } catch (IllegalArgumentException e) {
                throw BadRequest.field("priority", "'" + ScoreJson.plain(p, 40) + "' is not a priority: use critical, "
                        + "high, medium, low or planning (or 1 to 5)");
            }
        }
        String band = text(ctx, "band");
        if (band != null && !BANDS.contains(band)) {
            throw BadRequest.field("band", "'" + ScoreJson.plain(band, 40) + "' is not a band: use at_risk, overdue, "
                    + "on_track, paused, not_active, no_target, or a model band: high, medium, low");
        }
        return new QueueFilter(team, system, priority, band, limit(ctx));
    }

    private static int limit(Context ctx) {
        String q = ctx.queryParam("limit");
        if (q == null) {
            return QueueFilter.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(q);
            if (n >= 1 && n <= QueueFilter.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BadRequest.field("limit", "'" + ScoreJson.plain(q, 40) + "' is not a whole number from 1 to "
                + QueueFilter.MAX_LIMIT);
    }

    private static String text(Context ctx, String name) {
        String q = ctx.queryParam(name);
        if (q == null || q.isEmpty()) {
            return null;
        }
        if (q.length() > TicketJson.MAX_ID_CHARS) {
            throw BadRequest.field(name, "is longer than " + TicketJson.MAX_ID_CHARS + " characters");
        }
        return q;
    }

    /** One row, in the score response's vocabulary. */
    static void row(JsonGenerator g, QueueRow r) throws IOException {
        g.writeStartObject();
        g.writeStringField("ticket_id", r.ticketId());
        nullable(g, "team", r.team());
        nullable(g, "system", r.system());
        g.writeStringField("priority", r.priority().label());
        g.writeStringField("created_at", r.createdAt().toString());
        g.writeStringField("scored_at", r.scoredAt().toString());
        ScoreJson.number(g, AnswerNames.BREACH_PROBABILITY, r.probability());
        g.writeStringField("risk_band", r.riskBand());
        g.writeStringField("sla_band", r.slaBand().label());
        ScoreJson.instant(g, AnswerNames.DUE_AT, r.dueAt());
        ScoreJson.number(g, AnswerNames.EXPECTED_SAVING, r.expectedSaving());
        g.writeBooleanField("recommend_intervention", r.act());
        g.writeStringField("action", r.action());
        g.writeStringField("decision", r.decision());
        ScoreJson.reasons(g, r.reasons());
        ScoreJson.sla(g, r.sla(), r.scoredAt());
        g.writeStringField("model", r.model());
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
