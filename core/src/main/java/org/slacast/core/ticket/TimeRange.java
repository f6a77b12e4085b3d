package org.slacast.core.ticket;

import java.time.Instant;

/**
 * The instants slacast accepts in tickets, events and clock readings: from 1900 to 2200. Far outside it the
 * millisecond arithmetic of the clock overflows, and nothing a service desk records lies there; a file row or a
 * flag past it is refused with this range named.
 */
public final class TimeRange {
    /** The earliest accepted instant. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** The latest accepted instant. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private TimeRange() {
    }

    /**
     * @param at an instant
     * @return whether it lies within the accepted range
     */
    public static boolean accepts(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** @return a phrase for messages: {@code between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z} */
    public static String phrase() {
        return "between " + EARLIEST + " and " + LATEST;
    }
}
