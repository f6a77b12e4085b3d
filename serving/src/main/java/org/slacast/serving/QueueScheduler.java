package org.slacast.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.band.RiskBand;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.feature.Checkpoints;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the at-risk queue current: one thread re-scores an open ticket whenever news of it arrives, and otherwise
 * exactly when it passes a checkpoint the model was trained at or its SLA band changes, from a queue of those
 * instants. Nothing sweeps every ticket on a timer, so a band change is seen within one {@code tick}.
 *
 * <p>A ticket is scored at the latest of its creation, its last event, its last checkpoint and its last band
 * change up to the queue's clock: instants that follow from the desk alone, so every replica scores it alike.
 */
final class QueueScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueScheduler.class);
    /** Reasons per row: the queue says why, briefly. */
    private static final int REASONS = 3;
    /** The most instants one ticket is scored at in one look; past it only the latest counts. */
    private static final int MAX_STEPS = 64;

    private final LiveDesk desk;
    private final ScoringService scoring;
    private final AtRiskQueue queue;
    private final QueueClock clock;
    private final Duration tick;
    private final Duration horizon;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore news = new Semaphore(0);
    private final AtomicLong rescored = new AtomicLong();
    /** The next instant each ticket needs a look, and the same as a queue by instant; the thread's own. */
    private final Map<String, Instant> planned = new HashMap<>();
    private final PriorityQueue<Wake> wakeups = new PriorityQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private ActiveModel.Loaded model;

    private record Wake(Instant at, String ticketId) implements Comparable<Wake> {
        @Override
        public int compareTo(Wake o) {
            return at.compareTo(o.at);
        }
    }

    /**
     * @param desk    the live desk, whose puts mark tickets for re-scoring
     * @param scoring the scoring service
     * @param queue   the queue written
     * @param clock   the queue's clock
     * @param tick    the longest wait between two looks at the clock
     * @param horizon a ticket with no news for this long leaves the queue, as it leaves the desk's
     */
    QueueScheduler(LiveDesk desk, ScoringService scoring, AtRiskQueue queue, QueueClock clock, Duration tick,
                   Duration horizon) {
        this.desk = desk;
        this.scoring = scoring;
        this.queue = queue;
        this.clock = clock;
        this.tick = tick;
        this.horizon = horizon;
        desk.onPut(this::changed);
        thread = Thread.ofPlatform().name("queue-rescorer").daemon(true).unstarted(this::run);
    }

    /** Starts the thread: every ticket the desk holds is looked at first. */
    void start() {
        dirty.addAll(desk.heldIds());
        thread.start();
    }

    /** @param listener told of every row re-scored, on the scheduler's thread: alert rules */
    void listen(QueueListener listener) {
        listeners.add(listener);
    }

    /** @return tickets re-scored since start */
    long rescored() {
        return rescored.get();
    }

    private void changed(String ticketId) {
        dirty.add(ticketId);
        news.release();
    }

    private void run() {
        while (running) {
            try {
                round();
                news.tryAcquire(untilNextLook(), TimeUnit.MILLISECONDS);
                news.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("queue: re-scoring failed ({}); retrying", e.toString());
                sleepQuietly();
            }
        }
    }

    /**
     * How long to wait for news: until the earliest planned instant when it comes sooner than a tick, so that a
     * band change on the wall clock is seen as it happens rather than up to a tick later.
     */
    private long untilNextLook() {
        Wake next = wakeups.peek();
        if (next == null || !(clock instanceof QueueClock.Wall)) {
            return tick.toMillis();
        }
        long ms = java.time.Duration.between(clock.now(), next.at()).toMillis();
        return Math.max(1, Math.min(tick.toMillis(), ms + 1));
    }

    /** One look at the clock: every ticket with news, and every ticket whose next instant has come. */
    void round() {
        ActiveModel.Loaded m = scoring.active();
        if (m == null) {
            return;
        }
        if (m != model) {
            // Another model scores every ticket differently, and was trained at other checkpoints.
            model = m;
            dirty.addAll(desk.heldIds());
        }
        Instant now = clock.now();
        List<String> due = new ArrayList<>();
        for (String id : dirty) {
            dirty.remove(id);
            due.add(id);
        }
        while (!wakeups.isEmpty() && !wakeups.peek().at().isAfter(now)) {
            Wake w = wakeups.poll();
            if (w.at().equals(planned.get(w.ticketId()))) {
                planned.remove(w.ticketId());
                due.add(w.ticketId());
            }
        }
        for (String id : due) {
            try {
                rescore(id, m, now);
            } catch (RuntimeException e) {
                // One ticket's failure must not cost the others their look; it is tried again in a minute.
                LOG.warn("queue: cannot re-score {} ({}); trying again in a minute", id, e.toString());
                plan(id, now.plusSeconds(60));
            }
        }
        queue.clock(now);
        listeners.forEach(QueueListener::roundDone);
    }

    private void rescore(String id, ActiveModel.Loaded m, Instant now) {
        LiveDesk.Stored s = desk.held(id);
        if (s == null || desk.reported(id)) {
            leave(id);
            return;
        }
        Ticket t = s.ticket();
        if (t.createdAt().isAfter(now)) {
            plan(id, t.createdAt());
            return;
        }
        List<TicketEvent> known = s.events().stream().filter(e -> !e.at().isAfter(now)).toList();
        Instant lastNews = known.isEmpty() ? t.createdAt() : known.getLast().at();
        if (Duration.between(lastNews, now).compareTo(horizon) > 0) {
            leave(id);
            return;
        }
        SlaPolicy policy = scoring.policies().select(t);
        Metric metric = m.bundle().manifest().schema().metric();
        List<Instant> checkpoints = Checkpoints.of(t, policy, metric, m.bundle().manifest().checkpoints());
        Instant passed = BandChanges.lastPassed(checkpoints, now);
        Instant latest = passed != null && passed.isAfter(lastNews) ? passed : lastNews;
        Reading end = walk(new Ticketed(m, t, known, policy, metric), moments(id, t, known, checkpoints, latest, now,
                metric, policy), now);
        if (end == null) {
            leave(id);
            return;
        }
        queue.put(end.row());
        rescored.incrementAndGet();
        listeners.forEach(l -> l.rescored(end.row()));
        plan(id, earliest(end.change(), BandChanges.firstAfter(checkpoints, now), nextEvent(s.events(), now),
                lastNews.plus(horizon).plusMillis(1)));
    }

    /** What a ticket is scored with: the model, the ticket, its events up to the clock, its policy and metric. */
    private record Ticketed(ActiveModel.Loaded model, Ticket ticket, List<TicketEvent> known, SlaPolicy policy,
                            Metric metric) {
    }

    /**
     * A ticket scored at one instant.
     *
     * @param row    the queue row
     * @param status the model's metric's clock
     * @param change the next band change after it with no news, or null
     */
    private record Reading(QueueRow row, MetricStatus status, Instant change) {
    }

    private Reading read(Ticketed k, Instant at) {
        List<TicketEvent> then = !k.known().isEmpty() && k.known().getLast().at().isAfter(at)
                ? k.known().stream().filter(e -> !e.at().isAfter(at)).toList() : k.known();
        ScoringService.Score score = scoring.rescore(k.model(), k.ticket(), then, at, REASONS);
        MetricStatus status = score.sla().metric(k.metric()).orElse(null);
        return new Reading(row(score, status, k.policy(), at), status,
                status == null ? null : BandChanges.next(status, k.policy(), at));
    }

    /**
     * The instants to score a ticket at, in order: the latest of its last event and last checkpoint, and, when
     * rules listen, every event, checkpoint and band change since it was last scored (or since its creation, for a
     * ticket first seen open), so that a condition true only while nobody looked (a jump of the clock, a restart)
     * still fires.
     */
    private java.util.NavigableSet<Instant> moments(String id, Ticket t, List<TicketEvent> known,
                                                    List<Instant> checkpoints, Instant latest, Instant now,
                                                    Metric metric, SlaPolicy policy) {
        java.util.NavigableSet<Instant> todo = new java.util.TreeSet<>();
        todo.add(latest);
        if (listeners.isEmpty()) {
            return todo;
        }
        QueueRow prev = queue.row(id);
        Instant from = prev == null ? t.createdAt() : prev.scoredAt();
        if (prev == null) {
            todo.add(from);
        } else {
            MetricStatus was = prev.sla() == null ? null : prev.sla().metric(metric).orElse(null);
            Instant change = was == null ? null : BandChanges.next(was, policy, from);
            if (change != null && change.isBefore(latest)) {
                todo.add(change);
            }
        }
        known.stream().map(TicketEvent::at).filter(a -> a.isAfter(from) && a.isBefore(latest)).forEach(todo::add);
        checkpoints.stream().filter(a -> a.isAfter(from) && a.isBefore(latest)).forEach(todo::add);
        return todo;
    }

    /**
     * Scores a ticket at each instant in order, following band changes up to the clock, and tells the rules of
     * each reading but the last, which is the queue's.
     *
     * @return the last reading, or null when the ticket's metric is complete and it leaves the queue
     */
    private Reading walk(Ticketed k, java.util.NavigableSet<Instant> todo, Instant now) {
        // A ticket first seen is walked only when still open: a closed one's past raises nothing now.
        Reading end = read(k, todo.last());
        if (end.status() != null && end.status().completed()) {
            return null;
        }
        Reading r = null;
        for (int steps = 0; !todo.isEmpty(); steps++) {
            if (steps == MAX_STEPS) {
                Instant last = todo.last();
                todo.clear();
                todo.add(last);
            }
            Instant at = todo.pollFirst();
            r = todo.isEmpty() && at.equals(end.row().scoredAt()) && r == null ? end : read(k, at);
            if (r.change() != null && !r.change().isAfter(now)) {
                todo.add(r.change());
            }
            if (!todo.isEmpty()) {
                QueueRow passing = r.row();
                listeners.forEach(l -> l.rescored(passing));
            }
        }
        return r.status() != null && r.status().completed() ? null : r;
    }

    private static QueueRow row(ScoringService.Score s, MetricStatus status, SlaPolicy policy, Instant at) {
        RiskBand band = status == null ? RiskBand.NOT_ACTIVE : BandClassifier.of(status, policy.atRisk(), at);
        var d = ScoreJson.decision(s);
        Ticket t = s.ticket();
        return new QueueRow(t.id(), t.team(), t.system(), t.priority(), t.createdAt(), at, s.probability(), s.band(),
                band, status == null ? null : status.dueAt(), d.saving(), d.act(), d.reason(), s.reasons(), s.sla(),
                s.bundle().manifest().id());
    }

    private void leave(String id) {
        planned.remove(id);
        queue.remove(id);
    }

    private void plan(String id, Instant at) {
        if (at == null) {
            return;
        }
        planned.put(id, at);
        wakeups.add(new Wake(at, id));
        if (wakeups.size() > 4 * planned.size() + 1024) {
            // A plan replaced leaves its old wake behind; past a bound the queue is rebuilt from the plans.
            wakeups.clear();
            planned.forEach((k, v) -> wakeups.add(new Wake(v, k)));
        }
    }

    /** An event already sent but later than the clock (a wall clock a little behind the sender's). */
    private static Instant nextEvent(List<TicketEvent> events, Instant now) {
        for (TicketEvent e : events) {
            if (e.at().isAfter(now)) {
                return e.at();
            }
        }
        return null;
    }

    private static Instant earliest(Instant... instants) {
        Instant min = null;
        for (Instant i : instants) {
            if (i != null && (min == null || i.isBefore(min))) {
                min = i;
            }
        }
        return min;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(tick.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Workers.stop(thread, 2000);
    }
}
