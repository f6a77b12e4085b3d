package org.slacast.datasets.importer;

import static org.slacast.datasets.importer.ImportMapping.err;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slacast.core.ConfigFileException;
import org.slacast.core.ticket.EventType;
import org.slacast.datasets.importer.export.ExportFormat;

/** Reads an import mapping's YAML, checking each key as it goes; {@link MappingRules} checks them together. */
final class MappingFile {
    private static final Set<String> TOP = Set.of("shape", "zone", "missing", "fields", "formats", "values",
            "activities", "outcome", "delimiter", "decimal", "encoding", "sheet", "changes", "attributes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String src;
    private final JsonNode root;

    private MappingFile(String src, JsonNode root) {
        this.src = src;
        this.root = root;
    }

    static ImportMapping load(Path file) {
        String src = file.toString();
        JsonNode root;
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
        return new MappingFile(src, root).read();
    }

    private ImportMapping read() {
        String shape = text(root, "shape", "tickets");
        if (!shape.equals("tickets") && !shape.equals("event_log")) {
            throw err(src, "shape", "'" + shape + "' is not a shape; use tickets (one row per ticket) or event_log");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(root, "zone", "UTC"));
        } catch (java.time.DateTimeException e) {
            throw err(src, "zone", "not a time zone; use an IANA id such as Europe/Rome");
        }
        Set<String> missing = new LinkedHashSet<>(List.of(""));
        JsonNode m = root.get("missing");
        if (m != null) {
            m.forEach(v -> missing.add(v.asText().strip()));
        }
        String[] outcome = outcome();
        Set<String> breached = new LinkedHashSet<>();
        for (int i = 1; i < outcome.length; i++) {
            breached.add(outcome[i]);
        }
        ImportMapping mapping = new ImportMapping(src, shape.equals("event_log"), zone, missing, fields(), formats(),
                values(), activities(), outcome[0], breached, format(), changes(), attributes());
        MappingRules.check(mapping);
        return mapping;
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode f = root.get("fields");
        if (f == null || !f.isObject()) {
            throw err(src, "fields", "is required: a mapping of native field to source column");
        }
        f.properties().forEach(e -> {
            if (!ImportMapping.FIELDS.contains(e.getKey())) {
                throw err(src, "fields." + e.getKey(), "not a native field; use one of " + ImportMapping.FIELDS);
            }
            fields.put(e.getKey(), e.getValue().asText());
        });
        return fields;
    }

    private Map<String, List<DateTimeFormatter>> formats() {
        Map<String, List<DateTimeFormatter>> formats = new LinkedHashMap<>();
        JsonNode fm = root.get("formats");
        if (fm == null) {
            return formats;
        }
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
        return formats;
    }

    private Map<String, Map<String, String>> values() {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        JsonNode vm = root.get("values");
        if (vm != null) {
            vm.properties().forEach(e -> {
                Map<String, String> map = new LinkedHashMap<>();
                e.getValue().properties().forEach(v -> map.put(v.getKey().strip(), v.getValue().asText()));
                values.put(e.getKey(), map);
            });
        }
        return values;
    }

    private Map<String, String> activities() {
        Map<String, String> activities = new LinkedHashMap<>();
        JsonNode am = root.get("activities");
        if (am != null) {
            am.properties().forEach(e -> {
                String v = e.getValue().asText().strip().toLowerCase(Locale.ROOT);
                if (!v.equals("pause") && !v.equals("ignore")) {
                    try {
                        EventType.parse(v);
                    } catch (IllegalArgumentException ex) {
                        throw err(src, "activities." + e.getKey(), ex.getMessage() + ", pause or ignore");
                    }
                }
                activities.put(e.getKey().strip(), v);
            });
        }
        return activities;
    }

    /** @return the outcome column (or null) followed by the values that mean breached */
    private String[] outcome() {
        JsonNode oc = root.get("outcome");
        if (oc == null) {
            return new String[] {null};
        }
        String column = text(oc, "column", null);
        if (column == null) {
            throw err(src, "outcome.column", "is required");
        }
        JsonNode bw = oc.get("breached_when");
        if (bw == null) {
            throw err(src, "outcome.breached_when", "is required, e.g. [\"false\"] for a made_sla flag");
        }
        List<String> out = new ArrayList<>(List.of(column));
        (bw.isArray() ? bw : YAML.createArrayNode().add(bw)).forEach(v -> out.add(v.asText().strip().toLowerCase(Locale.ROOT)));
        return out.toArray(String[]::new);
    }

    private ExportFormat format() {
        Character delimiter = null;
        String d = text(root, "delimiter", null);
        if (d != null) {
            String raw = root.get("delimiter").asText();
            delimiter = raw.equals("\t") || d.equalsIgnoreCase("tab") ? '\t' : d.length() == 1 ? d.charAt(0) : null;
            if (delimiter == null || !ExportFormat.DELIMITERS.contains(delimiter)) {
                throw err(src, "delimiter", "'" + raw + "' is not a delimiter; use \",\", \";\", tab or \"|\", or "
                        + "leave it out to detect it from the header");
            }
        }
        String dec = text(root, "decimal", ".");
        if (!dec.equals(".") && !dec.equals(",")) {
            throw err(src, "decimal", "'" + dec + "' is not a decimal separator; use \".\" or \",\"");
        }
        return new ExportFormat(delimiter, dec.charAt(0), encoding(), text(root, "sheet", null));
    }

    private Charset encoding() {
        String e = text(root, "encoding", "UTF-8");
        List<String> names = List.of("UTF-8", "Windows-1252", "ISO-8859-1");
        try {
            Charset c = Charset.forName(e);
            if (ExportFormat.ENCODINGS.contains(c)) {
                return c;
            }
        } catch (IllegalArgumentException ignored) {
            // named below with the ones accepted
        }
        throw err(src, "encoding", "'" + e + "' is not an encoding slacast reads; use one of " + names
                + " (or convert the file to UTF-8)");
    }

    private Map<String, EventType> changes() {
        Map<String, EventType> changes = new LinkedHashMap<>();
        JsonNode c = root.get("changes");
        if (c == null) {
            return changes;
        }
        if (!c.isObject()) {
            throw err(src, "changes", "expected a mapping of native field to event, e.g. {team: reassigned}");
        }
        c.properties().forEach(e -> {
            String key = "changes." + e.getKey();
            EventType made = ImportMapping.CHANGE_EVENTS.get(e.getKey());
            if (made == null) {
                throw err(src, key, "a change of this field makes no event; use priority (priority_change), team or "
                        + "agent (reassigned), tier (tier_change) or reopen_count (reopened)");
            }
            if (!made.label().equals(e.getValue().asText().strip().toLowerCase(Locale.ROOT))) {
                throw err(src, key, "a change of " + e.getKey() + " is a " + made.label() + " event; write "
                        + e.getKey() + ": " + made.label());
            }
            changes.put(e.getKey(), made);
        });
        return changes;
    }

    private List<ImportMapping.AttributeColumn> attributes() {
        List<ImportMapping.AttributeColumn> out = new ArrayList<>();
        JsonNode a = root.get("attributes");
        if (a == null) {
            return out;
        }
        if (!a.isObject()) {
            throw err(src, "attributes", "expected a mapping of attribute name to {column, type, known_at}, e.g. "
                    + "{ci_type: {column: \"CI Type\", type: category}}");
        }
        if (a.size() > org.slacast.core.csv.TicketAttributes.MAX) {
            throw err(src, "attributes", a.size() + " attributes; at most " + org.slacast.core.csv.TicketAttributes.MAX);
        }
        a.properties().forEach(e -> out.add(attribute(e.getKey(), e.getValue())));
        return out;
    }

    private ImportMapping.AttributeColumn attribute(String name, JsonNode spec) {
        String key = "attributes." + name;
        if (!spec.isObject()) {
            throw err(src, key, "expected {column: SOURCE COLUMN, type: category or number, known_at: open or end}");
        }
        spec.fieldNames().forEachRemaining(k -> {
            if (!Set.of("column", "type", "known_at").contains(k)) {
                throw err(src, key + "." + k, "unknown key; use column, type and known_at");
            }
        });
        String column = text(spec, "column", null);
        if (column == null || column.isEmpty()) {
            throw err(src, key + ".column", "is required: the source column");
        }
        String type = text(spec, "type", "");
        if (!type.equals("category") && !type.equals("number")) {
            throw err(src, key + ".type", type.isEmpty() ? "is required: category or number"
                    : "'" + type + "' is not a type; use category or number");
        }
        String knownAt = text(spec, "known_at", "open");
        if (!knownAt.equals("open") && !knownAt.equals("end")) {
            throw err(src, key + ".known_at", "'" + knownAt + "' is not a moment; use open (known when the ticket is "
                    + "opened, the default) or end (only known when it ends: kept out of the features)");
        }
        if (ImportMapping.FIELDS.contains(name)) {
            throw err(src, key, "'" + name + "' is a native field; map it under fields, or give the attribute "
                    + "another name");
        }
        try {
            return new ImportMapping.AttributeColumn(new org.slacast.core.ticket.OpenAttribute(name,
                    type.equals("number"), knownAt.equals("end")), column);
        } catch (org.slacast.core.BadInputException e) {
            throw err(src, key, e.getMessage());
        }
    }

    private static String text(JsonNode node, String key, String dflt) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? dflt : v.asText().strip();
    }
}
