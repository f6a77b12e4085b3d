package org.slacast.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slacast.core.cost.Decision;
import org.slacast.models.ModelBundle;

/**
 * The scores CSV that {@code score} and {@code replay} both write, so that a backtest of the live service and a
 * batch run can be compared column by column.
 */
final class ScoreCsv {
    /** The output columns. */
    static final List<String> COLUMNS = List.of("ticket_id", "scored_at", "breach_probability", "risk_band",
            "sla_band", "due_at", "expected_penalty", "expected_saving", "recommend_intervention", "decision",
            "top_reasons");

    private ScoreCsv() {
    }

    /** One row from an offline score. */
    static String[] row(String ticketId, java.time.Instant at, double p, String risk, String slaBand,
                        java.time.Instant dueAt, Decision d, List<ModelBundle.Reason> reasons) {
        String why = reasons.stream().map(r -> reason(r.feature(), r.value(), r.contribution()))
                .collect(Collectors.joining("; "));
        return new String[] {ticketId, at.toString(), String.format("%.4f", p), risk, slaBand,
            dueAt == null ? "" : dueAt.toString(), String.format("%.2f", p * d.penalty()),
            String.format("%.2f", d.saving()), String.valueOf(d.act()), d.reason(), why};
    }

    /** One row from the API's score response; the SLA band and due instant are those of the model's metric. */
    static String[] row(JsonNode s) {
        String metric = s.path("model").path("metric").asText();
        JsonNode clock = StreamSupport.stream(s.path("sla").path("metrics").spliterator(), false)
                .filter(m -> m.path("metric").asText().equals(metric)).findFirst()
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        JsonNode cost = s.path("cost");
        String why = StreamSupport.stream(s.path("reasons").spliterator(), false)
                .map(r -> reason(r.path("feature").asText(), r.path("value").asDouble(),
                        r.path("contribution").asDouble()))
                .collect(Collectors.joining("; "));
        return new String[] {s.path("ticket_id").asText(), s.path("scored_at").asText(),
            String.format("%.4f", s.path("breach_probability").asDouble()), s.path("risk_band").asText(),
            clock.path("band").asText(), clock.path("due_at").isTextual() ? clock.path("due_at").asText() : "",
            String.format("%.2f", cost.path("expected_penalty").asDouble()),
            String.format("%.2f", cost.path("expected_saving").asDouble()),
            String.valueOf(cost.path("recommend_intervention").asBoolean()), cost.path("decision").asText(), why};
    }

    private static String reason(String feature, double value, double contribution) {
        String v = value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.3g", value);
        return String.format("%s=%s (%+.3f)", feature, v, contribution);
    }
}
