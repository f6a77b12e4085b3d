package org.slacast.serving.alert;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slacast.core.band.RiskBand;
import org.slacast.serving.QueueRow;

/** What makes a rule fire for a ticket as last re-scored. */
public sealed interface AlertCondition {
    /**
     * @param row the ticket's queue row
     * @return whether the condition holds
     */
    boolean test(QueueRow row);

    /**
     * The model's metric is in one of these SLA bands (at_risk, overdue, ...).
     *
     * @param bands the bands
     */
    record InBand(Set<RiskBand> bands) implements AlertCondition {
        /** Copies the bands. */
        public InBand {
            bands = Set.copyOf(bands);
        }

        @Override
        public boolean test(QueueRow row) {
            return bands.contains(row.slaBand());
        }

        @Override
        public String toString() {
            return "band in " + bands.stream().map(RiskBand::label).sorted().collect(Collectors.joining(", "));
        }
    }

    /**
     * The breach probability is at least this.
     *
     * @param threshold from 0 to 1
     */
    record ProbabilityAtLeast(double threshold) implements AlertCondition {
        @Override
        public boolean test(QueueRow row) {
            return row.probability() >= threshold;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "breach probability >= %.4g", threshold);
        }
    }

    /**
     * The expected saving of acting now exceeds this (0: acting pays).
     *
     * @param threshold the saving, in the cost model's currency
     */
    record SavingAbove(double threshold) implements AlertCondition {
        @Override
        public boolean test(QueueRow row) {
            return row.expectedSaving() > threshold;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "expected saving > %.4g", threshold);
        }
    }
}
