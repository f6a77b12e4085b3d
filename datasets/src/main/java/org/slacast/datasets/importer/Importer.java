package org.slacast.datasets.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.slacast.datasets.importer.export.ExportFile;

/**
 * Turns a ticket export or an event log (delimited text, .xlsx or Parquet) into native tickets and events. Rows
 * that cannot be read go to the rejects with file, line, column and reason; rows of nothing but separators are
 * skipped and counted; every other row is written.
 */
public final class Importer {
    private static final List<String> LATER_TIMES = List.of("first_response_at", "resolved_at", "closed_at");
    private final ImportMapping mapping;
    private final Anonymiser anonymiser;

    /**
     * The counts of one import.
     *
     * @param rows     data rows read, the empty ones included
     * @param tickets  tickets written
     * @param events   events written
     * @param rejects  rows left out, with reasons
     * @param outcomes given outcomes written
     * @param empty    rows of nothing but separators (or blank cells), skipped
     * @param readAs   how the file was read, e.g. {@code ';'-separated (detected), UTF-8}
     * @param changes  event logs: per open attribute known at open, how often its value at close differs
     */
    public record Summary(long rows, long tickets, long events, List<Reject> rejects, long outcomes, long empty,
                          String readAs, List<AttributeChange> changes) {
    }

    /**
     * How often an attribute's value in a case's last row differs from its first: the value a one-row-per-ticket
     * export of the same system would hold is the last one, known only at the end.
     *
     * @param key     the attribute's key
     * @param cases   cases with a value in their last row
     * @param changed those whose first row's value differs (or is empty)
     */
    public record AttributeChange(String key, long cases, long changed) {
        /** A share of changed cases from which the import warns. */
        public static final double WARN_SHARE = 0.10;

        /** @return the share of cases whose value changed */
        public double share() {
            return cases == 0 ? 0 : changed / (double) cases;
        }

        /** @return a warning when many cases change, else null */
        public String warning() {
            if (share() < WARN_SHARE) {
                return null;
            }
            return String.format("%s changes between a case's first and last row in %,d of %,d cases (%.0f%%); "
                    + "slacast takes the first row's value, known at open. An export that holds one row per ticket "
                    + "would give the last one: there, mark it known_at: end", key, changed, cases, 100 * share());
        }
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
     * @param input the source: CSV or other delimited text, .xlsx, or .parquet
     * @param out   the output directory: tickets.csv, events.csv, rejects.csv, and outcomes.csv if mapped
     * @return the counts
     */
    public Summary run(Path input, Path out) {
        ExportFile export = ExportFile.of(input, mapping.format());
        RowValues values = new RowValues(mapping, export.typedTimes());
        List<Reject> rejects = new ArrayList<>();
        Map<String, List<SourceRow>> cases = new LinkedHashMap<>();
        long[] counts = {0, 0};
        boolean[] checked = {false};
        Map<String, Integer> header = export.read(row -> {
            counts[0]++;
            if (!checked[0] && row.malformed() == null) {
                mapping.checkColumns(input.toString(), row.columns().keySet(), export.describe());
                checked[0] = true;
            }
            if (RowValues.empty(row)) {
                counts[1]++;
                return;
            }
            try {
                SourceRow p = parse(values, row);
                List<SourceRow> rowsOfCase = cases.computeIfAbsent(p.ticketId(), k -> new ArrayList<>());
                if (!mapping.eventLog() && !rowsOfCase.isEmpty()) {
                    throw new RowException(mapping.fields().get("ticket_id"), "ticket " + p.ticketId()
                            + " appears twice; the first is kept");
                }
                rowsOfCase.add(p);
            } catch (RowException e) {
                rejects.add(Reject.of(row, e));
            }
        });
        if (!checked[0]) {
            mapping.checkColumns(input.toString(), header.keySet(), export.describe());
        }
        long[] written = write(input, out, values, cases, rejects);
        CsvFiles.writeRejects(out.resolve("rejects.csv"), rejects);
        return new Summary(counts[0], written[0], written[1], rejects, written[2], counts[1], export.describe(),
                mapping.eventLog() ? changes(cases) : List.of());
    }

    private List<AttributeChange> changes(Map<String, List<SourceRow>> cases) {
        List<AttributeChange> out = new ArrayList<>();
        for (ImportMapping.AttributeColumn a : mapping.attributes()) {
            if (a.attribute().knownAtEnd()) {
                continue;
            }
            String key = a.attribute().key();
            long n = 0;
            long changed = 0;
            for (List<SourceRow> rows : cases.values()) {
                String last = rows.getLast().attributes().get(key);
                if (last != null) {
                    n++;
                    changed += last.equals(rows.getFirst().attributes().get(key)) ? 0 : 1;
                }
            }
            out.add(new AttributeChange(key, n, changed));
        }
        return out;
    }

    /** @return tickets, events and outcomes written */
    private long[] write(Path input, Path out, RowValues values, Map<String, List<SourceRow>> cases,
                         List<Reject> rejects) {
        long[] n = {0, 0, 0};
        CaseEvents caseEvents = new CaseEvents(mapping, values, anonymiser);
        List<String> columns = mapping.attributes().stream().map(a -> a.attribute().key()).toList();
        try (NativeFormat.Writer w = new NativeFormat.Writer(out, columns);
             Writer ow = mapping.outcome() == null ? Writer.nullWriter() : Files.newBufferedWriter(out.resolve("outcomes.csv"))) {
            if (mapping.outcome() != null) {
                ow.write("ticket_id,breached\n");
            }
            for (List<SourceRow> rowsOfCase : cases.values()) {
                rowsOfCase.sort(Comparator.comparing(SourceRow::at).thenComparingLong(SourceRow::line));
                SourceRow first = rowsOfCase.getFirst();
                Ticket t;
                try {
                    t = ticket(values, first, CaseEvents.createdAt(rowsOfCase));
                } catch (RowException e) {
                    rejects.add(new Reject(input.toString(), first.line(), e.column() == null ? "" : e.column(),
                            e.getMessage() + (rowsOfCase.size() > 1 ? " (the case's other " + (rowsOfCase.size() - 1)
                                    + " rows are left out with it)" : "")));
                    continue;
                }
                w.write(t);
                n[0]++;
                for (TicketEvent e : caseEvents.of(t, rowsOfCase)) {
                    w.write(e);
                    n[1]++;
                }
                String given = rowsOfCase.getLast().outcome();
                if (given != null) {
                    ow.write(t.id() + "," + mapping.breachedWhen().contains(given.toLowerCase(Locale.ROOT)) + "\n");
                    n[2]++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write", e);
        }
        return n;
    }

    private SourceRow parse(RowValues values, CsvRow row) {
        String ticketId = values.value(row, "ticket_id");
        if (ticketId == null) {
            throw new RowException(mapping.fields().get("ticket_id"), "is empty; every row needs a ticket id");
        }
        Map<String, Instant> times = new LinkedHashMap<>();
        Instant at = values.time(row, mapping.eventLog() ? "at" : "created_at", true);
        Instant created = mapping.eventLog() ? values.time(row, "created_at", false) : at;
        if (mapping.eventLog() && created != null) {
            times.put("created_at", created);
        }
        for (String f : LATER_TIMES) {
            Instant i = values.time(row, f, false);
            if (i != null && created != null && i.isBefore(created)) {
                throw new RowException(mapping.fields().get(f), f + " " + i + " is before created_at " + created
                        + "; fix the row or its date format");
            }
            if (i != null) {
                times.put(f, i);
            }
        }
        String activity = mapping.eventLog() ? values.value(row, "activity") : null;
        String outcome = mapping.outcome() == null ? null : values.raw(row, mapping.outcome());
        return new SourceRow(row.line(), ticketId, at, activity, row, times, tracked(values, row, activity), outcome,
                values.attributes(row));
    }

    /** Event logs: the values whose changes make events, read now so that a bad one rejects its row. */
    private Map<String, Object> tracked(RowValues values, CsvRow row, String activity) {
        Map<String, Object> tracked = new LinkedHashMap<>();
        if (!mapping.eventLog()) {
            return tracked;
        }
        String kind = mapping.activities().getOrDefault(activity == null ? "" : activity, "");
        for (String f : List.of("priority", "tier", "team", "agent", "reopen_count")) {
            boolean byActivity = (f.equals("priority") && kind.equals(EventType.PRIORITY_CHANGE.label()))
                    || (f.equals("tier") && kind.equals(EventType.TIER_CHANGE.label()));
            if (!mapping.changes().containsKey(f) && !byActivity) {
                continue;
            }
            tracked.put(f, switch (f) {
                case "priority" -> values.level(row, f, Priority::parse);
                case "tier" -> values.level(row, f, Tier::parse);
                case "reopen_count" -> values.number(row, f);
                default -> values.value(row, f);
            });
        }
        return tracked;
    }

    private Ticket ticket(RowValues values, SourceRow first, Instant createdAt) {
        CsvRow r = first.row();
        Impact impact = values.level(r, "impact", Impact::parse);
        Urgency urgency = values.level(r, "urgency", Urgency::parse);
        Priority priority = values.level(r, "priority", Priority::parse);
        if (priority == null && impact != null && urgency != null) {
            priority = Priority.of(impact, urgency);
        }
        if (priority == null) {
            boolean matrix = mapping.fields().containsKey("impact") && mapping.fields().containsKey("urgency");
            throw new RowException(mapping.fields().getOrDefault("priority", "priority"), matrix
                    ? "is empty, and so is impact or urgency; a ticket needs a priority"
                    : "is empty; map it, or map impact and urgency");
        }
        String customer = values.value(r, "customer");
        String requester = values.value(r, "requester");
        String subject = values.value(r, "subject");
        String body = values.value(r, "body");
        if (anonymiser != null) {
            customer = anonymiser.token("org", customer);
            requester = anonymiser.token("person", requester);
            subject = anonymiser.scrub(subject);
            body = anonymiser.scrub(body);
        }
        return new Ticket(first.ticketId(), createdAt, priority, impact, urgency, values.level(r, "tier", Tier::parse),
                values.value(r, "team"), values.value(r, "category"), values.value(r, "system"),
                values.value(r, "channel"), customer, values.value(r, "contract"), values.value(r, "region"),
                requester, subject, body, first.attributes());
    }
}
