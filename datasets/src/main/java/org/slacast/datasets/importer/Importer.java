package org.slacast.datasets.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.RowException;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;

/**
 * Turns a ticket export or an event log into native tickets and events. Rows that cannot be read go to the
 * rejects with file, line, column and reason; every other row is written.
 */
public final class Importer {
    private final ImportMapping mapping;
    private final Anonymiser anonymiser;

    /**
     * The counts of one import.
     *
     * @param rows     data rows read
     * @param tickets  tickets written
     * @param events   events written
     * @param rejects  rows left out, with reasons
     * @param outcomes given outcomes written
     */
    public record Summary(long rows, long tickets, long events, List<Reject> rejects, long outcomes) {
    }

    /**
     * @param mapping    the column mapping
     * @param anonymiser tokens for names, or null to keep them
     */
    public Importer(ImportMapping mapping, Anonymiser anonymiser) {
        this.mapping = mapping;
        this.anonymiser = anonymiser;
    }

    /**
     * @param input the source CSV
     * @param out   the output directory: tickets.csv, events.csv, rejects.csv, and outcomes.csv if mapped
     * @return the counts
     */
    public Summary run(Path input, Path out) {
        List<Reject> rejects = new ArrayList<>();
        Map<String, List<Parsed>> cases = new LinkedHashMap<>();
        long[] rows = {0};
        boolean[] checked = {false};
        Map<String, Integer> header = CsvFiles.read(input, List.of(), row -> {
            if (!checked[0]) {
                mapping.checkColumns(input.toString(), row.columns().keySet());
                checked[0] = true;
            }
            rows[0]++;
            try {
                Parsed p = parse(row);
                List<Parsed> rowsOfCase = cases.computeIfAbsent(p.ticketId, k -> new ArrayList<>());
                if (!mapping.eventLog() && !rowsOfCase.isEmpty()) {
                    throw new RowException(mapping.fields().get("ticket_id"), "ticket " + p.ticketId
                            + " appears twice; the first is kept");
                }
                rowsOfCase.add(p);
            } catch (RowException e) {
                rejects.add(Reject.of(row, e));
            }
        });
        if (!checked[0]) {
            mapping.checkColumns(input.toString(), header.keySet());
        }
        long tickets = 0;
        long events = 0;
        long outcomes = 0;
        try (NativeFormat.Writer w = new NativeFormat.Writer(out);
             Writer ow = mapping.outcome() == null ? Writer.nullWriter() : Files.newBufferedWriter(out.resolve("outcomes.csv"))) {
            if (mapping.outcome() != null) {
                ow.write("ticket_id,breached\n");
            }
            for (List<Parsed> rowsOfCase : cases.values()) {
                rowsOfCase.sort(Comparator.comparing((Parsed p) -> p.at).thenComparingLong(p -> p.line));
                Parsed first = rowsOfCase.getFirst();
                Ticket t;
                try {
                    t = ticket(first);
                } catch (RowException e) {
                    rejects.add(new Reject(input.toString(), first.line, e.column() == null ? "" : e.column(),
                            e.getMessage() + (rowsOfCase.size() > 1 ? " (the case's other " + (rowsOfCase.size() - 1)
                                    + " rows are left out with it)" : "")));
                    continue;
                }
                w.write(t);
                tickets++;
                for (TicketEvent e : events(t, rowsOfCase)) {
                    w.write(e);
                    events++;
                }
                String given = rowsOfCase.getLast().outcome;
                if (given != null) {
                    ow.write(t.id() + "," + mapping.breachedWhen().contains(given.toLowerCase(Locale.ROOT)) + "\n");
                    outcomes++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write", e);
        }
        CsvFiles.writeRejects(out.resolve("rejects.csv"), rejects);
        return new Summary(rows[0], tickets, events, rejects, outcomes);
    }

    /** One source row, read but not yet assembled. */
    private static final class Parsed {
        long line;
        String ticketId;
        Instant at;
        String activity;
        CsvRow row;
        Map<String, Instant> times = new LinkedHashMap<>();
        String outcome;
    }

    private Parsed parse(CsvRow row) {
        Parsed p = new Parsed();
        p.line = row.line();
        p.row = row;
        p.ticketId = value(row, "ticket_id");
        if (p.ticketId == null) {
            throw new RowException(mapping.fields().get("ticket_id"), "is empty; every row needs a ticket id");
        }
        if (mapping.eventLog()) {
            p.at = time(row, "at", true);
            p.activity = value(row, "activity");
        } else {
            p.at = time(row, "created_at", true);
            for (String f : List.of("first_response_at", "resolved_at", "closed_at")) {
                Instant i = time(row, f, false);
                if (i != null && i.isBefore(p.at)) {
                    throw new RowException(mapping.fields().get(f), f + " " + i + " is before created_at " + p.at
                            + "; fix the row or its date format");
                }
                if (i != null) {
                    p.times.put(f, i);
                }
            }
        }
        if (mapping.outcome() != null) {
            p.outcome = raw(row, mapping.outcome());
        }
        return p;
    }

    private Ticket ticket(Parsed first) {
        CsvRow r = first.row;
        Impact impact = level(r, "impact", Impact::parse);
        Urgency urgency = level(r, "urgency", Urgency::parse);
        Priority priority = level(r, "priority", Priority::parse);
        if (priority == null && impact != null && urgency != null) {
            priority = Priority.of(impact, urgency);
        }
        if (priority == null) {
            throw new RowException(mapping.fields().getOrDefault("priority", "priority"),
                    "is empty; map it, or map impact and urgency");
        }
        String customer = value(r, "customer");
        String requester = value(r, "requester");
        String subject = value(r, "subject");
        String body = value(r, "body");
        if (anonymiser != null) {
            customer = anonymiser.token("org", customer);
            requester = anonymiser.token("person", requester);
            subject = anonymiser.scrub(subject);
            body = anonymiser.scrub(body);
        }
        return new Ticket(first.ticketId, first.at, priority, impact, urgency, level(r, "tier", Tier::parse),
                value(r, "team"), value(r, "category"), value(r, "system"), value(r, "channel"), customer,
                value(r, "contract"), value(r, "region"), requester, subject, body);
    }

    private List<TicketEvent> events(Ticket t, List<Parsed> rows) {
        List<TicketEvent> out = new ArrayList<>();
        if (!mapping.eventLog()) {
            Parsed p = rows.getFirst();
            out.add(TicketEvent.of(t.id(), t.createdAt(), EventType.CREATED));
            p.times.forEach((f, at) -> out.add(TicketEvent.of(t.id(), at, switch (f) {
                case "first_response_at" -> EventType.FIRST_RESPONSE;
                case "resolved_at" -> EventType.RESOLVED;
                default -> EventType.CLOSED;
            })));
            out.sort(Comparator.comparing(TicketEvent::at));
            return out;
        }
        boolean paused = false;
        for (Parsed p : rows) {
            String activity = p.activity == null ? "" : p.activity;
            String kind = mapping.activities().getOrDefault(activity, "status_change");
            if (kind.equals("ignore")) {
                continue;
            }
            String agent = value(p.row, "agent");
            if (anonymiser != null) {
                agent = anonymiser.token("person", agent);
            }
            if (kind.equals("pause")) {
                out.add(new TicketEvent(t.id(), p.at, EventType.STATUS_CHANGE, "pending_customer", null, null, null, agent));
                paused = true;
                continue;
            }
            EventType type = EventType.parse(kind);
            if (paused && type != EventType.RESOLVED && type != EventType.CLOSED) {
                // In an event log a pause lasts until the next activity.
                out.add(new TicketEvent(t.id(), p.at, EventType.STATUS_CHANGE, "in_progress", null, null, null, agent));
            }
            paused = false;
            String status = type == EventType.STATUS_CHANGE ? activity.strip().toLowerCase(Locale.ROOT).replace(' ', '_') : null;
            if (type == EventType.STATUS_CHANGE && status.isEmpty()) {
                continue;
            }
            Priority pr = type == EventType.PRIORITY_CHANGE ? level(p.row, "priority", Priority::parse) : null;
            Tier tier = type == EventType.TIER_CHANGE ? level(p.row, "tier", Tier::parse) : null;
            if ((type == EventType.PRIORITY_CHANGE && pr == null) || (type == EventType.TIER_CHANGE && tier == null)) {
                continue;
            }
            out.add(new TicketEvent(t.id(), p.at, type, status, pr, tier, value(p.row, "team"), agent));
        }
        return out;
    }

    private <T> T level(CsvRow row, String field, java.util.function.Function<String, T> parser) {
        return RowException.parsing(mapping.fields().get(field), value(row, field), parser,
                "; add it under values." + field + " in " + mapping.source());
    }

    private String value(CsvRow row, String field) {
        String column = mapping.fields().get(field);
        if (column == null) {
            return null;
        }
        String v = raw(row, column);
        if (v == null) {
            return null;
        }
        Map<String, String> map = mapping.values().get(field);
        return map != null && map.containsKey(v) ? map.get(v) : v;
    }

    private String raw(CsvRow row, String column) {
        Integer i = row.columns().get(column);
        if (i == null || i >= row.values().length) {
            return null;
        }
        String v = row.values()[i].strip();
        return mapping.missing().contains(v) ? null : v;
    }

    private Instant time(CsvRow row, String field, boolean required) {
        String v = value(row, field);
        String column = mapping.fields().get(field);
        if (v == null) {
            if (required) {
                throw new RowException(column, "is empty; a timestamp is required");
            }
            return null;
        }
        List<DateTimeFormatter> formats = mapping.formats().getOrDefault(field, java.util.Collections.singletonList(null));
        for (DateTimeFormatter f : formats) {
            try {
                if (f == null) {
                    return iso(v);
                }
                var parsed = f.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime o ? o.toInstant()
                        : ((LocalDateTime) parsed).atZone(mapping.zone()).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new RowException(column, "'" + v + "' matches none of the formats given under formats." + field
                + " in " + mapping.source());
    }

    private Instant iso(String v) {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(mapping.zone()).toInstant();
        }
    }
}
