package org.slacast.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;

/**
 * Reads a score request's ticket and events from JSON, in the native format's field names, naming the JSON path
 * of the first field at fault.
 */
final class TicketJson {
    private static final Set<String> TICKET_FIELDS = Set.of("id", "created_at", "priority", "impact", "urgency",
            "tier", "team", "category", "system", "channel", "customer", "contract", "region", "requester", "subject",
            "body");
    private static final Set<String> EVENT_FIELDS = Set.of("at", "type", "status", "priority", "tier", "team", "agent");

    private TicketJson() {
    }

    /** One scoring request: the ticket, its events so far, and when to score it. */
    record Request(Ticket ticket, List<TicketEvent> events, Instant asOf) {
    }

    static Request request(JsonNode node, String path) {
        object(node, path);
        unknown(node, path, Set.of("ticket", "events", "as_of"));
        Ticket t = ticket(node.get("ticket"), prefix(path, "ticket"));
        List<TicketEvent> events = new ArrayList<>();
        JsonNode ev = node.get("events");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray()) {
                throw BadRequest.field(prefix(path, "events"), "must be an array of events");
            }
            for (int i = 0; i < ev.size(); i++) {
                events.add(event(ev.get(i), t, prefix(path, "events") + "[" + i + "]"));
            }
        }
        Instant asOf = node.hasNonNull("as_of") ? instant(node.get("as_of"), prefix(path, "as_of")) : null;
        if (asOf != null && asOf.isBefore(t.createdAt())) {
            throw BadRequest.field(prefix(path, "as_of"), "is before the ticket's created_at");
        }
        return new Request(t, events, asOf);
    }

    private static Ticket ticket(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            throw BadRequest.field(path, "is required: an object with at least id, created_at and priority");
        }
        object(n, path);
        unknown(n, path, TICKET_FIELDS);
        String id = text(n, path, "id", true);
        return new Ticket(id, instant(require(n, path, "created_at"), path + ".created_at"),
                level(n, path, "priority", Priority::parse, true), level(n, path, "impact", Impact::parse, false),
                level(n, path, "urgency", Urgency::parse, false), level(n, path, "tier", Tier::parse, false),
                text(n, path, "team", false), text(n, path, "category", false), text(n, path, "system", false),
                text(n, path, "channel", false), text(n, path, "customer", false), text(n, path, "contract", false),
                text(n, path, "region", false), text(n, path, "requester", false), text(n, path, "subject", false),
                text(n, path, "body", false));
    }

    private static TicketEvent event(JsonNode n, Ticket t, String path) {
        object(n, path);
        unknown(n, path, EVENT_FIELDS);
        Instant at = instant(require(n, path, "at"), path + ".at");
        if (at.isBefore(t.createdAt())) {
            throw BadRequest.field(path + ".at", "is before the ticket's created_at");
        }
        EventType type = level(n, path, "type", EventType::parse, true);
        try {
            return new TicketEvent(t.id(), at, type, text(n, path, "status", false),
                    level(n, path, "priority", Priority::parse, false), level(n, path, "tier", Tier::parse, false),
                    text(n, path, "team", false), text(n, path, "agent", false));
        } catch (IllegalArgumentException e) {
            throw BadRequest.field(path, e.getMessage());
        }
    }

    private static void object(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw BadRequest.field(path.isEmpty() ? "(body)" : path, "must be a JSON object");
        }
    }

    private static void unknown(JsonNode n, String path, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw BadRequest.field(prefix(path, f), "is not a known field; known: " + known.stream().sorted().toList());
            }
        }
    }

    private static JsonNode require(JsonNode n, String path, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw BadRequest.field(prefix(path, field), "is required");
        }
        return v;
    }

    private static String text(JsonNode n, String path, String field, boolean required) {
        JsonNode v = required ? require(n, path, field) : n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw BadRequest.field(prefix(path, field), "must be a string");
        }
        String s = v.asText().strip();
        if (required && s.isEmpty()) {
            throw BadRequest.field(prefix(path, field), "must not be blank");
        }
        return s.isEmpty() ? null : s;
    }

    private static <T> T level(JsonNode n, String path, String field, Function<String, T> parse, boolean required) {
        String s = text(n, path, field, required);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            throw BadRequest.field(prefix(path, field), e.getMessage());
        }
    }

    static Instant instant(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw BadRequest.field(path, "must be an ISO-8601 instant string such as 2026-03-02T09:15:00Z");
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw BadRequest.field(path, "'" + v.asText() + "' is not an ISO-8601 instant such as 2026-03-02T09:15:00Z");
        }
    }

    static String prefix(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
