package org.slacast.core.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BandClassifierTest {
    static final AtRiskThreshold.Lead TWO_DAYS = new AtRiskThreshold.Lead(Duration.ofDays(2));

    static RiskBand band(String status, String due, String completed, String asOf) {
        TaskItem t = new TaskItem("X", null, null, status, due == null ? null : TaskDate.parse(due, ZoneOffset.UTC),
                completed == null ? null : TaskDate.parse(completed, ZoneOffset.UTC), null);
        return BandClassifier.of(t, TaskDate.parse(asOf, ZoneOffset.UTC), TWO_DAYS);
    }

    @Test
    void dateOnlyItemsCompareWholeDays() {
        assertThat(band("open", "2026-03-11", null, "2026-03-09")).isEqualTo(RiskBand.AT_RISK);   // due in 2 days
        assertThat(band("open", "2026-03-12", null, "2026-03-09")).isEqualTo(RiskBand.ON_TRACK);  // due in 3 days
        assertThat(band("open", "2026-03-09", null, "2026-03-09")).isEqualTo(RiskBand.AT_RISK);   // due today
        assertThat(band("open", "2026-03-08", null, "2026-03-09")).isEqualTo(RiskBand.OVERDUE);
    }

    @Test
    void allFourDateFormatsAreRead() {
        assertThat(TaskDate.parse("2026/03/08", ZoneOffset.UTC).date()).hasToString("2026-03-08");
        assertThat(TaskDate.parse("08-03-2026", ZoneOffset.UTC).date()).hasToString("2026-03-08");
        assertThat(TaskDate.parse("03/08/2026", ZoneOffset.UTC).date()).hasToString("2026-03-08");
        assertThat(TaskDate.parse("2026-03-08T10:00Z", ZoneOffset.UTC).instant()).hasToString("2026-03-08T10:00:00Z");
        assertThatThrownBy(() -> TaskDate.parse("8 March", ZoneOffset.UTC)).hasMessageContaining("is not a date");
    }

    @Test
    void completionWinsOverStatusAndComparesWholeDays() {
        assertThat(band("open", "2026-03-08", "2026-03-08", "2026-03-20")).isEqualTo(RiskBand.COMPLETED_ON_TIME);
        assertThat(band("done", "2026-03-08", "2026-03-09T08:00Z", "2026-03-20")).isEqualTo(RiskBand.COMPLETED_LATE);
        assertThat(band("cancelled", "2026-03-08", "2026-03-07", "2026-03-20")).isEqualTo(RiskBand.COMPLETED_ON_TIME);
    }

    @Test
    void statusesPauseOrDeactivateAndMissingDueMeansNoTarget() {
        assertThat(band("on_hold", "2026-03-01", null, "2026-03-09")).isEqualTo(RiskBand.PAUSED);
        assertThat(band("cancelled", "2026-03-01", null, "2026-03-09")).isEqualTo(RiskBand.NOT_ACTIVE);
        assertThat(band("open", null, null, "2026-03-09")).isEqualTo(RiskBand.NO_TARGET);
        assertThatThrownBy(() -> band("frobbed", "2026-03-01", null, "2026-03-09"))
                .hasMessageContaining("status 'frobbed' is not known");
    }

    @Test
    void dateTimesUseTheLeadTime() {
        assertThat(band("open", "2026-03-09T12:00Z", null, "2026-03-07T12:00Z")).isEqualTo(RiskBand.AT_RISK);
        assertThat(band("open", "2026-03-09T12:01Z", null, "2026-03-07T12:00Z")).isEqualTo(RiskBand.ON_TRACK);
        assertThat(band("open", "2026-03-07T11:59Z", null, "2026-03-07T12:00Z")).isEqualTo(RiskBand.OVERDUE);
    }

    @Test
    void thresholdsParse() {
        assertThat(AtRiskThreshold.parse("25%")).isEqualTo(new AtRiskThreshold.FractionRemaining(0.25));
        assertThat(AtRiskThreshold.parse("4bh")).isEqualTo(new AtRiskThreshold.BusinessLead(Duration.ofHours(4)));
        assertThat(AtRiskThreshold.parse("2d")).isEqualTo(TWO_DAYS);
        assertThatThrownBy(() -> AtRiskThreshold.parse("soon")).hasMessageContaining("not an at-risk threshold");
    }
}
