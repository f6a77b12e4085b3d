package org.slacast.serving.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slacast.core.BadInputException;
import org.slacast.models.ModelBundle;
import org.slacast.serving.QueueRow;

/**
 * How an alert's payload is written: the generic JSON document, or a JSON template whose {@code {{field}}}
 * placeholders, inside strings, take the alert's values, escaped for JSON ({@code {{field|mrkdwn}}} also escapes
 * Slack's {@code & < >}). The Slack template ships with slacast.
 */
public sealed interface AlertTemplate {
    /** The fields a template may name. */
    Set<String> FIELDS = Set.of("alert_id", "rule", "condition", "ticket_id", "team", "system", "priority",
            "created_at", "condition_at", "fired_at", "breach_probability", "breach_percent", "risk_band", "sla_band",
            "due_at", "expected_saving", "action", "decision", "reasons", "model");

    /**
     * @param a the alert
     * @return the payload, JSON
     */
    String render(Alert a);

    /**
     * @param text {@code generic}, {@code slack}, or a template file's path
     * @param where the setting, for messages
     * @return the template, checked by rendering a sample alert
     * @throws BadInputException naming the setting and what is wrong
     */
    static AlertTemplate parse(String text, String where) {
        return switch (text) {
            case "generic" -> new Generic();
            case "slack" -> Placeholders.of(resource("slack.json"), where + ": the Slack template");
            default -> Placeholders.of(file(text, where), where + ": " + text);
        };
    }

    private static String resource(String name) {
        try (InputStream in = AlertTemplate.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the jar lacks the alert template " + name, e);
        }
    }

    private static String file(String path, String where) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new BadInputException(where + ": cannot read the template " + path + "; use generic, slack, or a "
                    + "JSON template file");
        }
    }

    /**
     * The alert's values as text, by field name.
     *
     * @param a the alert
     * @return every field of {@link #FIELDS}
     */
    static Map<String, String> values(Alert a) {
        QueueRow r = a.row();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("alert_id", a.id());
        v.put("rule", a.rule().name());
        v.put("condition", a.rule().condition().toString());
        v.put("ticket_id", r.ticketId());
        v.put("team", r.team() == null ? "" : r.team());
        v.put("system", r.system() == null ? "" : r.system());
        v.put("priority", r.priority().label());
        v.put("created_at", r.createdAt().toString());
        v.put("condition_at", a.conditionAt().toString());
        v.put("fired_at", a.firedAt().toString());
        v.put("breach_probability", String.format(Locale.ROOT, "%.4f", r.probability()));
        v.put("breach_percent", String.format(Locale.ROOT, "%.0f%%", 100 * r.probability()));
        v.put("risk_band", r.riskBand());
        v.put("sla_band", r.slaBand().label());
        v.put("due_at", r.dueAt() == null ? "" : r.dueAt().toString());
        v.put("expected_saving", String.format(Locale.ROOT, "%.2f", r.expectedSaving()));
        v.put("action", r.action());
        v.put("decision", r.decision());
        v.put("reasons", r.reasons().stream().map(x -> String.format(Locale.ROOT, "%s=%.4g (%+.3f)", x.feature(),
                x.value(), x.contribution())).collect(Collectors.joining(", ")));
        v.put("model", r.model());
        return v;
    }

    /** The generic payload: every field, structured. */
    record Generic() implements AlertTemplate {
        private static final JsonFactory JSON = new JsonFactory();

        @Override
        public String render(Alert a) {
            QueueRow r = a.row();
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("alert_id", a.id());
                g.writeStringField("rule", a.rule().name());
                g.writeStringField("condition", a.rule().condition().toString());
                g.writeStringField("condition_at", a.conditionAt().toString());
                g.writeStringField("fired_at", a.firedAt().toString());
                g.writeObjectFieldStart("ticket");
                g.writeStringField("id", r.ticketId());
                g.writeStringField("team", r.team());
                g.writeStringField("system", r.system());
                g.writeStringField("priority", r.priority().label());
                g.writeStringField("created_at", r.createdAt().toString());
                g.writeEndObject();
                g.writeObjectFieldStart("score");
                g.writeNumberField("breach_probability", Math.round(r.probability() * 1e6) / 1e6);
                g.writeStringField("risk_band", r.riskBand());
                g.writeStringField("sla_band", r.slaBand().label());
                g.writeStringField("due_at", r.dueAt() == null ? null : r.dueAt().toString());
                g.writeNumberField("expected_saving", Math.round(r.expectedSaving() * 1e6) / 1e6);
                g.writeStringField("action", r.action());
                g.writeStringField("decision", r.decision());
                g.writeArrayFieldStart("reasons");
                for (ModelBundle.Reason why : r.reasons()) {
                    g.writeStartObject();
                    g.writeStringField("feature", why.feature());
                    g.writeNumberField("value", why.value());
                    g.writeNumberField("contribution", why.contribution());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("model", r.model());
                g.writeEndObject();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    /**
     * A JSON template with placeholders.
     *
     * @param text the template
     */
    record Placeholders(String text) implements AlertTemplate {
        private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*(\\|\\s*mrkdwn\\s*)?}}");

        /** Checks every placeholder and that a rendered alert is JSON. */
        static Placeholders of(String text, String where) {
            Matcher m = FIELD.matcher(text);
            while (m.find()) {
                if (!FIELDS.contains(m.group(1))) {
                    throw new BadInputException(where + ": unknown placeholder {{" + m.group(1) + "}}; use one of "
                            + FIELDS.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
            Placeholders t = new Placeholders(text);
            try {
                new ObjectMapper().readTree(t.render(AlertSamples.alert()));
            } catch (IOException e) {
                throw new BadInputException(where + ": a rendered alert is not JSON (" + e.getMessage().lines()
                        .findFirst().orElse("") + "); placeholders go inside JSON strings");
            }
            return t;
        }

        @Override
        public String render(Alert a) {
            Map<String, String> v = values(a);
            Matcher m = FIELD.matcher(text);
            StringBuilder out = new StringBuilder(text.length() + 256);
            while (m.find()) {
                String value = v.get(m.group(1));
                if (m.group(2) != null) {
                    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(new String(
                        JsonStringEncoder.getInstance().quoteAsString(value))));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
