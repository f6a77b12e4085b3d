package org.slacast.core.ticket;

import java.util.Comparator;

/**
 * The one order in which a ticket's events are applied: by time, and at the same instant by type, then by the
 * event's other fields. So the order of rows in a file, or of rows a query returns, never changes a reading.
 *
 * <p>At one instant the types go in this order (docs/native-format.md gives the same list):
 * <ol>
 *   <li>{@code created}: the ticket exists before anything happens to it;</li>
 *   <li>{@code priority_change}: no timing effect, only which target applies;</li>
 *   <li>{@code assigned}, {@code reassigned}: no effect on any clock;</li>
 *   <li>{@code status_change}: a pause that starts or ends at this instant is in force for what follows;</li>
 *   <li>{@code first_response}: a reply at the instant of a hand-off is the handing tier's reply, because the
 *       agent who escalates tells the requester, and a tier cannot reply in no time to a ticket it has just
 *       been given;</li>
 *   <li>{@code tier_change}: the hand-off;</li>
 *   <li>{@code resolved}, then {@code closed}: what happened before them at this instant still counts;</li>
 *   <li>{@code reopened}: last, so a ticket resolved and reopened at one instant ends open.</li>
 * </ol>
 * ({@code assigned} before {@code reassigned}.) Events of one type at one instant are ordered by status, priority, tier, team and agent (absent values
 * first); events equal in all of these are exact duplicates, which the clock drops.
 */
public final class EventOrder {
    /** By time, then type rank, then the other fields: a total order on distinct events of one ticket. */
    public static final Comparator<TicketEvent> ORDER = Comparator.comparing(TicketEvent::at)
            .thenComparingInt((TicketEvent e) -> rank(e.type()))
            .thenComparing(TicketEvent::type)
            .thenComparing(TicketEvent::status, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TicketEvent::priority, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TicketEvent::tier, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TicketEvent::team, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TicketEvent::agent, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TicketEvent::ticketId);

    private EventOrder() {
    }

    /**
     * @param type an event type
     * @return its place among events at the same instant, 0 first
     */
    public static int rank(EventType type) {
        return switch (type) {
            case CREATED -> 0;
            case PRIORITY_CHANGE -> 1;
            case ASSIGNED, REASSIGNED -> 2;
            case STATUS_CHANGE -> 3;
            case FIRST_RESPONSE -> 4;
            case TIER_CHANGE -> 5;
            case RESOLVED -> 6;
            case CLOSED -> 7;
            case REOPENED -> 8;
        };
    }
}
