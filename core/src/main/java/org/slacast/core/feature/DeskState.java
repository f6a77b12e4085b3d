package org.slacast.core.feature;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.slacast.core.ticket.Ticket;

/**
 * What the desk knows at an instant about the past: recent arrivals by requester, system and team, open tickets,
 * and breach rates over outcomes already known. Training replays history through it in time order; serving feeds
 * it live. Either way a query at instant t sees only what was fed before t, so history cannot leak.
 *
 * <p>Windows are evicted as time moves forward; feeding out of order (as a live service may) keeps every entry,
 * at the cost of counting a late entry for a little longer than its window.
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
    private final Map<String, String[]> open = new HashMap<>();
    private final Map<String, Integer> openByTeam = new HashMap<>();
    private final Map<String, Integer> openBySystem = new HashMap<>();

    /** Creates an empty desk. */
    public DeskState() {
        // empty history
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
        open.put(t.id(), new String[] {team, system});
        openByTeam.merge(team, 1, Integer::sum);
        openBySystem.merge(system, 1, Integer::sum);
    }

    /**
     * Records that a ticket no longer waits in a queue (resolved or closed).
     *
     * @param ticketId the ticket
     */
    public synchronized void resolved(String ticketId) {
        String[] keys = open.remove(ticketId);
        if (keys != null) {
            openByTeam.merge(keys[0], -1, Integer::sum);
            openBySystem.merge(keys[1], -1, Integer::sum);
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

    private static String key(String value) {
        return value == null ? "" : value;
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

    /** Instants within a trailing span. */
    private static final class Window {
        private final long span;
        private final ArrayDeque<Long> times = new ArrayDeque<>();

        Window(long span) {
            this.span = span;
        }

        void add(long at) {
            times.addLast(at);
        }

        int count(long at) {
            while (!times.isEmpty() && times.peekFirst() <= at - span) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    /** Outcomes known within the last 30 days. */
    private static final class Outcomes {
        private final ArrayDeque<long[]> entries = new ArrayDeque<>();
        private int breaches;

        void add(long at, boolean breached) {
            entries.addLast(new long[] {at, breached ? 1 : 0});
            breaches += breached ? 1 : 0;
        }

        double rate(long at, double prior, double weight) {
            while (!entries.isEmpty() && entries.peekFirst()[0] <= at - 30 * DAY) {
                breaches -= (int) entries.pollFirst()[1];
            }
            int n = entries.size();
            return n + weight == 0 ? 0 : (breaches + weight * prior) / (n + weight);
        }
    }
}
