package org.slacast.serving;

import java.time.Instant;
import java.util.List;

/**
 * The at-risk queue as readers see it: the API's {@code GET /v1/queue} and the dashboard read the same rows.
 */
public interface QueueView {
    /**
     * @param filter which rows
     * @return open tickets by expected saving, then by breach probability, both highest first, then by id
     */
    List<QueueRow> rows(QueueFilter filter);

    /** @return how many tickets are open in the queue */
    int open();

    /**
     * @return the queue's clock: the instant it has re-scored up to. It is set after a round's rows, so a reader
     *         that shows rows beside it reads it first.
     */
    Instant clock();
}
