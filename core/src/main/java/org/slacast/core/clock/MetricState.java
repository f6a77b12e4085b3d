package org.slacast.core.clock;

import java.util.Locale;

/** Where one metric's clock stands. */
public enum MetricState {
    /** Counting now. */
    RUNNING,
    /** Stopped by a pause status; resumes when the status changes. */
    PAUSED,
    /** Stopped because the ticket is in an inactive status (e.g. cancelled). */
    NOT_ACTIVE,
    /** Stopped for good: responded, resolved, or handed on. */
    COMPLETED,
    /** The metric has not started (the ticket never reached that tier). */
    NOT_STARTED;

    /** @return the snake-case label used in files and the API */
    public String label() {
        return label;
    }

    /** Made once: a label is written for every reading of every ticket. */
    private final String label = name().toLowerCase(Locale.ROOT);
}
