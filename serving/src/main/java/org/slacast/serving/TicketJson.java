package org.slacast.serving;

import org.slacast.core.ticket.InstantText;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.TicketAttributes;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.OpenAttribute;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;

/**
 * Reads a score request's ticket and events from JSON, in the native format's field names, naming the JSON path
 * of the first field at fault. Every string is bounded in length and free of control characters (a NUL would be
 * refused by PostgreSQL's log much later), every instant lies within the configured range, and the events per
 * ticket are bounded, so a request costs the server a bounded amount of work.
 */
final class TicketJson {
    /** Longest ticket id. */
    static final int MAX_ID_CHARS = 256;
    private static final Set<String> TICKET_FIELDS = Set.of("id", "created_at", "priority", "impact", "urgency",
            "tier", "team", "category", "system", "channel", "customer", "contract", "region", "requester", "subject",
            "body", "attributes");
    private static final Set<String> EVENT_FIELDS = Set.of("at", "type", "status", "priority", "tier", "team", "agent");
    private static final Set<String> LOOSE_EVENT_FIELDS = Set.of("ticket_id", "at", "type", "status", "priority",
            "tier", "team", "agent");

    private final ServingConfig.Limits limits;

    TicketJson(ServingConfig.Limits limits) {
        this.limits = limits;
    }

    /** One scoring request: the ticket, its events so far, and when to score it. */
    record Request(Ticket ticket, List<TicketEvent> events, Instant asOf) {
    }

    Request request(JsonNode node, String path) {
        object(node, path);
        unknown(node, path, Set.of("ticket", "events", "as_of"));
        Ticket t = ticket(node.get("ticket"), prefix(path, "ticket"));
        List<TicketEvent> events = new ArrayList<>();
        JsonNode ev = node.get("events");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray()) {
                throw BadRequest.field(prefix(path, "events"), "must be an array of events");
            }
            if (ev.size() > limits.maxEvents()) {
                throw BadRequest.tooLarge(prefix(path, "events"), "a ticket holds at most " + limits.maxEvents()
                        + " events, not " + ev.size() + " (setting: --max-events)");
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

    /**
     * @param n    a ticket object, as in a score request's {@code ticket}
     * @param path its JSON path
     * @return the ticket
     */
    Ticket ticket(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            throw BadRequest.field(path, "is required: an object with at least id, created_at and priority");
        }
        object(n, path);
        unknown(n, path, TICKET_FIELDS);
        String id = id(n.get("id"), prefix(path, "id"));
        return new Ticket(id, instant(require(n, path, "created_at"), path + ".created_at"),
                level(n, path, "priority", Priority::parse, true), level(n, path, "impact", Impact::parse, false),
                level(n, path, "urgency", Urgency::parse, false), level(n, path, "tier", Tier::parse, false),
                text(n, path, "team", false), text(n, path, "category", false), text(n, path, "system", false),
                text(n, path, "channel", false), text(n, path, "customer", false), text(n, path, "contract", false),
                text(n, path, "region", false), text(n, path, "requester", false), text(n, path, "subject", false),
                text(n, path, "body", false), attributes(n.get("attributes"), prefix(path, "attributes")));
    }

    /** Open attributes: an object of {@code cat.NAME} or {@code num.NAME} keys to strings or numbers. */
    private Map<String, String> attributes(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        object(n, path);
        if (n.size() > TicketAttributes.MAX) {
            throw BadRequest.tooLarge(path, "holds " + n.size() + " attributes; at most " + TicketAttributes.MAX);
        }
        Map<String, String> out = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String at = prefix(path, e.getKey());
            OpenAttribute a;
            try {
                a = OpenAttribute.ofKey(e.getKey());
            } catch (BadInputException ex) {
                throw BadRequest.field(at, ex.getMessage());
            }
            if (a == null) {
                throw BadRequest.field(at, "is not an attribute key; use cat.NAME for a category or num.NAME for a "
                        + "number (end.cat.NAME, end.num.NAME for one known only at the end)");
            }
            String other = names.put(a.name(), a.key());
            if (other != null) {
                throw BadRequest.field(at, "names the same attribute as " + other + "; keep one");
            }
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            String text = v.isNumber() && a.number() ? v.asText() : checked(v, at, limits.maxTextChars()).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                out.put(a.key(), a.read(text));
            } catch (BadInputException ex) {
                throw BadRequest.field(at, ex.getMessage());
            }
        }
        return out;
    }

    /**
     * An event of {@code POST /v1/events}: a native event with its {@code ticket_id}.
     *
     * @param n       the event object
     * @param path    its JSON path
     * @param created the creation instant of each ticket the store or the request knows, by id
     * @return the event
     */
    TicketEvent loose(JsonNode n, String path, java.util.function.Function<String, Instant> created) {
        object(n, path);
        unknown(n, path, LOOSE_EVENT_FIELDS);
        String id = id(n.get("ticket_id"), prefix(path, "ticket_id"));
        Instant at = created.apply(id);
        if (at == null) {
            throw BadRequest.field(prefix(path, "ticket_id"), "ticket '" + ScoreJson.plain(id, 80) + "' is not "
                    + "stored; send the ticket first, or in the same request's tickets");
        }
        return event(n, id, at, path, LOOSE_EVENT_FIELDS);
    }

    private TicketEvent event(JsonNode n, Ticket t, String path) {
        return event(n, t.id(), t.createdAt(), path, EVENT_FIELDS);
    }

    private TicketEvent event(JsonNode n, String ticketId, Instant created, String path, Set<String> fields) {
        object(n, path);
        unknown(n, path, fields);
        Instant at = instant(require(n, path, "at"), path + ".at");
        if (at.isBefore(created)) {
            throw BadRequest.field(path + ".at", "is before the ticket's created_at");
        }
        EventType type = level(n, path, "type", EventType::parse, true);
        try {
            return new TicketEvent(ticketId, at, type, text(n, path, "status", false),
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
                throw BadRequest.field(prefix(path, ScoreJson.plain(f, 64)), "is not a known field; known: " + known.stream().sorted().toList());
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

    private String text(JsonNode n, String path, String field, boolean required) {
        JsonNode v = required ? require(n, path, field) : n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = checked(v, prefix(path, field), limits.maxTextChars()).strip();
        if (required && s.isEmpty()) {
            throw BadRequest.field(prefix(path, field), "must not be blank");
        }
        return s.isEmpty() ? null : s;
    }

    private <T> T level(JsonNode n, String path, String field, Function<String, T> parse, boolean required) {
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

    Instant instant(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw BadRequest.field(path, "must be an ISO-8601 instant string such as 2026-03-02T09:15:00Z");
        }
        String text = v.asText();
        Instant at = text.length() > 64 ? null : parsed(text);
        if (at == null) {
            throw BadRequest.field(path, "'" + ScoreJson.plain(text, 64) + "' is not an ISO-8601 instant such as "
                    + "2026-03-02T09:15:00Z");
        }
        if (at.isBefore(limits.earliest()) || at.isAfter(limits.latest())) {
            throw BadRequest.field(path, "must lie between " + limits.earliest() + " and " + limits.latest());
        }
        return at;
    }

    /** @return the instant, the common form read without a formatter, or null when it is none */
    private static Instant parsed(String text) {
        Instant at = InstantText.parse(text);
        if (at != null) {
            return at;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param v    a ticket id's JSON value, or null
     * @param path its JSON path
     * @return the id, stripped
     */
    String id(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            throw BadRequest.field(path, "is required: a string");
        }
        String id = checked(v, path, MAX_ID_CHARS).strip();
        if (id.isEmpty()) {
            throw BadRequest.field(path, "must not be blank");
        }
        return id;
    }

    /** A string value of at most {@code max} characters with no control characters but tab and line breaks. */
    private static String checked(JsonNode v, String path, int max) {
        if (!v.isTextual()) {
            throw BadRequest.field(path, "must be a string");
        }
        String s = v.asText();
        if (s.length() > max) {
            throw BadRequest.field(path, "is " + s.length() + " characters long; at most " + max + " are accepted");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw BadRequest.field(path, "holds the control character U+" + String.format("%04X", (int) c)
                        + " at position " + i + "; remove it");
            }
        }
        return s;
    }

    static String prefix(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
