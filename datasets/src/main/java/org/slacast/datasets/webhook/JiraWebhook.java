package org.slacast.datasets.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slacast.core.ConfigFileException;
import org.slacast.core.csv.RowException;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;
import org.slacast.datasets.importer.ImportMapping;

/**
 * The Jira Service Management issue webhook ({@code jira:issue_created}, {@code jira:issue_updated} with its
 * changelog, and any other event named under {@code activities}, such as {@code comment_created}), read through an
 * import mapping whose fields are paths into the payload.
 *
 * <p>A created issue gives the ticket and its {@code created} event. An update gives one event per changelog item
 * on a mapped field: the status through {@code activities}, the priority as {@code priority_change}, the assignee
 * as {@code assigned}, the team as {@code reassigned}, the tier as {@code tier_change}; the new values are read
 * from the issue, which the payload carries as it stands after the change. Every event is dated by the mapped
 * {@code at} field (Jira's {@code timestamp}, epoch milliseconds).
 */
public final class JiraWebhook {
    /** Longest id, agent or attribute value kept. */
    static final int MAX_ID_CHARS = 256;

    /**
     * What one delivery says.
     *
     * @param event   the payload's {@code webhookEvent}
     * @param ticket  the issue as a ticket, with the attributes it has now
     * @param created whether the delivery announces the issue's creation
     * @param events  the events it implies, possibly none
     */
    public record Delivery(String event, Ticket ticket, boolean created, List<TicketEvent> events) {
    }

    private final ImportMapping mapping;
    private final Map<String, PayloadPath> paths = new LinkedHashMap<>();
    private final PayloadValues values;

    /**
     * @param mapping  an event-log import mapping whose fields are payload paths
     * @param maxText  longest subject or body kept; longer ones are cut, since a tool cannot shorten them
     * @throws ConfigFileException naming the mapping key at fault
     */
    public JiraWebhook(ImportMapping mapping, int maxText) {
        this.mapping = mapping;
        if (!mapping.eventLog()) {
            throw new ConfigFileException(mapping.source() + ": shape: a webhook mapping has shape event_log", null);
        }
        if (!mapping.fields().containsKey("created_at")) {
            throw new ConfigFileException(mapping.source() + ": fields.created_at: is required for a webhook, e.g. "
                    + "issue.fields.created", null);
        }
        mapping.fields().forEach((field, path) -> {
            try {
                paths.put(field, new PayloadPath(path));
            } catch (IllegalArgumentException e) {
                throw new ConfigFileException(mapping.source() + ": fields." + field + ": " + e.getMessage(), null);
            }
        });
        this.values = new PayloadValues(mapping, paths, maxText);
    }

    /**
     * @param payload one webhook delivery
     * @return the ticket and events it implies
     * @throws RowException naming the payload path at fault
     */
    public Delivery read(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new RowException("(body)", "must be a JSON object, as Jira sends");
        }
        String event = payload.path("webhookEvent").asText("");
        if (event.isBlank()) {
            throw new RowException("webhookEvent", "is required: Jira names the event there, e.g. jira:issue_updated");
        }
        Ticket t = ticket(payload);
        List<TicketEvent> events = new ArrayList<>();
        switch (event) {
            case "jira:issue_created" -> events.add(TicketEvent.of(t.id(), t.createdAt(), EventType.CREATED));
            case "jira:issue_updated" -> changes(payload, t, events);
            default -> named(payload, t, event, events);
        }
        return new Delivery(event, t, event.equals("jira:issue_created"), events);
    }

    private Ticket ticket(JsonNode p) {
        String id = values.text(p, "ticket_id", MAX_ID_CHARS);
        if (id == null) {
            throw new RowException(mapping.fields().get("ticket_id"), "is missing; every delivery names its issue");
        }
        java.time.Instant created = values.time(p, "created_at", true);
        Impact impact = values.level(p, "impact", Impact::parse);
        Urgency urgency = values.level(p, "urgency", Urgency::parse);
        Priority priority = values.level(p, "priority", Priority::parse);
        if (priority == null && impact != null && urgency != null) {
            priority = Priority.of(impact, urgency);
        }
        if (priority == null) {
            throw new RowException(mapping.fields().getOrDefault("priority", "priority"), "is missing; every issue "
                    + "needs a priority (or impact and urgency)");
        }
        return new Ticket(id, created, priority, impact, urgency, values.level(p, "tier", Tier::parse),
                values.text(p, "team"), values.text(p, "category"), values.text(p, "system"),
                values.text(p, "channel"), values.text(p, "customer"), values.text(p, "contract"),
                values.text(p, "region"), values.text(p, "requester"), values.longText(p, "subject"),
                values.longText(p, "body"));
    }

    /** One event per changelog item on a mapped field. */
    private void changes(JsonNode p, Ticket t, List<TicketEvent> out) {
        java.time.Instant at = at(p, t);
        String agent = values.text(p, "agent");
        for (JsonNode item : p.path("changelog").path("items")) {
            String field = changedField(item);
            if (field == null) {
                continue;
            }
            TicketEvent e = switch (field) {
                case "activity" -> status(t, at, item.path("toString").asText(values.text(p, "activity")), agent,
                        values.text(p, "team"));
                case "priority" -> new TicketEvent(t.id(), at, EventType.PRIORITY_CHANGE, null, t.priority(), null,
                        t.team(), agent);
                case "agent" -> agent == null ? null
                        : new TicketEvent(t.id(), at, EventType.ASSIGNED, null, null, null, t.team(), agent);
                case "team" -> t.team() == null ? null
                        : new TicketEvent(t.id(), at, EventType.REASSIGNED, null, null, null, t.team(), agent);
                case "tier" -> t.tier() == null ? null
                        : new TicketEvent(t.id(), at, EventType.TIER_CHANGE, null, null, t.tier(), t.team(), agent);
                default -> null;
            };
            if (e != null) {
                out.add(e);
            }
        }
    }

    /** The native field a changelog item changes: the one whose path reads that issue field. */
    private String changedField(JsonNode item) {
        String id = item.path("fieldId").asText(item.path("field").asText(""));
        for (Map.Entry<String, PayloadPath> e : paths.entrySet()) {
            String f = e.getValue().issueField();
            if (f != null && (f.equals(id) || f.equalsIgnoreCase(item.path("field").asText("")))) {
                return e.getKey();
            }
        }
        return null;
    }

    private TicketEvent status(Ticket t, java.time.Instant at, String name, String agent, String team) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String kind = mapping.activities().getOrDefault(name.strip(), "status_change");
        return switch (kind) {
            case "ignore" -> null;
            // As in imported event logs: the policy's default pause status.
            case "pause" -> new TicketEvent(t.id(), at, EventType.STATUS_CHANGE, "pending_customer", null, null, team,
                    agent);
            case "status_change" -> new TicketEvent(t.id(), at, EventType.STATUS_CHANGE,
                    PayloadValues.clean(name.strip().toLowerCase(Locale.ROOT).replace(' ', '_'), MAX_ID_CHARS), null,
                    null, team, agent);
            default -> new TicketEvent(t.id(), at, EventType.parse(kind), null, null, null, team, agent);
        };
    }

    /** Any other delivery, such as comment_created, is an event when {@code activities} names it. */
    private void named(JsonNode p, Ticket t, String event, List<TicketEvent> out) {
        String kind = mapping.activities().get(event);
        if (kind == null || kind.equals("ignore")) {
            return;
        }
        TicketEvent e = status(t, at(p, t), event, values.text(p, "agent"), t.team());
        if (e != null) {
            out.add(e);
        }
    }

    /** The delivery's instant, never before the issue's creation. */
    private java.time.Instant at(JsonNode p, Ticket t) {
        java.time.Instant at = values.time(p, "at", true);
        return at.isBefore(t.createdAt()) ? t.createdAt() : at;
    }
}
