package org.slacast.serving;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;
import org.slacast.core.health.Cockpit;
import org.slacast.core.health.DeskHealth;
import org.slacast.core.health.HealthReading;
import org.slacast.core.health.LinkedTables;

/**
 * The desk's health and cockpit for the dashboard, read from the tickets the live desk holds as of the queue's
 * clock, and read again at most every {@code maxAge}: a refreshing browser, or many, costs one reading per period.
 */
final class HealthCache {
    private final LiveDesk desk;
    private final ScoringService scoring;
    private final QueueView queue;
    private final Cached<DeskHealth> health;
    private final Cached<Cockpit> cockpit;
    private final LinkedTables linked;

    /**
     * @param linked the tables linked to tickets, or null without a cockpit
     */
    HealthCache(LiveDesk desk, ScoringService scoring, QueueView queue, ZoneId zone, Duration maxAge,
                LinkedTables linked) {
        this.desk = desk;
        this.scoring = scoring;
        this.queue = queue;
        this.linked = linked;
        this.health = new Cached<>(maxAge, m -> HealthReading.of(desk.heldData(), scoring.policies(),
                m.bundle().manifest().schema().metric(), queue.clock(), zone));
        this.cockpit = new Cached<>(maxAge, m -> Cockpit.of(desk.heldData(), linked, scoring.policies(),
                queue.clock()));
    }

    /** @return the health, at most {@code maxAge} old; null before a model is active */
    DeskHealth get() {
        return health.get(scoring.active());
    }

    /** @return the cockpit, at most {@code maxAge} old; null without linked tables or an active model */
    Cockpit cockpit() {
        return linked == null ? null : cockpit.get(scoring.active());
    }

    /** One reading, kept for a while. */
    private static final class Cached<T> {
        private final Duration maxAge;
        private final Function<ActiveModel.Loaded, T> read;
        private T last;
        private long readAt;

        Cached(Duration maxAge, Function<ActiveModel.Loaded, T> read) {
            this.maxAge = maxAge;
            this.read = read;
        }

        synchronized T get(ActiveModel.Loaded m) {
            if (m == null) {
                return null;
            }
            if (last == null || System.nanoTime() - readAt > maxAge.toNanos()) {
                last = read.apply(m);
                readAt = System.nanoTime();
            }
            return last;
        }
    }
}
