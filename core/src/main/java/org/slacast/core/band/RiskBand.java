package org.slacast.core.band;

import java.util.Locale;

/** The band an item with a due instant falls into as of some time. */
public enum RiskBand {
    ON_TRACK, AT_RISK, OVERDUE, COMPLETED_ON_TIME, COMPLETED_LATE, PAUSED, NOT_ACTIVE, NO_TARGET;

    /** @return the snake-case label used in files and the API */
    public String label() {
        return label;
    }

    /** Made once: a label is written for every reading of every ticket. */
    private final String label = name().toLowerCase(Locale.ROOT);
}
