package org.slacast.datasets.importer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * The events of one ticket: from its time columns in a ticket export; in an event log, from each row's activity,
 * from the declared column changes between consecutive rows, and from any time columns.
 *
 * @param mapping    the mapping
 * @param values     reads fields of a row
 * @param anonymiser tokens for agent ids, or null
 */
record CaseEvents(ImportMapping mapping, RowValues values, Anonymiser anonymiser) {

    /**
     * @param t    the ticket, built from the first row
     * @param rows its accepted rows in time order
     * @return its events in time order
     */
    List<TicketEvent> of(Ticket t, List<SourceRow> rows) {
        List<TicketEvent> out = new ArrayList<>();
        if (!mapping.eventLog()) {
            out.add(TicketEvent.of(t.id(), t.createdAt(), EventType.CREATED));
            times(t, rows.getFirst(), out);
        } else {
            boolean paused = false;
            Map<String, Object> last = new HashMap<>();
            for (SourceRow p : rows) {
                String agent = values.value(p.row(), "agent");
                agent = anonymiser == null ? agent : anonymiser.token("person", agent);
                int before = out.size();
                paused = activity(t, p, agent, paused, out);
                changes(t, p, agent, last, out.subList(before, out.size()), out);
            }
            // A created_at column dates the ticket; its created event is there even if no activity made one then.
            if (mapping.fields().containsKey("created_at") && out.stream()
                    .noneMatch(e -> e.type() == EventType.CREATED && e.at().equals(t.createdAt()))) {
                out.addFirst(TicketEvent.of(t.id(), t.createdAt(), EventType.CREATED));
            }
            rows.forEach(p -> times(t, p, out));
        }
        out.sort(Comparator.comparing(TicketEvent::at)); // stable: rows of one instant keep their order
        return out;
    }

    /** The row's activity as an event; returns whether the ticket is paused after it. */
    private boolean activity(Ticket t, SourceRow p, String agent, boolean paused, List<TicketEvent> out) {
        String activity = p.activity() == null ? "" : p.activity();
        String kind = mapping.activities().getOrDefault(activity, "status_change");
        if (kind.equals("ignore")) {
            return paused;
        }
        if (kind.equals("pause")) {
            out.add(new TicketEvent(t.id(), p.at(), EventType.STATUS_CHANGE, "pending_customer", null, null, null, agent));
            return true;
        }
        EventType type = EventType.parse(kind);
        if (paused && type != EventType.RESOLVED && type != EventType.CLOSED) {
            // In an event log a pause lasts until the next activity.
            out.add(new TicketEvent(t.id(), p.at(), EventType.STATUS_CHANGE, "in_progress", null, null, null, agent));
        }
        String status = type == EventType.STATUS_CHANGE ? activity.strip().toLowerCase(Locale.ROOT).replace(' ', '_') : null;
        if (type == EventType.STATUS_CHANGE && status.isEmpty()) {
            return false;
        }
        Priority pr = type == EventType.PRIORITY_CHANGE ? (Priority) p.tracked().get("priority") : null;
        Tier tier = type == EventType.TIER_CHANGE ? (Tier) p.tracked().get("tier") : null;
        if ((type == EventType.PRIORITY_CHANGE && pr == null) || (type == EventType.TIER_CHANGE && tier == null)) {
            return false;
        }
        out.add(new TicketEvent(t.id(), p.at(), type, status, pr, tier, values.value(p.row(), "team"), agent));
        return false;
    }

    /**
     * Events from the declared fields whose value differs from the case's previous non-empty value (for
     * reopen_count: rises above it). The first value is the baseline, not a change; an event of the same type
     * that the row's activity already made is not repeated.
     */
    private void changes(Ticket t, SourceRow p, String agent, Map<String, Object> last, List<TicketEvent> ofRow,
                         List<TicketEvent> out) {
        List<TicketEvent> made = new ArrayList<>();
        mapping.changes().forEach((field, type) -> {
            Object v = p.tracked().get(field);
            if (v == null) {
                return;
            }
            Object prev = last.put(field, v);
            boolean changed = prev != null && (v instanceof BigDecimal n ? n.compareTo((BigDecimal) prev) > 0
                    : !v.equals(prev));
            if (!changed || ofRow.stream().anyMatch(e -> e.type() == type) || made.stream().anyMatch(e -> e.type() == type)) {
                return;
            }
            String team = field.equals("team") ? (String) v : values.value(p.row(), "team");
            made.add(new TicketEvent(t.id(), p.at(), type, null, type == EventType.PRIORITY_CHANGE ? (Priority) v : null,
                    type == EventType.TIER_CHANGE ? (Tier) v : null, team, agent));
        });
        out.addAll(made);
    }

    /** An event for each time column of the row, unless the activities already made that event at that instant. */
    private void times(Ticket t, SourceRow p, List<TicketEvent> out) {
        p.times().forEach((field, at) -> {
            EventType type = switch (field) {
                case "first_response_at" -> EventType.FIRST_RESPONSE;
                case "resolved_at" -> EventType.RESOLVED;
                case "closed_at" -> EventType.CLOSED;
                default -> null; // created_at is the ticket's own
            };
            if (type != null && out.stream().noneMatch(e -> e.type() == type && e.at().equals(at))) {
                out.add(TicketEvent.of(t.id(), at, type));
            }
        });
    }

    /** @return the earliest of the case's first created_at and its first event, so no event precedes creation */
    static Instant createdAt(List<SourceRow> rows) {
        Instant first = rows.getFirst().at();
        for (SourceRow p : rows) {
            Instant c = p.times().get("created_at");
            if (c != null) {
                return c.isBefore(first) ? c : first;
            }
        }
        return first;
    }
}
