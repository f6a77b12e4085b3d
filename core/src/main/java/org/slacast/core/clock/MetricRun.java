package org.slacast.core.clock;

import java.util.ArrayList;
import java.util.List;

/**
 * The running intervals of one metric (for an OLA, of one tier: each interval is a stint), as epoch-ms pairs.
 * Starting a running metric or stopping a stopped one changes nothing, so the first stop event wins.
 */
final class MetricRun {
    final List<long[]> intervals = new ArrayList<>(2);
    private long from;
    private boolean running;
    private long stoppedAt;
    private boolean stopped;

    void start(long t) {
        if (!running) {
            from = t;
            running = true;
        }
    }

    void stop(long t) {
        if (running) {
            intervals.add(new long[] {from, t});
            running = false;
            stoppedAt = t;
            stopped = true;
        }
    }

    /** Closes a running interval at the as-of instant; the metric stays open. */
    void finish(long asOf) {
        if (running) {
            intervals.add(new long[] {from, asOf});
        }
    }

    /** @return true if the clock still runs (or is paused) at the end of the replay */
    boolean open() {
        return running;
    }

    /** @return when it last stopped, or null while it runs or if it never stopped */
    Long completedAt() {
        return running || !stopped ? null : stoppedAt;
    }
}
