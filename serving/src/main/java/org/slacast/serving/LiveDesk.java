package org.slacast.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.DeskEvents;
import org.slacast.core.feature.DeskState;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.store.DeskStore;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.TimeRange;
import org.slacast.serving.ServingConfig.DeskLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's desk: derived from the desk store, never from a query. At start it reads the tickets that matter to
 * the windows (30 days behind the store's latest instant, and every ticket still active then); each ticket written
 * since, by this server or another replica, is read back from the store and put again, so the desk at any instant
 * up to the latest event received equals the one training computes from the same data (see {@link DeskEvents}).
 */
final class LiveDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDesk.class);
    /**
     * How far behind the store's latest instant a ticket's last news may lie and still matter: the longest window
     * (30 days), the horizon a quiet ticket stays open, and a month for an outcome projected past its last event.
     */
    private static final Duration REACH = Duration.ofDays(31 + 31);

    private final DeskStore store;
    private final PolicySet policies;
    private final Metric metric;
    private final DeskLimits limits;
    private final DeskState desk;
    private final AtomicLong seen = new AtomicLong();
    /** The tickets the desk holds, as last read from the store: scoring by id reads them without a query. */
    private final Map<String, Stored> recent = new java.util.concurrent.ConcurrentHashMap<>();
    /** The order tickets entered {@link #recent}, so the oldest leave first past the bound; guarded by this. */
    private final java.util.Queue<String> entered = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Outcomes reported by POST /v1/outcomes, as last read from the store. */
    private final Map<String, Map.Entry<Boolean, Instant>> reported = new java.util.concurrent.ConcurrentHashMap<>();
    private final DeskWriter writer;
    private final Thread follower;
    /** The latest creation or event the desk holds, in epoch milliseconds: a replayed desk's clock. */
    private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
    /** Told of every ticket put, so that the queue re-scores it. */
    private volatile java.util.function.Consumer<String> onPut = id -> { };
    private volatile boolean running = true;

    /**
     * @param store    the desk store
     * @param policies the SLA policies
     * @param metric   the metric whose outcomes the breach rates count (the active model's target)
     * @param limits   the horizon, the bound on tickets, and how often to follow the store
     */
    LiveDesk(DeskStore store, PolicySet policies, Metric metric, DeskLimits limits) {
        this.store = store;
        this.policies = policies;
        this.metric = metric;
        this.limits = limits;
        this.desk = DeskState.live(limits.maxTickets());
        long seq = store.sequence();
        // Anchored at the latest arrival, the desk's clock: one ticket's late event must not narrow the window.
        Instant latest = store.latestCreation();
        if (latest != null) {
            TicketData recent = store.window(latest.minus(REACH.plus(limits.horizon())));
            reported.putAll(store.outcomes());
            for (Ticket t : recent.tickets()) {
                putProvisionally(t, recent.eventsOf(t.id()));
            }
            LOG.info("desk: {} tickets read from {} up to {}", recent.tickets().size(), store.name(), latest);
        }
        seen.set(seq);
        writer = new DeskWriter(limits.maxPending(), this::ingest);
        follower = Thread.ofPlatform().name("desk-follower").daemon(true).start(this::follow);
    }

    /** @return the desk */
    DeskState state() {
        return desk;
    }

    /** @return the store's sequence number up to which this desk has read what others wrote */
    long seen() {
        return seen.get();
    }

    /**
     * A stored ticket and its events, in order.
     *
     * @param ticket the ticket
     * @param events its events
     */
    record Stored(Ticket ticket, List<TicketEvent> events) {
    }

    /**
     * @param id a ticket id
     * @return the ticket and its events, from memory when the desk holds it, otherwise from the store; or null
     */
    Stored ticket(String id) {
        Stored s = recent.get(id);
        if (s != null) {
            return s;
        }
        TicketData d = store.ticket(id);
        if (d.tickets().isEmpty()) {
            return null;
        }
        // Read through: the next look-up needs no query. A reading put meanwhile by a refresh is newer: kept.
        Stored read = new Stored(d.tickets().getFirst(), List.copyOf(d.eventsOf(id)));
        Stored held = recent.putIfAbsent(id, read);
        if (held == null) {
            noteEntry(id);
        }
        return held == null ? read : held;
    }

    /** Notes a ticket's entry into {@link #recent}; past the bound the earliest entered leaves. */
    private void noteEntry(String id) {
        entered.add(id);
        while (recent.size() > limits.maxTickets()) {
            String eldest = entered.poll();
            if (eldest == null) {
                return;
            }
            recent.remove(eldest);
        }
    }

    /**
     * @param id a ticket id
     * @return the ticket and its events when the desk holds it in memory, without asking the store; or null
     */
    Stored held(String id) {
        return recent.get(id);
    }

    /** @return the tickets the desk holds in memory, with their events: what the dashboard's figures read */
    TicketData heldData() {
        List<Ticket> tickets = new ArrayList<>();
        Map<String, List<TicketEvent>> events = new java.util.HashMap<>();
        for (Stored s : recent.values()) {
            tickets.add(s.ticket());
            events.put(s.ticket().id(), s.events());
        }
        return new TicketData(tickets, events, List.of(), 0);
    }

    /** @return the ids of the tickets the desk holds in memory */
    List<String> heldIds() {
        return List.copyOf(recent.keySet());
    }

    /** @param id a ticket id; @return whether an outcome was reported for it */
    boolean reported(String id) {
        return reported.containsKey(id);
    }

    /** @return the latest creation or event the desk holds, or null when it holds none */
    Instant latest() {
        long at = latest.get();
        return at == Long.MIN_VALUE ? null : Instant.ofEpochMilli(at);
    }

    /** @param listener told of the id of every ticket put from now on */
    void onPut(java.util.function.Consumer<String> listener) {
        onPut = listener;
    }

    /** @return the store */
    DeskStore store() {
        return store;
    }

    /**
     * Stores tickets and events and puts every ticket they touch again, from its stored events.
     *
     * @param tickets new or changed tickets
     * @param events  new events, of these tickets or of stored ones
     * @return how many events were new (the rest were stored before)
     */
    synchronized int ingest(Collection<Ticket> tickets, Collection<TicketEvent> events) {
        long before = store.sequence();
        store.putTickets(tickets);
        int added = store.putEvents(events);
        refreshAfter(before);
        return added;
    }

    /**
     * Reads back every ticket touched after a sequence number, in a few queries, and puts it again. Holding this
     * desk's lock from the read to the put, a slower reader never puts an older reading over a newer one.
     */
    private synchronized void refreshAfter(long seq) {
        DeskStore.Touched touched = store.touchedAfter(seq);
        reported.putAll(touched.outcomes());
        for (Ticket t : touched.data().tickets()) {
            putProvisionally(t, touched.data().eventsOf(t.id()));
        }
    }

    /**
     * A scored ticket is news of the desk: it goes into the desk at once, with the events the desk holds and
     * those sent, and into the store soon after, by the writer, whose read-back then settles the desk.
     *
     * @param tickets tickets scored, each with its events in {@code events}
     * @param events  their events
     * @return false when the writer's queue is full and the tickets will not be stored
     */
    boolean remember(List<Ticket> tickets, List<TicketEvent> events) {
        Map<String, List<TicketEvent>> sent = new java.util.HashMap<>();
        events.forEach(e -> sent.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e));
        List<Ticket> news = new ArrayList<>();
        List<TicketEvent> newsEvents = new ArrayList<>();
        for (Ticket t : tickets) {
            Stored held = recent.get(t.id());
            List<TicketEvent> mine = sent.getOrDefault(t.id(), List.of());
            if (held != null && held.ticket().equals(t) && held.events().equals(mine) && inUnionOrder(mine)) {
                continue; // the commonest case, a ticket scored again as sent before: the union would be the same
            }
            List<TicketEvent> all = held == null ? mine : union(held.events(), mine);
            // A ticket scored again as the desk already holds it is no news: no put, no write.
            if (held == null || !held.ticket().equals(t) || !held.events().equals(all)) {
                putProvisionally(t, all);
                news.add(t);
                newsEvents.addAll(mine);
            }
        }
        return news.isEmpty() || writer.offer(news, newsEvents);
    }

    /** The events held, then those sent that are new, in time order (held first at equal instants, as stored). */
    static List<TicketEvent> union(List<TicketEvent> held, List<TicketEvent> sent) {
        LinkedHashSet<TicketEvent> all = new LinkedHashSet<>(held);
        all.addAll(sent);
        List<TicketEvent> out = new ArrayList<>(all);
        out.sort(java.util.Comparator.comparing(TicketEvent::at));
        return out;
    }

    /** Events at one instant compared pairwise by {@link #inUnionOrder}; a longer run is left to the union. */
    static final int SAME_INSTANT_RUN = 16;

    /**
     * Whether {@link #union} of these events with themselves is certainly the same list: in time order, none
     * repeated. False, and so left to the union, for a run of over {@link #SAME_INSTANT_RUN} events at one instant,
     * whose pairs would cost a client's thousand events half a million comparisons.
     */
    static boolean inUnionOrder(List<TicketEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            int c = events.get(i - 1).at().compareTo(events.get(i).at());
            if (c > 0) {
                return false;
            }
            for (int j = i - 1; c == 0 && j >= 0 && events.get(j).at().equals(events.get(i).at()); j--) {
                if (i - j > SAME_INSTANT_RUN || events.get(j).equals(events.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return scored requests waiting to be stored */
    int pendingWrites() {
        return writer.pending();
    }

    /** @return scored requests not remembered because the writer's queue was full */
    long unremembered() {
        return writer.dropped();
    }

    /** Records an outcome reported from outside, and reads it back as ingestion does. */
    synchronized void outcome(String ticketId, boolean breached, Instant at) {
        long before = store.sequence();
        store.putOutcome(ticketId, breached, at);
        refreshAfter(before);
    }

    /** Puts a ticket from what is known here, without asking the store. */
    private void putProvisionally(Ticket t, List<TicketEvent> events) {
        if (recent.put(t.id(), new Stored(t, List.copyOf(events))) == null) {
            noteEntry(t.id());
        }
        DeskEvents e = DeskEvents.of(t, events, policies.select(t), metric, limits.horizon());
        Map.Entry<Boolean, Instant> known = reported.get(t.id());
        desk.put(known == null ? e : e.withOutcome(known.getValue().toEpochMilli(), known.getKey()));
        long last = events.isEmpty() ? t.createdAt().toEpochMilli()
                : Math.max(t.createdAt().toEpochMilli(), events.getLast().at().toEpochMilli());
        // Only what the desk remembers moves its clock, never a client's far-future event.
        if (last <= System.currentTimeMillis() + ScoringService.FUTURE_SKEW.toMillis()) {
            latest.accumulateAndGet(last, Math::max);
        }
        onPut.accept(t.id());
    }

    /** Follows what other replicas write: every poll interval, the tickets written since the last one seen. */
    private void follow() {
        while (running) {
            try {
                Thread.sleep(limits.poll().toMillis());
                long now = store.sequence();
                long before = seen.get();
                if (now > before) {
                    refreshAfter(before);
                    seen.set(now);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("desk: cannot follow the store {} ({}); retrying", store.name(), e.getMessage());
            }
        }
    }

    /** @return whether a ticket created at this instant is plausible now (not more than 5 minutes ahead) */
    static boolean current(Instant createdAt) {
        return !createdAt.isAfter(Instant.now().plus(ScoringService.FUTURE_SKEW)) && TimeRange.accepts(createdAt);
    }

    @Override
    public void close() {
        writer.close();
        running = false;
        Workers.stop(follower, 2000);
        store.close();
    }
}
