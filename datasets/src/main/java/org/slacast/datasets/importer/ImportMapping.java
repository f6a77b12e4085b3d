package org.slacast.datasets.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slacast.core.ConfigFileException;

/**
 * How a source file maps onto native tickets and events (docs/import.md). Every error names the mapping file and
 * the key, e.g. {@code formats.at[0]}.
 *
 * @param source      the mapping file, for messages
 * @param eventLog    true for an event log (many rows per case), false for one ticket per row
 * @param zone        zone of timestamps without an offset
 * @param missing     tokens that mean "no value" (compared after trimming)
 * @param fields      native field to source column
 * @param formats     per native time field, the patterns to try in order ("ISO" for ISO-8601)
 * @param values      per native field, source value to native value
 * @param activities  event logs: activity value to event (an event type, "pause" or "ignore")
 * @param outcome     the given outcome column, or null
 * @param breachedWhen values of the outcome column that mean breached
 */
public record ImportMapping(String source, boolean eventLog, ZoneId zone, Set<String> missing, Map<String, String> fields,
                            Map<String, List<DateTimeFormatter>> formats, Map<String, Map<String, String>> values,
                            Map<String, String> activities, String outcome, Set<String> breachedWhen) {
    /** Native fields a mapping may fill. */
    public static final List<String> FIELDS = List.of("ticket_id", "created_at", "at", "activity", "agent",
            "first_response_at", "resolved_at", "closed_at", "priority", "impact", "urgency", "tier", "team",
            "category", "system", "channel", "customer", "contract", "region", "requester", "subject", "body");
    private static final Set<String> TOP = Set.of("shape", "zone", "missing", "fields", "formats", "values",
            "activities", "outcome");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * @param file the mapping YAML
     * @return the mapping
     * @throws ConfigFileException naming the file and key of the first problem
     */
    public static ImportMapping load(Path file) {
        JsonNode root;
        String src = file.toString();
        try {
            root = YAML.readTree(org.slacast.core.ConfigFiles.read(file, "mapping file"));
        } catch (JsonProcessingException e) {
            throw ConfigFileException.yaml(src, e);
        }
        if (root == null || !root.isObject()) {
            throw err(src, "", "expected a mapping with shape, fields and formats");
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP.contains(k)) {
                throw err(src, k, "unknown key; expected one of " + TOP.stream().sorted().toList());
            }
        });
        String shape = text(root, "shape", src, "tickets");
        if (!shape.equals("tickets") && !shape.equals("event_log")) {
            throw err(src, "shape", "'" + shape + "' is not a shape; use tickets (one row per ticket) or event_log");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(root, "zone", src, "UTC"));
        } catch (java.time.DateTimeException e) {
            throw err(src, "zone", "not a time zone; use an IANA id such as Europe/Rome");
        }
        Set<String> missing = new LinkedHashSet<>(List.of(""));
        JsonNode m = root.get("missing");
        if (m != null) {
            m.forEach(v -> missing.add(v.asText().strip()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode f = root.get("fields");
        if (f == null || !f.isObject()) {
            throw err(src, "fields", "is required: a mapping of native field to source column");
        }
        f.properties().forEach(e -> {
            if (!FIELDS.contains(e.getKey())) {
                throw err(src, "fields." + e.getKey(), "not a native field; use one of " + FIELDS);
            }
            fields.put(e.getKey(), e.getValue().asText());
        });
        boolean log = shape.equals("event_log");
        for (String req : log ? List.of("ticket_id", "at", "activity") : List.of("ticket_id", "created_at")) {
            if (!fields.containsKey(req)) {
                throw err(src, "fields." + req, "is required for shape " + shape);
            }
        }
        if (!fields.containsKey("priority") && !(fields.containsKey("impact") && fields.containsKey("urgency"))) {
            throw err(src, "fields.priority", "is required (or both impact and urgency, for the ITIL matrix)");
        }
        Map<String, List<DateTimeFormatter>> formats = new LinkedHashMap<>();
        JsonNode fm = root.get("formats");
        if (fm != null) {
            fm.properties().forEach(e -> {
                List<DateTimeFormatter> list = new ArrayList<>();
                JsonNode arr = e.getValue().isArray() ? e.getValue() : YAML.createArrayNode().add(e.getValue());
                for (int i = 0; i < arr.size(); i++) {
                    String pattern = arr.get(i).asText();
                    try {
                        list.add(pattern.equalsIgnoreCase("ISO") ? null : DateTimeFormatter.ofPattern(pattern));
                    } catch (IllegalArgumentException ex) {
                        throw err(src, "formats." + e.getKey() + "[" + i + "]", "'" + pattern
                                + "' is not a date pattern: " + ex.getMessage());
                    }
                }
                formats.put(e.getKey(), list);
            });
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        JsonNode vm = root.get("values");
        if (vm != null) {
            vm.properties().forEach(e -> {
                Map<String, String> map = new LinkedHashMap<>();
                e.getValue().properties().forEach(v -> map.put(v.getKey().strip(), v.getValue().asText()));
                values.put(e.getKey(), map);
            });
        }
        Map<String, String> activities = new LinkedHashMap<>();
        JsonNode am = root.get("activities");
        if (am != null) {
            am.properties().forEach(e -> {
                String v = e.getValue().asText().strip().toLowerCase(java.util.Locale.ROOT);
                if (!v.equals("pause") && !v.equals("ignore")) {
                    try {
                        org.slacast.core.ticket.EventType.parse(v);
                    } catch (IllegalArgumentException ex) {
                        throw err(src, "activities." + e.getKey(), ex.getMessage() + ", pause or ignore");
                    }
                }
                activities.put(e.getKey().strip(), v);
            });
        }
        String outcome = null;
        Set<String> breached = Set.of();
        JsonNode oc = root.get("outcome");
        if (oc != null) {
            outcome = text(oc, "column", src + ": outcome", null);
            if (outcome == null) {
                throw err(src, "outcome.column", "is required");
            }
            Set<String> b = new LinkedHashSet<>();
            JsonNode bw = oc.get("breached_when");
            if (bw == null) {
                throw err(src, "outcome.breached_when", "is required, e.g. [\"false\"] for a made_sla flag");
            }
            (bw.isArray() ? bw : YAML.createArrayNode().add(bw)).forEach(v -> b.add(v.asText().strip().toLowerCase(java.util.Locale.ROOT)));
            breached = b;
        }
        return new ImportMapping(src, log, zone, missing, fields, formats, values, activities, outcome, breached);
    }

    /**
     * Checks that every mapped column is in the source header.
     *
     * @param file    the source file
     * @param columns its header
     * @throws ConfigFileException naming the mapping key whose column is absent
     */
    public void checkColumns(String file, Set<String> columns) {
        fields.forEach((field, column) -> {
            if (!columns.contains(column)) {
                throw err(source, "fields." + field, "column '" + column + "' is not in " + file + "; its columns are " + columns);
            }
        });
        if (outcome != null && !columns.contains(outcome)) {
            throw err(source, "outcome.column", "column '" + outcome + "' is not in " + file + "; its columns are " + columns);
        }
    }

    private static String text(JsonNode node, String key, String src, String dflt) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? dflt : v.asText().strip();
    }

    private static ConfigFileException err(String src, String key, String message) {
        return new ConfigFileException(src + ": " + (key.isEmpty() ? "" : key + ": ") + message, null);
    }
}
