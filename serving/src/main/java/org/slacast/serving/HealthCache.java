package org.slacast.serving;

import java.time.Duration;
import java.time.ZoneId;
import org.slacast.core.health.DeskHealth;
import org.slacast.core.health.HealthReading;

/**
 * The desk's health for the dashboard, read from the tickets the live desk holds as of the queue's clock, and
 * read again at most every {@code maxAge}: a refreshing browser, or many, costs one reading per period.
 */
final class HealthCache {
    private final LiveDesk desk;
    private final ScoringService scoring;
    private final QueueView queue;
    private final ZoneId zone;
    private final Duration maxAge;
    private DeskHealth last;
    private long readAt;

    HealthCache(LiveDesk desk, ScoringService scoring, QueueView queue, ZoneId zone, Duration maxAge) {
        this.desk = desk;
        this.scoring = scoring;
        this.queue = queue;
        this.zone = zone;
        this.maxAge = maxAge;
    }

    /** @return the health, at most {@code maxAge} old; null before a model is active */
    synchronized DeskHealth get() {
        ActiveModel.Loaded m = scoring.active();
        if (m == null) {
            return null;
        }
        if (last == null || System.nanoTime() - readAt > maxAge.toNanos()) {
            last = HealthReading.of(desk.heldData(), scoring.policies(), m.bundle().manifest().schema().metric(),
                    queue.clock(), zone);
            readAt = System.nanoTime();
        }
        return last;
    }
}
