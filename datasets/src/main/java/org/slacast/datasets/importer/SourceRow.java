package org.slacast.datasets.importer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slacast.core.csv.CsvRow;

/**
 * One source row, read but not yet assembled into a ticket and its events.
 *
 * @param line     where it starts in the source
 * @param ticketId its ticket (the case, in an event log)
 * @param at       the event time (event logs) or created_at (ticket exports)
 * @param activity the activity (event logs), or null
 * @param row      the row itself, for the ticket's attributes
 * @param times    the time fields read from columns: created_at (event logs), first_response_at, resolved_at,
 *                 closed_at
 * @param tracked  event logs: the values of the fields under {@code changes} (and of priority or tier when the
 *                 activity is a change of them), read and checked
 * @param outcome  the given outcome's raw value, or null
 * @param attributes the open attributes' values, read and checked, by key; an empty cell is absent
 */
record SourceRow(long line, String ticketId, Instant at, String activity, CsvRow row, Map<String, Instant> times,
                 Map<String, Object> tracked, String outcome, Map<String, String> attributes) {

    /** Keeps the order in which fields were read. */
    SourceRow {
        times = new LinkedHashMap<>(times);
        tracked = new LinkedHashMap<>(tracked);
    }
}
