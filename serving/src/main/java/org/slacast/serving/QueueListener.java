package org.slacast.serving;

/** Told of every row the at-risk queue re-scores, on the re-scorer's thread: the alert rules. */
public interface QueueListener {
    /** @param row a ticket just re-scored, at one instant it passed */
    void rescored(QueueRow row);

    /** The re-scorer finished one look at the clock: work gathered over its rows can be done together. */
    default void roundDone() {
    }
}
