package org.slacast.core.feature;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slacast.core.ticket.Ticket;

/**
 * What the desk knows at an instant about the past: recent arrivals by requester, system and team, open tickets,
 * and breach rates over outcomes already known. It is built from each ticket's {@link DeskEvents}, whose instants
 * are causal, and answers for any instant by counting what lies before it: training puts every ticket of a data
 * set and asks at each checkpoint, a server puts each ticket again whenever news of it arrives and asks now, and
 * both get the same answer at every instant up to the latest event received. A query changes nothing.
 *
 * <p>At one instant, a ticket's own arrival is not part of the history asked at that instant (arrivals count
 * strictly before it), while outcomes and departures at that instant are (they count up to and including it).
 *
 * <p>Memory is bounded: long keys are kept as digests ({@link #key}), tickets wholly older than the longest
 * window behind the desk's clock are dropped, and at most {@code maxTickets} are held, the oldest going first.
 *
 * <p>Thread-safe: queries share a read lock and run in parallel; only a put, which changes a few sorted arrays in
 * memory, takes it exclusively.
 */
public final class DeskState {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long WINDOW = 30 * DAY;
    /** Pseudo-count pulling a small team's breach rate toward the desk's (additive smoothing). */
    private static final double PRIOR = 5;
    /** Longest key kept as it is. */
    static final int KEY_CHARS = 64;

    private final Map<String, DeskEvents> tickets = new LinkedHashMap<>();
    private final Keyed byRequester = new Keyed();
    private final Keyed bySystem = new Keyed();
    private final Keyed byTeam = new Keyed();
    private final Times deskArrivals = new Times();
    private final Keyed enteredByTeam = new Keyed();
    private final Keyed enteredBySystem = new Keyed();
    private final Times deskEntered = new Times();
    private final Keyed leftByTeam = new Keyed();
    private final Keyed leftBySystem = new Keyed();
    private final Times deskLeft = new Times();
    private final Keyed outcomesByTeam = new Keyed();
    private final Keyed outcomesBySystem = new Keyed();
    private final Times deskOutcomes = new Times();
    private final Keyed breachesByTeam = new Keyed();
    private final Keyed breachesBySystem = new Keyed();
    private final Times deskBreaches = new Times();
    private final int maxTickets;
    private final boolean trims;
    private long clock = Long.MIN_VALUE;
    private long trimmedAt = Long.MIN_VALUE;
    private long dropped;
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** Creates an empty desk that keeps every ticket put, for training: it is asked at any instant of the data. */
    public DeskState() {
        this.maxTickets = Integer.MAX_VALUE;
        this.trims = false;
    }

    private DeskState(int maxTickets) {
        this.maxTickets = maxTickets;
        this.trims = true;
    }

    /**
     * @param maxTickets most tickets held; past it the oldest is dropped
     * @return a desk for a live server: asked near its clock, it drops what lies wholly behind the longest window
     */
    public static DeskState live(int maxTickets) {
        return new DeskState(maxTickets);
    }

    /**
     * Puts a ticket's contribution, replacing what was put for it before.
     *
     * @param e the ticket's desk events
     */
    public void put(DeskEvents e) {
        lock.writeLock().lock();
        try {
            DeskEvents old = tickets.remove(e.ticket().id());
            if (old != null) {
                apply(old, -1);
            }
            tickets.put(e.ticket().id(), e);
            apply(e, +1);
            if (e.enter() > clock) {
                clock = e.enter();
                if (trims && (trimmedAt == Long.MIN_VALUE || clock - trimmedAt > DAY)) {
                    trim(clock - WINDOW - DAY);
                    trimmedAt = clock;
                }
            }
            while (tickets.size() > maxTickets) {
                remove(tickets.keySet().iterator().next());
                dropped++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * @param ticketId a ticket
     * @return what was put for it, or null
     */
    public DeskEvents get(String ticketId) {
        lock.readLock().lock();
        try {
            return tickets.get(ticketId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Records an outcome reported from outside (a system that knows outcomes only), for a ticket already put.
     *
     * @param ticketId the ticket
     * @param breached whether it breached
     * @param at       when it became known
     * @return the ticket's events before the outcome, or null when the desk does not know the ticket
     */
    public DeskEvents outcome(String ticketId, boolean breached, Instant at) {
        lock.writeLock().lock();
        try {
            DeskEvents e = tickets.get(ticketId);
            if (e != null) {
                put(e.withOutcome(at.toEpochMilli(), breached));
            }
            return e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void remove(String ticketId) {
        DeskEvents old = tickets.remove(ticketId);
        if (old != null) {
            apply(old, -1);
        }
    }

    /** Drops the tickets every instant of which lies before {@code before}: no query in the window can count them. */
    private void trim(long before) {
        for (Iterator<DeskEvents> it = tickets.values().iterator(); it.hasNext(); ) {
            DeskEvents e = it.next();
            if (e.enter() < before && e.leave() < before && (e.known() == DeskEvents.NEVER || e.known() < before)) {
                apply(e, -1);
                it.remove();
            }
        }
    }

    private void apply(DeskEvents e, int sign) {
        Ticket t = e.ticket();
        String team = key(t.team());
        String system = key(t.system());
        byRequester.change(key(t.requester()), e.enter(), sign);
        bySystem.change(system, e.enter(), sign);
        byTeam.change(team, e.enter(), sign);
        deskArrivals.change(e.enter(), sign);
        if (e.waited()) {
            enteredByTeam.change(team, e.enter(), sign);
            enteredBySystem.change(system, e.enter(), sign);
            deskEntered.change(e.enter(), sign);
            leftByTeam.change(team, e.leave(), sign);
            leftBySystem.change(system, e.leave(), sign);
            deskLeft.change(e.leave(), sign);
        }
        if (e.known() != DeskEvents.NEVER) {
            outcomesByTeam.change(team, e.known(), sign);
            outcomesBySystem.change(system, e.known(), sign);
            deskOutcomes.change(e.known(), sign);
            if (e.breached()) {
                breachesByTeam.change(team, e.known(), sign);
                breachesBySystem.change(system, e.known(), sign);
                deskBreaches.change(e.known(), sign);
            }
        }
    }

    /**
     * What the desk knew about a ticket's context at an instant.
     *
     * @param t  the ticket
     * @param at the instant
     * @return counts, open tickets and smoothed breach rates
     */
    public History history(Ticket t, Instant at) {
        lock.readLock().lock();
        try {
            long ms = at.toEpochMilli();
            String requester = key(t.requester());
            String team = key(t.team());
            String system = key(t.system());
            double desk = rate(deskOutcomes, deskBreaches, ms, 0, 0);
            return new History(byRequester.arrivals(requester, ms, 7 * DAY), byRequester.arrivals(requester, ms, WINDOW),
                    bySystem.arrivals(system, ms, 7 * DAY), bySystem.arrivals(system, ms, WINDOW),
                    byTeam.arrivals(team, ms, 7 * DAY), byTeam.arrivals(team, ms, WINDOW),
                    rate(outcomesByTeam.get(team), breachesByTeam.get(team), ms, desk, PRIOR),
                    rate(outcomesBySystem.get(system), breachesBySystem.get(system), ms, desk, PRIOR), desk,
                    open(deskEntered, deskLeft, ms), open(enteredByTeam.get(team), leftByTeam.get(team), ms),
                    open(enteredBySystem.get(system), leftBySystem.get(system), ms),
                    deskArrivals.before(ms) - deskArrivals.upTo(ms - HOUR), bySystem.arrivals(system, ms, HOUR));
        } finally {
            lock.readLock().unlock();
        }
    }

    private static int open(Times entered, Times left, long at) {
        return (entered == null ? 0 : entered.before(at)) - (left == null ? 0 : left.upTo(at));
    }

    private static double rate(Times outcomes, Times breaches, long at, double prior, double weight) {
        if (outcomes == null) {
            return prior;
        }
        int n = outcomes.upTo(at) - outcomes.upTo(at - WINDOW);
        int b = breaches == null ? 0 : breaches.upTo(at) - breaches.upTo(at - WINDOW);
        return n + weight == 0 ? 0 : (b + weight * prior) / (n + weight);
    }

    /** @return how many tickets are open at the desk's clock (the latest arrival) */
    public int openTickets() {
        lock.readLock().lock();
        try {
            return clock == Long.MIN_VALUE ? 0 : deskEntered.upTo(clock) - deskLeft.upTo(clock);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return tickets held */
    public int size() {
        lock.readLock().lock();
        try {
            return tickets.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return tickets that left the open queue for want of news, among those held, plus those dropped by the bound */
    public long expiredTickets() {
        lock.readLock().lock();
        try {
            long lapsed = 0;
            for (DeskEvents e : tickets.values()) {
                if (e.lapsed() && e.leave() <= clock) {
                    lapsed++;
                }
            }
            return lapsed + dropped;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The key a value is counted under: itself when short, otherwise its first characters and a 64-bit digest
     * of the whole, so that a client's long strings cannot grow the desk's memory.
     *
     * @param value a requester, system or team, or null
     * @return its key
     */
    public static String key(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= KEY_CHARS) {
            return value;
        }
        long h = 1125899906842597L;
        for (int i = 0; i < value.length(); i++) {
            h = 31 * h + value.charAt(i);
        }
        long h2 = value.hashCode() * 0x9E3779B97F4A7C15L ^ value.length();
        return value.substring(0, 24) + '#' + Long.toHexString(h) + Long.toHexString(h2);
    }

    /**
     * The history features of one ticket at one instant.
     *
     * @param requester7d      the requester's earlier tickets in the last 7 days
     * @param requester30d     ... in the last 30 days
     * @param system7d         the system's tickets in the last 7 days
     * @param system30d        ... in the last 30 days
     * @param team7d           the team's tickets in the last 7 days
     * @param team30d          ... in the last 30 days
     * @param teamBreachRate   the team's breach rate over outcomes known in the last 30 days, smoothed
     * @param systemBreachRate the same for the system
     * @param deskBreachRate   the same for the whole desk
     * @param deskOpen         open tickets at the desk
     * @param teamOpen         open tickets of the team
     * @param systemOpen       open tickets about the system
     * @param deskArrivals1h   arrivals in the last hour
     * @param systemArrivals1h arrivals about the system in the last hour (outage storms)
     */
    public record History(double requester7d, double requester30d, double system7d, double system30d, double team7d,
                          double team30d, double teamBreachRate, double systemBreachRate, double deskBreachRate,
                          double deskOpen, double teamOpen, double systemOpen, double deskArrivals1h,
                          double systemArrivals1h) {
    }

    /** Sorted instants per key; a key whose instants are all removed is forgotten. */
    private static final class Keyed {
        private final Map<String, Times> map = new HashMap<>();

        void change(String key, long at, int sign) {
            if (sign > 0) {
                map.computeIfAbsent(key, k -> new Times()).add(at);
            } else {
                Times t = map.get(key);
                if (t != null && t.remove(at) && t.isEmpty()) {
                    map.remove(key);
                }
            }
        }

        Times get(String key) {
            return map.get(key);
        }

        /** Instants in (at - span, at). */
        int arrivals(String key, long at, long span) {
            Times t = map.get(key);
            return t == null ? 0 : t.before(at) - t.upTo(at - span);
        }
    }

    /** A sorted multiset of instants, in a growable array: entries come nearly in order, so inserts are cheap. */
    private static final class Times {
        private long[] a = new long[4];
        private int n;

        void change(long at, int sign) {
            if (sign > 0) {
                add(at);
            } else {
                remove(at);
            }
        }

        void add(long at) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            int i = n++;
            while (i > 0 && a[i - 1] > at) {
                a[i] = a[i - 1];
                i--;
            }
            a[i] = at;
        }

        boolean remove(long at) {
            int i = java.util.Arrays.binarySearch(a, 0, n, at);
            if (i < 0) {
                return false;
            }
            System.arraycopy(a, i + 1, a, i, n - i - 1);
            n--;
            return true;
        }

        boolean isEmpty() {
            return n == 0;
        }

        /** How many instants are before {@code at}. */
        int before(long at) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < at) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** How many instants are at or before {@code at}. */
        int upTo(long at) {
            return at == Long.MAX_VALUE ? n : before(at + 1);
        }
    }
}
