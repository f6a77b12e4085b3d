package org.slacast.core.feature;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slacast.core.ticket.Ticket;

/**
 * What the desk knows at an instant about the past: recent arrivals by requester, system and team, open tickets,
 * and breach rates over outcomes already known. Training replays history through it in time order; serving feeds
 * it live. Either way a query at instant t sees only what was fed before t, so history cannot leak.
 *
 * <p>A query never changes what the desk holds: it counts the entries in its windows that end at its instant, so
 * a query far in the future or the past leaves the next query's answer alone. Only what is fed moves the desk's
 * own clock (the latest arrival), and entries older than the longest window behind that clock are dropped.
 * Memory is bounded: every key longer than {@value #KEY_CHARS} characters is kept as a digest, a ticket open
 * longer than the open horizon leaves the queue, and at most {@code maxOpen} tickets are held open.
 */
public final class DeskState {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** Pseudo-count pulling a small team's breach rate toward the desk's (additive smoothing). */
    private static final double PRIOR = 5;

    private final Map<String, Window> requester7 = new HashMap<>();
    private final Map<String, Window> requester30 = new HashMap<>();
    private final Map<String, Window> system7 = new HashMap<>();
    private final Map<String, Window> system30 = new HashMap<>();
    private final Map<String, Window> team7 = new HashMap<>();
    private final Map<String, Window> team30 = new HashMap<>();
    private final Map<String, Window> systemHour = new HashMap<>();
    private final Window deskHour = new Window(HOUR);
    private final Map<String, Outcomes> teamOutcomes = new HashMap<>();
    private final Map<String, Outcomes> systemOutcomes = new HashMap<>();
    private final Outcomes deskOutcomes = new Outcomes();
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<String, Integer> openByTeam = new HashMap<>();
    private final Map<String, Integer> openBySystem = new HashMap<>();
    private final long openHorizon;
    private final int maxOpen;
    private long clock = Long.MIN_VALUE;
    private long expired;

    /** A ticket in the queue: where it waits and since when. */
    private record Open(String team, String system, long since) {
    }

    /** Creates an empty desk that keeps open tickets until they are resolved. */
    public DeskState() {
        this(null, Integer.MAX_VALUE);
    }

    /**
     * @param openHorizon a ticket created this long before the desk's clock with no resolution leaves the open
     *                    queue; null keeps it until it is resolved
     * @param maxOpen     most tickets held open; past it the oldest leaves the queue
     */
    public DeskState(Duration openHorizon, int maxOpen) {
        this.openHorizon = openHorizon == null ? Long.MAX_VALUE : openHorizon.toMillis();
        this.maxOpen = maxOpen;
    }

    /**
     * Records a new ticket at its creation instant. A ticket already open is not counted twice.
     *
     * @param t the ticket
     */
    public synchronized void arrival(Ticket t) {
        if (open.containsKey(t.id())) {
            return;
        }
        long at = t.createdAt().toEpochMilli();
        advance(at);
        add(requester7, t.requester(), 7 * DAY, at);
        add(requester30, t.requester(), 30 * DAY, at);
        add(system7, t.system(), 7 * DAY, at);
        add(system30, t.system(), 30 * DAY, at);
        add(team7, t.team(), 7 * DAY, at);
        add(team30, t.team(), 30 * DAY, at);
        add(systemHour, t.system(), HOUR, at);
        deskHour.add(at);
        String team = key(t.team());
        String system = key(t.system());
        open.put(t.id(), new Open(team, system, at));
        openByTeam.merge(team, 1, Integer::sum);
        openBySystem.merge(system, 1, Integer::sum);
        while (open.size() > maxOpen) {
            leave(open.keySet().iterator().next());
            expired++;
        }
    }

    /**
     * Moves the desk's clock to a fed instant, dropping what no query at or after it can count.
     */
    private void advance(long at) {
        if (at <= clock) {
            return;
        }
        clock = at;
        long before30 = at - 30 * DAY;
        long before7 = at - 7 * DAY;
        long beforeHour = at - HOUR;
        evict(requester30, before30);
        evict(system30, before30);
        evict(team30, before30);
        evict(requester7, before7);
        evict(system7, before7);
        evict(team7, before7);
        evict(systemHour, beforeHour);
        deskHour.dropUpTo(beforeHour);
        for (Outcomes o : teamOutcomes.values()) {
            o.dropUpTo(before30);
        }
        for (Outcomes o : systemOutcomes.values()) {
            o.dropUpTo(before30);
        }
        deskOutcomes.dropUpTo(before30);
        if (openHorizon != Long.MAX_VALUE) {
            for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Open> e = it.next();
                if (e.getValue().since() > at - openHorizon) {
                    break; // insertion order is nearly creation order; the rest are younger
                }
                it.remove();
                openByTeam.merge(e.getValue().team(), -1, Integer::sum);
                openBySystem.merge(e.getValue().system(), -1, Integer::sum);
                expired++;
            }
        }
    }

    private static void evict(Map<String, Window> m, long upTo) {
        m.values().removeIf(w -> w.dropUpTo(upTo));
    }

    /**
     * Records that a ticket no longer waits in a queue (resolved or closed).
     *
     * @param ticketId the ticket
     */
    public synchronized void resolved(String ticketId) {
        leave(ticketId);
    }

    private void leave(String ticketId) {
        Open o = open.remove(ticketId);
        if (o != null) {
            openByTeam.merge(o.team(), -1, Integer::sum);
            openBySystem.merge(o.system(), -1, Integer::sum);
            openByTeam.remove(o.team(), 0);
            openBySystem.remove(o.system(), 0);
        }
    }

    /**
     * Records an SLA outcome at the instant it became known.
     *
     * @param team     the ticket's team
     * @param system   the ticket's system
     * @param breached whether it breached
     * @param knownAt  when that became known: the breach instant or the completion
     */
    public synchronized void outcome(String team, String system, boolean breached, Instant knownAt) {
        long at = knownAt.toEpochMilli();
        teamOutcomes.computeIfAbsent(key(team), k -> new Outcomes()).add(at, breached);
        systemOutcomes.computeIfAbsent(key(system), k -> new Outcomes()).add(at, breached);
        deskOutcomes.add(at, breached);
    }

    /**
     * What the desk knew about a ticket's context at an instant.
     *
     * @param t  the ticket
     * @param at the instant
     * @return counts, open tickets and smoothed breach rates
     */
    public synchronized History history(Ticket t, Instant at) {
        long ms = at.toEpochMilli();
        double desk = deskOutcomes.rate(ms, 0, 0);
        String team = key(t.team());
        String system = key(t.system());
        return new History(count(requester7, t.requester(), ms), count(requester30, t.requester(), ms),
                count(system7, t.system(), ms), count(system30, t.system(), ms),
                count(team7, t.team(), ms), count(team30, t.team(), ms),
                rate(teamOutcomes, team, ms, desk), rate(systemOutcomes, system, ms, desk), desk,
                open.size(), openByTeam.getOrDefault(team, 0), openBySystem.getOrDefault(system, 0),
                deskHour.count(ms), count(systemHour, t.system(), ms));
    }

    /** @return how many tickets are open */
    public synchronized int openTickets() {
        return open.size();
    }

    /** @return how many tickets left the open queue unresolved, past the open horizon or the bound */
    public synchronized long expiredTickets() {
        return expired;
    }

    private static double rate(Map<String, Outcomes> m, String key, long at, double desk) {
        Outcomes o = m.get(key);
        return o == null ? desk : o.rate(at, desk, PRIOR);
    }

    private static void add(Map<String, Window> m, String key, long span, long at) {
        m.computeIfAbsent(key(key), k -> new Window(span)).add(at);
    }

    private static int count(Map<String, Window> m, String key, long at) {
        Window w = m.get(key(key));
        return w == null ? 0 : w.count(at);
    }

    /** Longest key kept as it is. */
    static final int KEY_CHARS = 64;

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

    /** Instants within a trailing span, kept sorted so that a count at any instant needs no eviction. */
    private static final class Window {
        private final long span;
        private long[] times = new long[4];
        private int from;
        private int to;

        Window(long span) {
            this.span = span;
        }

        void add(long at) {
            if (to == times.length) {
                int n = to - from;
                long[] grown = n * 2 > times.length ? new long[times.length * 2] : times;
                System.arraycopy(times, from, grown, 0, n);
                times = grown;
                from = 0;
                to = n;
            }
            int i = to++;
            // Entries come nearly in order: shift the few later ones up.
            while (i > from && times[i - 1] > at) {
                times[i] = times[i - 1];
                i--;
            }
            times[i] = at;
        }

        /** Entries in (at - span, at]. */
        int count(long at) {
            return upper(at) - upper(at - span);
        }

        /** Drops entries at or before an instant; @return whether the window is now empty */
        boolean dropUpTo(long at) {
            from = upper(at);
            return from == to;
        }

        /** The first index whose entry is after {@code at}. */
        private int upper(long at) {
            int i = Arrays.binarySearch(times, from, to, at);
            if (i < 0) {
                return -i - 1;
            }
            while (i + 1 < to && times[i + 1] == at) {
                i++;
            }
            return i + 1;
        }
    }

    /** Outcomes known within the last 30 days: their instants in a window, and breaches counted beside them. */
    private static final class Outcomes {
        private final Window all = new Window(30 * DAY);
        private final Window breached = new Window(30 * DAY);

        void add(long at, boolean breach) {
            all.add(at);
            if (breach) {
                breached.add(at);
            }
        }

        double rate(long at, double prior, double weight) {
            int n = all.count(at);
            int breaches = breached.count(at);
            return n + weight == 0 ? 0 : (breaches + weight * prior) / (n + weight);
        }

        void dropUpTo(long at) {
            all.dropUpTo(at);
            breached.dropUpTo(at);
        }
    }
}
