/**
 * Tickets with their events, one ticket at a time, in the tickets' source order, without holding every event in
 * memory: {@link org.slacast.core.stream.TicketStream} reads and checks the rows once (the same checks and rejects
 * as {@link org.slacast.core.csv.TicketData}) and spills the accepted events to disk, distributed by their
 * ticket's position, so that any source order (time order, grouped by ticket, a query's order) reads back grouped.
 */
package org.slacast.core.stream;
