package org.slacast.datasets.importer;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slacast.core.ConfigFileException;
import org.slacast.core.ticket.EventType;
import org.slacast.datasets.importer.export.ExportFormat;

/**
 * How a source file maps onto native tickets and events (docs/import.md). Every error names the mapping file and
 * the key, e.g. {@code formats.at[0]}.
 *
 * @param source      the mapping file, for messages
 * @param eventLog    true for an event log (many rows per case), false for one ticket per row
 * @param zone        zone of timestamps without an offset
 * @param missing     tokens that mean "no value" (compared after trimming)
 * @param fields      native field to source column
 * @param formats     per native time field, the patterns to try in order (null for ISO-8601)
 * @param values      per native field, source value to native value
 * @param activities  event logs: activity value to event (an event type, "pause" or "ignore")
 * @param outcome     the given outcome column, or null
 * @param breachedWhen values of the outcome column that mean breached
 * @param format      how the file is written: delimiter, decimal separator, encoding, sheet
 * @param changes     event logs: native field whose change between consecutive rows of a case is an event
 * @param attributes  open attributes: each with its source column, in mapping order
 */
public record ImportMapping(String source, boolean eventLog, ZoneId zone, Set<String> missing, Map<String, String> fields,
                            Map<String, List<DateTimeFormatter>> formats, Map<String, Map<String, String>> values,
                            Map<String, String> activities, String outcome, Set<String> breachedWhen,
                            ExportFormat format, Map<String, EventType> changes,
                            List<AttributeColumn> attributes) {
    /**
     * An open attribute and the source column it is read from.
     *
     * @param attribute the attribute: name, type and moment
     * @param column    the source column
     */
    public record AttributeColumn(org.slacast.core.ticket.OpenAttribute attribute, String column) {
    }

    /** Native fields a mapping may fill. */
    public static final List<String> FIELDS = List.of("ticket_id", "created_at", "at", "activity", "agent",
            "first_response_at", "resolved_at", "closed_at", "priority", "impact", "urgency", "tier", "team",
            "category", "system", "channel", "customer", "contract", "region", "requester", "subject", "body",
            "reopen_count");
    /** Native time fields; each may have formats. */
    public static final List<String> TIMES = List.of("created_at", "at", "first_response_at", "resolved_at",
            "closed_at");
    /** The event that a change of each field makes, for the {@code changes} key. */
    public static final Map<String, EventType> CHANGE_EVENTS = Map.of("priority", EventType.PRIORITY_CHANGE,
            "team", EventType.REASSIGNED, "agent", EventType.REASSIGNED, "tier", EventType.TIER_CHANGE,
            "reopen_count", EventType.REOPENED);

    /**
     * @param file the mapping YAML
     * @return the mapping
     * @throws ConfigFileException naming the file and key of the first problem
     */
    public static ImportMapping load(Path file) {
        return MappingFile.load(file);
    }

    /**
     * Checks that every mapped column is in the source header.
     *
     * @param file    the source file
     * @param columns its header
     * @param readAs  how the file was read (e.g. {@code ';'-separated (detected), UTF-8}), named when a column is absent
     * @throws ConfigFileException naming the mapping key whose column is absent
     */
    public void checkColumns(String file, Set<String> columns, String readAs) {
        String hint = columns.size() == 1 ? " (read as " + readAs + "; if the file has another separator or "
                + "encoding, set delimiter or encoding in the mapping)" : "";
        fields.forEach((field, column) -> {
            if (!columns.contains(column)) {
                throw err(source, "fields." + field, "column '" + column + "' is not in " + file + "; its columns are "
                        + columns + hint);
            }
        });
        for (AttributeColumn a : attributes) {
            if (!columns.contains(a.column())) {
                throw err(source, "attributes." + a.attribute().name() + ".column", "column '" + a.column()
                        + "' is not in " + file + "; its columns are " + columns + hint);
            }
        }
        if (outcome != null && !columns.contains(outcome)) {
            throw err(source, "outcome.column", "column '" + outcome + "' is not in " + file + "; its columns are "
                    + columns + hint);
        }
    }

    /**
     * Reads a time as the mapping says: its field's patterns in order (ISO-8601 when none are given), local times in
     * the mapping's zone.
     *
     * @param field the native time field
     * @param value its text
     * @return the instant, or null when no pattern matches
     */
    public java.time.Instant time(String field, String value) {
        for (java.time.format.DateTimeFormatter f : formats.getOrDefault(field,
                java.util.Collections.singletonList(null))) {
            try {
                if (f == null) {
                    return iso(value);
                }
                var parsed = f.parseBest(value, java.time.OffsetDateTime::from, java.time.LocalDateTime::from);
                return parsed instanceof java.time.OffsetDateTime o ? o.toInstant()
                        : ((java.time.LocalDateTime) parsed).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    /** @return an ISO-8601 instant, or a local date-time (a space for the 'T' allowed) in the mapping's zone */
    public java.time.Instant iso(String v) {
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
        }
    }

    static ConfigFileException err(String src, String key, String message) {
        return new ConfigFileException(src + ": " + (key.isEmpty() ? "" : key + ": ") + message, null);
    }
}
