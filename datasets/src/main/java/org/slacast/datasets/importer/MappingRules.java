package org.slacast.datasets.importer;

import static org.slacast.datasets.importer.ImportMapping.err;

import java.util.List;
import java.util.Set;

/**
 * Checks a mapping's keys against each other: required fields, and nothing mapped that the import would not use
 * (a field the shape ignores, formats or values for a field that is not mapped), since a silently ignored key is a
 * mapping that does not do what its author thinks.
 */
final class MappingRules {
    /** Fields that only event logs use. */
    private static final Set<String> EVENT_LOG_ONLY = Set.of("at", "activity", "agent", "reopen_count");

    private MappingRules() {
    }

    static void check(ImportMapping m) {
        required(m);
        String src = m.source();
        String shape = m.eventLog() ? "event_log" : "tickets";
        m.fields().keySet().forEach(f -> {
            if (!m.eventLog() && EVENT_LOG_ONLY.contains(f)) {
                throw err(src, "fields." + f, "is not used by shape tickets (one row per ticket); remove it, or use "
                        + "shape event_log");
            }
        });
        if (m.fields().containsKey("reopen_count") && !m.changes().containsKey("reopen_count")) {
            throw err(src, "fields.reopen_count", "is mapped but not used; add changes: {reopen_count: reopened} to "
                    + "make a rising count a reopened event, or remove it");
        }
        m.formats().keySet().forEach(f -> {
            if (!ImportMapping.TIMES.contains(f)) {
                throw err(src, "formats." + f, "not a time field; formats apply to " + ImportMapping.TIMES);
            }
            unmapped(m, "formats." + f, f);
        });
        m.values().keySet().forEach(f -> unmapped(m, "values." + f, f));
        m.changes().keySet().forEach(f -> {
            if (!m.eventLog()) {
                throw err(src, "changes", "only event logs have consecutive rows of a case; remove it for shape " + shape);
            }
            unmapped(m, "changes." + f, f);
        });
        if (!m.eventLog() && !m.activities().isEmpty()) {
            throw err(src, "activities", "only event logs have activities; remove it for shape " + shape);
        }
    }

    private static void required(ImportMapping m) {
        String shape = m.eventLog() ? "event_log" : "tickets";
        for (String req : m.eventLog() ? List.of("ticket_id", "at", "activity") : List.of("ticket_id", "created_at")) {
            if (!m.fields().containsKey(req)) {
                throw err(m.source(), "fields." + req, "is required for shape " + shape);
            }
        }
        if (!m.fields().containsKey("priority") && !(m.fields().containsKey("impact") && m.fields().containsKey("urgency"))) {
            throw err(m.source(), "fields.priority", "is required (or both impact and urgency, for the ITIL matrix)");
        }
    }

    private static void unmapped(ImportMapping m, String key, String field) {
        if (!m.fields().containsKey(field)) {
            throw err(m.source(), key, "fields." + field + " is not mapped, so this would be ignored; map the field "
                    + "or remove the key");
        }
    }
}
