package org.slacast.core.ticket;

import org.slacast.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** What happened to a ticket at one instant. */
public enum EventType {
    /** The ticket was opened; starts every clock. */
    CREATED,
    /** A team or agent was given the ticket. */
    ASSIGNED,
    /** The first reply to the requester; stops the first-response clock and the current tier's OLA. */
    FIRST_RESPONSE,
    /** The status changed; the new status may pause the clock. */
    STATUS_CHANGE,
    /** The ticket moved to another support tier (escalation or de-escalation). */
    TIER_CHANGE,
    /** The ticket moved to another team or agent within a tier. */
    REASSIGNED,
    /** The priority changed; targets follow the new priority from the original start. */
    PRIORITY_CHANGE,
    /** A fix was delivered; stops the resolution clock. */
    RESOLVED,
    /** A resolved ticket was opened again. */
    REOPENED,
    /** The ticket was closed; stops the resolution clock if it was not resolved. */
    CLOSED;

    /**
     * Reads the snake-case label used in files ({@code first_response}).
     *
     * @param text the label
     * @return the type
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static EventType parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (EventType e : values()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        throw new BadInputException("unknown event type '" + text + "'; expected one of "
                + Arrays.stream(values()).map(EventType::label).toList());
    }

    /** @return the snake-case label used in files */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
