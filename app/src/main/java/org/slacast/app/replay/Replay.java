package org.slacast.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slacast.core.ticket.Ticket;

/**
 * Sends a timeline to a server batch by batch and, after each batch, scores the tickets created in it at their
 * creation. With a speed, batch {@code k} is sent when {@code (first instant − start) / speed} has passed on the
 * wall clock; without one, as fast as the server takes them.
 */
public final class Replay {
    /** The wall-clock stretch one batch may cover when paced: later items wait for the next batch. */
    static final Duration PACE_TICK = Duration.ofMillis(250);
    /** Errors kept for the summary; the rest are only counted. */
    static final int KEPT_ERRORS = 10;

    /**
     * How to replay.
     *
     * @param maxItems most tickets and events in one request (the server's --max-batch bounds it)
     * @param speed    simulated seconds per wall-clock second, or 0 for as fast as possible
     * @param score    whether to score each ticket at its creation
     */
    public record Options(int maxItems, double speed, boolean score) {
        /** Checks the values. */
        public Options {
            if (maxItems < 1 || speed < 0 || Double.isNaN(speed)) {
                throw new IllegalArgumentException("maxItems >= 1 and speed >= 0");
            }
        }
    }

    /**
     * What a replay did.
     *
     * @param tickets    tickets created or updated
     * @param events     new events stored
     * @param duplicates events the server already held
     * @param rejected   items the server refused
     * @param errors     the first refusals' problems
     * @param scored     tickets scored at creation
     * @param took       wall-clock time
     */
    public record Summary(long tickets, long events, long duplicates, long rejected, List<String> errors, long scored,
                          Duration took) {
    }

    private Replay() {
    }

    /**
     * @param timeline what to send
     * @param client   the server
     * @param options  how
     * @param scores   receives each score at creation, in time order
     * @param progress receives the number of items sent so far
     * @return what was stored and scored
     */
    public static Summary run(ReplayTimeline timeline, DeskClient client, Options options, Consumer<JsonNode> scores,
                              LongConsumer progress) {
        long t0 = System.nanoTime();
        Instant start = timeline.start();
        Duration span = options.speed() > 0 ? Duration.ofNanos((long) (PACE_TICK.toNanos() * options.speed())) : null;
        Totals n = new Totals();
        for (ReplayTimeline.Batch b : timeline.batches(options.maxItems(), span)) {
            if (span != null) {
                pause(t0, Duration.between(start, b.first()), options.speed());
            }
            send(client, b, options.maxItems(), n);
            if (options.score()) {
                for (Ticket t : b.created()) {
                    scores.accept(client.score(t.id(), t.createdAt(), "replay-" + (++n.scored)));
                }
            }
            n.sent += b.size();
            progress.accept(n.sent);
        }
        return new Summary(n.tickets, n.events, n.duplicates, n.rejected, List.copyOf(n.errors), n.scored,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** What a replay has done so far. */
    private static final class Totals {
        long tickets;
        long events;
        long duplicates;
        long rejected;
        long scored;
        long sent;
        final List<String> errors = new ArrayList<>();
    }

    /** Posts a batch, in chunks when one instant alone holds more than a request may: tickets before events. */
    private static void send(DeskClient client, ReplayTimeline.Batch b, int max, Totals n) {
        List<Object> items = new ArrayList<>(b.tickets());
        items.addAll(b.events());
        for (int i = 0; i < items.size(); i += max) {
            List<Object> chunk = items.subList(i, Math.min(items.size(), i + max));
            DeskClient.Ingested r = client.ingest(
                    chunk.stream().filter(Ticket.class::isInstance).map(Ticket.class::cast).toList(),
                    chunk.stream().filter(org.slacast.core.ticket.TicketEvent.class::isInstance)
                            .map(org.slacast.core.ticket.TicketEvent.class::cast).toList());
            n.tickets += r.tickets();
            n.events += r.events();
            n.duplicates += r.duplicates();
            n.rejected += r.errors().size();
            for (String e : r.errors()) {
                if (n.errors.size() < KEPT_ERRORS) {
                    n.errors.add(e);
                }
            }
        }
    }

    private static void pause(long t0, Duration simulated, double speed) {
        long dueNanos = t0 + (long) (simulated.toNanos() / speed);
        long wait = (dueNanos - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
