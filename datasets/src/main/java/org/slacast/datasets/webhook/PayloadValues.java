package org.slacast.datasets.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.slacast.core.csv.RowException;
import org.slacast.datasets.importer.ImportMapping;

/**
 * Reads a mapped field's value from a payload as the importer reads a column: the {@code missing} tokens mean
 * none, {@code values} translates it, {@code formats} parse its time. Text loses control characters and is cut to
 * a bound, because a sending tool cannot be asked to shorten it.
 */
final class PayloadValues {
    private final ImportMapping mapping;
    private final Map<String, PayloadPath> paths;
    private final int maxText;

    PayloadValues(ImportMapping mapping, Map<String, PayloadPath> paths, int maxText) {
        this.mapping = mapping;
        this.paths = paths;
        this.maxText = maxText;
    }

    String text(JsonNode payload, String field) {
        return text(payload, field, JiraWebhook.MAX_ID_CHARS);
    }

    String longText(JsonNode payload, String field) {
        return text(payload, field, maxText);
    }

    String text(JsonNode payload, String field, int max) {
        String raw = raw(payload, field);
        if (raw == null) {
            return null;
        }
        Map<String, String> map = mapping.values().get(field);
        return clean(map != null && map.containsKey(raw) ? map.get(raw) : raw, max);
    }

    <T> T level(JsonNode payload, String field, Function<String, T> parser) {
        return RowException.parsing(mapping.fields().get(field), text(payload, field), parser,
                "; add it under values." + field + " in " + mapping.source());
    }

    /** A time: a JSON number is epoch milliseconds (Jira's timestamp); text is read with the field's formats. */
    Instant time(JsonNode payload, String field, boolean required) {
        String path = mapping.fields().get(field);
        JsonNode n = paths.containsKey(field) ? paths.get(field).in(payload) : com.fasterxml.jackson.databind.node
                .MissingNode.getInstance();
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return bounded(Instant.ofEpochMilli(n.asLong()), path);
        }
        String v = text(payload, field);
        if (v == null) {
            if (required) {
                throw new RowException(path, "is missing; a time is required");
            }
            return null;
        }
        Instant at = mapping.time(field, v);
        if (at != null) {
            return bounded(at, path);
        }
        throw new RowException(path, "'" + clean(v, 64) + "' matches none of the formats given under formats."
                + field + " in " + mapping.source());
    }

    private static Instant bounded(Instant at, String path) {
        if (!org.slacast.core.ticket.TimeRange.accepts(at)) {
            throw new RowException(path, at + " is not " + org.slacast.core.ticket.TimeRange.phrase());
        }
        return at;
    }

    private String raw(JsonNode payload, String field) {
        PayloadPath path = paths.get(field);
        if (path == null) {
            return null;
        }
        JsonNode n = path.in(payload);
        if (n.isMissingNode()) {
            return null;
        }
        if (n.isContainerNode()) {
            throw new RowException(path.text(), "is " + (n.isArray() ? "an array" : "an object") + "; point "
                    + "fields." + field + " in " + mapping.source() + " at a value inside it, e.g. " + path.text()
                    + (n.isArray() ? ".0.name" : ".name"));
        }
        String v = n.asText().strip();
        return mapping.missing().contains(v) ? null : v;
    }

    /** @return the text without control characters (newlines and tabs become spaces), cut to {@code max} */
    static String clean(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                b.append(' ');
            } else if (!Character.isISOControl(c)) {
                b.append(c);
            }
        }
        String out = b.toString().strip();
        return out.isEmpty() ? null : out;
    }
}
