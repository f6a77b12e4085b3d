package org.slacast.serving.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slacast.core.band.RiskBand;
import org.slacast.core.ticket.Priority;
import org.slacast.models.ModelBundle;
import org.slacast.serving.QueueRow;

/** A sample alert, with every character JSON and Slack treat specially, that a template is checked against. */
final class AlertSamples {
    private AlertSamples() {
    }

    static Alert alert() {
        Instant at = Instant.parse("2026-03-02T07:00:00Z");
        QueueRow row = new QueueRow("INC-1 \"<&>\"\\", "Network \"ops\"", "Core <Router>", Priority.HIGH,
                Instant.parse("2026-03-02T00:00:00Z"), at, 0.8123, "high", RiskBand.AT_RISK,
                Instant.parse("2026-03-02T08:00:00Z"), 61.23, true, "expected saving 61.23 = 0.8123 × 200 × 0.5 − 20: act",
                List.of(new ModelBundle.Reason("open_tickets_team", 14, 0.42)), null, "lr-sample");
        AlertRule rule = new AlertRule("sample", new AlertCondition.InBand(Set.of(RiskBand.AT_RISK)), Set.of(),
                Set.of(), Set.of(), List.of());
        return Alert.of(rule, row, at.plusSeconds(1));
    }
}
