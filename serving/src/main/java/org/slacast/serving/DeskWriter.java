package org.slacast.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the tickets that scoring requests carry to the desk store on one thread, in arrival order, many requests
 * to a write, so that a score never waits for the store. The queue is bounded: past it a ticket is not remembered
 * and the loss is counted, since refusing a score for the sake of the history would be the worse failure.
 */
final class DeskWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskWriter.class);
    /** Most requests gathered into one store write. */
    private static final int GATHER = 500;
    /** How long a stop waits for the queue to drain. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private record Pending(List<Ticket> tickets, List<TicketEvent> events) {
    }

    private final BlockingQueue<Pending> queue;
    private final BiConsumer<List<Ticket>, List<TicketEvent>> store;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param bound most pending requests
     * @param store writes tickets and events, and puts them in the desk again from what the store holds
     */
    DeskWriter(int bound, BiConsumer<List<Ticket>, List<TicketEvent>> store) {
        this.queue = new ArrayBlockingQueue<>(bound);
        this.store = store;
        this.thread = Thread.ofPlatform().name("desk-writer").daemon(true).start(this::run);
    }

    /** @return false when the queue is full and the tickets will not be stored */
    boolean offer(List<Ticket> tickets, List<TicketEvent> events) {
        if (queue.offer(new Pending(tickets, events))) {
            return true;
        }
        if (dropped.getAndIncrement() % 10_000 == 0) {
            LOG.warn("desk: {} scored requests wait to be stored; their tickets are not remembered (setting: "
                    + "--desk-max-pending)", queue.size());
        }
        return false;
    }

    /** @return requests waiting to be written */
    int pending() {
        return queue.size();
    }

    /** @return requests whose tickets were not remembered because the queue was full */
    long dropped() {
        return dropped.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(GATHER);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, GATHER - 1);
                List<Ticket> tickets = new ArrayList<>();
                List<TicketEvent> events = new ArrayList<>();
                batch.forEach(p -> {
                    tickets.addAll(p.tickets());
                    events.addAll(p.events());
                });
                store.accept(tickets, events);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("desk: cannot store {} scored requests' tickets ({}); they stay in memory only", batch.size(),
                        e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops taking requests and writes what is queued, for at most ten seconds. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warn("desk: {} scored requests were not stored before the stop", queue.size());
        }
    }
}
