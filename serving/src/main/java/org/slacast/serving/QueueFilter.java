package org.slacast.serving;

import org.slacast.core.ticket.Priority;

/**
 * Which rows of the at-risk queue to list. A null field matches every ticket.
 *
 * @param team     only this team
 * @param system   only this system
 * @param priority only this priority
 * @param band     only this band: an SLA band label (on_track, at_risk, overdue, paused, not_active, no_target)
 *                 or a model band (low, medium, high)
 * @param limit    at most this many rows, from 1
 */
public record QueueFilter(String team, String system, Priority priority, String band, int limit) {
    /** The default {@link #limit}. */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest {@link #limit}: a page of the queue, not the whole desk. */
    public static final int MAX_LIMIT = 1_000;

    /** @return every open ticket, the first {@link #DEFAULT_LIMIT} */
    public static QueueFilter all() {
        return new QueueFilter(null, null, null, null, DEFAULT_LIMIT);
    }

    /**
     * @param row a queue row
     * @return whether the row passes this filter
     */
    public boolean test(QueueRow row) {
        return (team == null || team.equals(row.team())) && (system == null || system.equals(row.system()))
                && (priority == null || priority == row.priority())
                && (band == null || band.equals(row.slaBand().label()) || band.equals(row.riskBand()));
    }
}
