package org.slacast.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open tickets, each as last re-scored by the {@link QueueScheduler}. Readers select the first rows of an
 * order; the scheduler alone writes.
 */
final class AtRiskQueue implements QueueView {
    /** By expected saving, then by probability, both highest first, then by id, so that ties list alike. */
    static final Comparator<QueueRow> ORDER = Comparator.comparingDouble(QueueRow::expectedSaving).reversed()
            .thenComparing(Comparator.comparingDouble(QueueRow::probability).reversed())
            .thenComparing(QueueRow::ticketId);

    private final Map<String, QueueRow> rows = new ConcurrentHashMap<>();
    private volatile Instant clock = Instant.EPOCH;

    void put(QueueRow row) {
        rows.put(row.ticketId(), row);
    }

    /** @return the row the ticket had, or null */
    QueueRow remove(String ticketId) {
        return rows.remove(ticketId);
    }

    /** @return the ticket's row, or null when it is not open */
    QueueRow row(String ticketId) {
        return rows.get(ticketId);
    }

    void clock(Instant at) {
        clock = at;
    }

    @Override
    public List<QueueRow> rows(QueueFilter filter) {
        // The first rows of the order by a bounded heap: a page of the queue costs O(n log limit), not a sort.
        PriorityQueue<QueueRow> top = new PriorityQueue<>(filter.limit() + 1, ORDER.reversed());
        for (QueueRow r : rows.values()) {
            if (filter.test(r)) {
                top.add(r);
                if (top.size() > filter.limit()) {
                    top.poll();
                }
            }
        }
        List<QueueRow> out = new ArrayList<>(top);
        out.sort(ORDER);
        return out;
    }

    @Override
    public int open() {
        return rows.size();
    }

    @Override
    public Instant clock() {
        return clock;
    }
}
