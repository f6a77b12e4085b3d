package org.slacast.core.band;

import java.time.Duration;
import java.time.Instant;
import org.slacast.core.clock.MetricStatus;

/**
 * Puts an item into a {@link RiskBand}. The checks run in a fixed order, so each item lands in exactly one
 * band: no target; completed (on time or late, whatever the status says); not active; paused; overdue; at risk;
 * on track.
 */
public final class BandClassifier {
    private BandClassifier() {
    }

    /**
     * The band of one SLA metric.
     *
     * @param status    the metric as read by the SLA clock
     * @param threshold when an open metric is at risk
     * @param asOf      the instant the metric was read at
     * @return the band
     */
    public static RiskBand of(MetricStatus status, AtRiskThreshold threshold, Instant asOf) {
        if (status.target() == null) {
            return RiskBand.NO_TARGET;
        }
        if (status.completed()) {
            return status.breached() ? RiskBand.COMPLETED_LATE : RiskBand.COMPLETED_ON_TIME;
        }
        switch (status.state()) {
            case NOT_ACTIVE -> {
                return RiskBand.NOT_ACTIVE;
            }
            case PAUSED -> {
                return RiskBand.PAUSED;
            }
            default -> {
                // open: judged on time left
            }
        }
        if (status.breached() || !status.remaining().isPositive()) {
            return RiskBand.OVERDUE;
        }
        boolean atRisk = switch (threshold) {
            case AtRiskThreshold.Lead l -> !Duration.between(asOf, status.dueAt()).minus(l.lead()).isPositive();
            case AtRiskThreshold.BusinessLead b -> status.remaining().compareTo(b.lead()) <= 0;
            case AtRiskThreshold.FractionRemaining f ->
                    status.remaining().toMillis() <= f.fraction() * status.target().toMillis();
        };
        return atRisk ? RiskBand.AT_RISK : RiskBand.ON_TRACK;
    }

    /**
     * The band of one checkpoint or task with an explicit due date.
     *
     * @param task      the task
     * @param asOf      the as-of date or instant
     * @param threshold a wall-clock lead time; with date-only values it counts whole days
     * @return the band
     */
    public static RiskBand of(TaskItem task, TaskDate asOf, AtRiskThreshold.Lead threshold) {
        if (task.due() == null) {
            return RiskBand.NO_TARGET;
        }
        if (task.completed() != null) {
            return task.completed().isAfter(task.due()) ? RiskBand.COMPLETED_LATE : RiskBand.COMPLETED_ON_TIME;
        }
        switch (task.state()) {
            case NOT_ACTIVE -> {
                return RiskBand.NOT_ACTIVE;
            }
            case PAUSED -> {
                return RiskBand.PAUSED;
            }
            default -> {
                // open: judged on time left
            }
        }
        if (task.due().isDateOnly() || asOf.isDateOnly()) {
            long days = asOf.date().until(task.due().date(), java.time.temporal.ChronoUnit.DAYS);
            if (days < 0) {
                return RiskBand.OVERDUE;
            }
            return days <= threshold.lead().toDays() ? RiskBand.AT_RISK : RiskBand.ON_TRACK;
        }
        Duration left = Duration.between(asOf.instant(), task.due().instant());
        if (left.isNegative()) {
            return RiskBand.OVERDUE;
        }
        return left.compareTo(threshold.lead()) <= 0 ? RiskBand.AT_RISK : RiskBand.ON_TRACK;
    }
}
