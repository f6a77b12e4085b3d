package org.slacast.datasets.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import net.datafaker.Faker;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * A discrete-event simulation of a tiered service desk (after Law, "Simulation Modeling and Analysis", 5th ed.,
 * ch. 1-2: next-event time advance over a future-event list).
 *
 * <p>Arrivals are a non-homogeneous Poisson process with hour-of-week and monthly seasonality, sampled by
 * thinning (Lewis and Shedler, 1979), plus outage storms: bursts of related tickets on one system. Agents work
 * fixed 8-hour shifts; each tier-and-team queue is served by priority, then arrival. Hands-on time is
 * log-normal by tier and category (heavy-tailed). After work a ticket escalates, waits for the customer, or is
 * resolved; some resolved tickets are reopened. Breaches are never drawn: they follow from queueing, and the SLA
 * clock measures them afterwards.
 *
 * <p>Random numbers come from separate streams so that two runs with the same seed differ only where a
 * {@link DeskChange} makes them differ (common random numbers; Law, ch. 11.2): one stream for arrival times,
 * one for outage storms, and one per arriving ticket for its attributes and everything that happens to it. An
 * agent added at night therefore meets the same tickets, with the same hands-on times, as the unchanged desk.
 */
public final class DeskSimulation {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    /** Relative arrival rate by local hour on a weekday; averages 1 over the day. */
    private static final double[] HOURLY = {0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.2, 2.0, 2.4, 2.3, 2.1, 1.7, 2.0,
        2.2, 2.1, 1.8, 1.3, 0.8, 0.5, 0.35, 0.3, 0.25, 0.2};

    /** Queues run earliest-deadline-first: a ticket's place is its arrival plus an allowance for its priority. */
    private static final long[] ALLOWANCE = {0, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR};

    private enum Kind { ARRIVAL, STORM_ARRIVAL, DONE, RESUME, REOPEN, CLOSE, TICK }

    private record SimEvent(long at, long seq, Kind kind, Job job, Agent agent, Profile.SystemSpec system) {
    }

    /** Storm tickets' streams are numbered apart from ordinary arrivals'. */
    private static final long STORM_STREAMS = 1L << 40;

    private final Profile profile;
    private final int total;
    private final long seed;
    private final DeskChange change;
    private final long arrivalsUntil;
    private final DeskSink sink;
    private final SplittableRandom rnd;
    private final SplittableRandom storms;
    private final TicketFactory factory;
    private final PriorityQueue<SimEvent> future = new PriorityQueue<>(
            Comparator.comparingLong(SimEvent::at).thenComparingLong(SimEvent::seq));
    private final Map<String, PriorityQueue<Job>> queues = new HashMap<>();
    private final Map<String, List<Agent>> agents = new HashMap<>();
    private final List<Agent> roster = new ArrayList<>();
    private long seq;
    private int created;
    private int open;
    private long candidates;
    private long stormTickets;
    private long lastArrival;

    /**
     * @param profile the desk
     * @param tickets how many tickets to create
     * @param seed    the seed; the same seed gives the same output
     * @param sink    receives tickets, events and linked rows
     */
    public DeskSimulation(Profile profile, int tickets, long seed, DeskSink sink) {
        this(profile, tickets, seed, sink, DeskChange.NONE, Long.MAX_VALUE);
    }

    /**
     * A changed desk, for what-if runs.
     *
     * @param profile       the desk
     * @param tickets       at most this many tickets
     * @param seed          the seed
     * @param sink          receives tickets, events and linked rows
     * @param change        what differs from the profile
     * @param arrivalsUntil no ticket arrives after this epoch millisecond ({@link Long#MAX_VALUE}: stop at
     *                      {@code tickets}); two desks compared over the same period use the same value
     */
    public DeskSimulation(Profile profile, int tickets, long seed, DeskSink sink, DeskChange change,
                          long arrivalsUntil) {
        this.profile = profile;
        this.total = tickets;
        this.seed = seed;
        this.change = change;
        this.arrivalsUntil = arrivalsUntil;
        this.sink = sink;
        this.rnd = new SplittableRandom(seed);
        this.factory = new TicketFactory(profile, rnd.split(), seed);
        this.storms = rnd.split();
        for (Agent a : Staffing.roster(profile, change, new Faker(Locale.ENGLISH, new Random(seed + 1)))) {
            roster.add(a);
            agents.computeIfAbsent(queueOf(a.tier, a.team), q -> new ArrayList<>()).add(a);
        }
    }

    /** @return the epoch millisecond of the last ticket's arrival, 0 before any */
    public long lastArrival() {
        return lastArrival;
    }

    /**
     * @param shifts agents' shifts, from {@link #shifts()}
     * @param zone   the desk's zone
     * @param from   start, epoch ms
     * @param to     end, epoch ms
     * @return agent hours on shift between the two
     */
    public static double agentHours(List<DeskChange.AgentSpec> shifts, java.time.ZoneId zone, long from, long to) {
        return Staffing.hours(shifts, zone, from, to);
    }

    /** @return the agents' shifts, for counting agent hours */
    public List<DeskChange.AgentSpec> shifts() {
        return roster.stream().map(a -> a.shift).toList();
    }

    /** @return the agents, for the agents and shifts tables */
    public List<AgentRow> agents() {
        return roster.stream().map(a -> new AgentRow(a.id, a.name, a.team, "L" + a.tier, a.shift.hours(),
                a.weekdays(), a.weekends())).toList();
    }

    /**
     * An agent and their shift.
     *
     * @param id       agent id
     * @param name     name
     * @param team     team
     * @param tier     L1-L3
     * @param shift    local hours
     * @param weekdays works weekdays
     * @param weekends works weekends
     */
    public record AgentRow(String id, String name, String team, String tier, String shift, boolean weekdays,
                           boolean weekends) {
    }

    /**
     * Runs until every ticket has been created and closed.
     *
     * @param start    when the desk opens, a Monday midnight in the desk's zone works best
     * @param progress called with the number of tickets created so far
     */
    public void run(Instant start, LongConsumer progress) {
        long t0 = start.toEpochMilli();
        schedule(t0, Kind.TICK, null, null, null);
        scheduleArrival(t0);
        while (!future.isEmpty()) {
            SimEvent e = future.poll();
            switch (e.kind()) {
                case ARRIVAL -> arrival(e.at());
                case STORM_ARRIVAL -> create(e.at(), e.system(), true, stream(STORM_STREAMS + stormTickets++));
                case DONE -> done(e.at(), e.agent(), e.job());
                case RESUME -> resume(e.at(), e.job());
                case REOPEN -> reopen(e.at(), e.job());
                case CLOSE -> close(e.at(), e.job());
                case TICK -> tick(e.at());
            }
            if (e.kind() == Kind.ARRIVAL && created % 1000 == 0) {
                progress.accept(created);
            }
        }
        progress.accept(created);
    }

    private void arrival(long at) {
        if (!arrivalsOpen(at)) {
            return;
        }
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(profile.zone());
        // One draw per candidate, accepted or not, so that every desk sees the same candidates.
        SplittableRandom own = stream(candidates++);
        if (rnd.nextDouble() * peakRate() <= rate(local) * change.arrivalFactor()) {
            create(at, factory.system(own), false, own);
        }
        scheduleArrival(at);
    }

    private boolean arrivalsOpen(long at) {
        return created < total && at <= arrivalsUntil;
    }

    /** A ticket's own stream, from the seed and the ticket's place among the arrivals. */
    private SplittableRandom stream(long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    private void scheduleArrival(long from) {
        if (arrivalsOpen(from)) {
            double gapHours = -Math.log(1 - rnd.nextDouble()) / peakRate();
            schedule(from + (long) (gapHours * HOUR) + 1, Kind.ARRIVAL, null, null, null);
        }
    }

    /** Above the busiest hour's rate with room for 50% more arrivals, so --arrivals up to +50% keeps candidates. */
    private double peakRate() {
        return profile.ticketsPerDay() / 24.0 * 2.4 * 1.2 * Math.max(1.5, change.arrivalFactor() * 1.2);
    }

    /** Arrivals per hour at a local time: hour of week, then month (busier in spring and autumn). */
    private double rate(ZonedDateTime local) {
        boolean weekend = local.getDayOfWeek().getValue() >= 6;
        double month = 1 + 0.15 * Math.sin(2 * Math.PI * (local.getMonthValue() - 2) / 6.0);
        return profile.ticketsPerDay() / 24.0 * HOURLY[local.getHour()] * (weekend ? 0.3 : 1.0) * month;
    }

    private void create(long at, Profile.SystemSpec system, boolean storm, SplittableRandom own) {
        if (!arrivalsOpen(at)) {
            return;
        }
        String id = String.format("%s-%07d", profile.name().startsWith("bank") ? "INC" : "SUP", ++created);
        lastArrival = at;
        Ticket t = factory.ticket(id, second(at), system, storm, own);
        Job job = new Job(t, seq++, storm, system, own);
        open++;
        sink.ticket(t);
        emit(job, at, EventType.CREATED, "new", null, "Service Desk", null);
        if (job.rnd.nextDouble() < 0.03 && t.priority() != Priority.CRITICAL) {
            // A priority raised after triage: the clock must keep the original start.
            job.priority = t.priority().ordinal() - 1;
            emit(job, at + (long) (job.rnd.nextDouble() * 30 * MINUTE), EventType.PRIORITY_CHANGE, null,
                    Priority.values()[job.priority], null, null);
        }
        enqueue(job, at);
    }

    private void enqueue(Job job, long at) {
        queues.computeIfAbsent(job.queue(), q -> new PriorityQueue<>(
                Comparator.comparingLong((Job j) -> j.openedAt + ALLOWANCE[j.priority]).thenComparingLong(j -> j.seq)))
                .add(job);
        dispatch(job.queue(), at);
    }

    private void dispatch(String queue, long at) {
        PriorityQueue<Job> q = queues.get(queue);
        List<Agent> staff = agents.get(queue);
        if (q == null || q.isEmpty() || staff == null) {
            return;
        }
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(profile.zone());
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        for (Agent a : staff) {
            if (q.isEmpty()) {
                return;
            }
            if (a.busyWith == null && a.onShift(minute, day)) {
                start(q.poll(), a, at);
            }
        }
    }

    private void start(Job job, Agent a, long at) {
        a.busyWith = job;
        emit(job, at, EventType.ASSIGNED, null, null, a.team, a.id);
        if (!job.responded) {
            job.responded = true;
            emit(job, at + MINUTE, EventType.FIRST_RESPONSE, "in_progress", null, a.team, a.id);
        }
        double minutes = job.workMinutes > 0 ? job.workMinutes : serviceMinutes(job);
        job.workMinutes = -1;
        schedule(at + MINUTE + (long) (minutes * MINUTE), Kind.DONE, job, a, null);
    }

    /** Log-normal hands-on time: median by tier and category, sigma 1 gives the long tail. */
    private double serviceMinutes(Job job) {
        double median = profile.serviceMinutes()[job.tier - 1];
        median *= switch (job.ticket.category()) {
            case "Access" -> 0.6;
            case "Network" -> 1.3;
            case "Hardware" -> 1.5;
            default -> 1.0;
        };
        if (job.storm) {
            median *= 1.4;
        }
        return median * change.timeFactor("L" + job.tier) * Math.exp(job.rnd.nextGaussian());
    }

    private void done(long at, Agent a, Job job) {
        a.busyWith = null;
        double escalation = job.tier == 1 ? 0.05 + 0.6 * job.system.escalation() : job.tier == 2 ? 0.10 : 0;
        SplittableRandom rnd = job.rnd; // the ticket's own stream (common random numbers)
        if (job.tier < 3 && rnd.nextDouble() < escalation) {
            job.tier++;
            emit(job, at, EventType.TIER_CHANGE, null, Tier.values()[job.tier - 1], job.system.team(), null);
            enqueue(job, at);
        } else if (!job.waitedOnce && rnd.nextDouble() < externalWaitChance(job)) {
            // Waiting on a vendor, a change window or the outage fix: the clock keeps running.
            job.waitedOnce = true;
            String status = job.storm ? "awaiting_fix" : job.tier == 1 ? "awaiting_parts" : "awaiting_change";
            emit(job, at, EventType.STATUS_CHANGE, status, null, a.team, a.id);
            double medianHours = (job.storm ? 3 : job.tier == 1 ? 6 : 8) * change.timeFactor(status);
            schedule(at + (long) (medianHours * Math.exp(0.9 * rnd.nextGaussian()) * HOUR), Kind.RESUME, job, null,
                    null);
        } else if (!job.pausedOnce && rnd.nextDouble() < 0.2) {
            job.pausedOnce = true;
            emit(job, at, EventType.STATUS_CHANGE, "pending_customer", null, a.team, a.id);
            double waitHours = -Math.log(1 - rnd.nextDouble()) * 8 * change.timeFactor("pending_customer");
            if (rnd.nextDouble() < 0.1) {
                // The customer never answers: resolved straight from the pause after three days.
                schedule(at + 72 * HOUR, Kind.CLOSE, job, null, null);
                emit(job, at + 72 * HOUR, EventType.RESOLVED, "resolved", null, a.team, a.id);
                resolved(job, a, at + 72 * HOUR, true);
            } else {
                schedule(at + (long) (waitHours * HOUR), Kind.RESUME, job, null, null);
            }
        } else {
            emit(job, at, EventType.RESOLVED, "resolved", null, a.team, a.id);
            resolved(job, a, at, false);
        }
        dispatch(queueOf(a.tier, a.team), at);
    }

    /** Hardware waits for parts, higher tiers for changes and vendors, outage tickets for the fix. */
    private static double externalWaitChance(Job job) {
        double p = job.tier == 1 ? ("Hardware".equals(job.ticket.category()) ? 0.45 : 0.25)
                : job.tier == 2 ? 0.35 : 0.5;
        return job.storm ? Math.min(1, p + 0.5) : p;
    }

    private void resolved(Job job, Agent a, long at, boolean fromPause) {
        SplittableRandom rnd = job.rnd; // the ticket's own stream (common random numbers)
        if (!job.reopened) {
            String[] causes = {"configuration", "software defect", "capacity", "third party", "user error", "hardware fault"};
            String[] fixes = {"permanent", "patch", "workaround"};
            sink.rootCause(job.ticket.id(), a.team, a.name, job.storm ? "capacity" : causes[rnd.nextInt(causes.length)],
                    fixes[rnd.nextInt(fixes.length)], job.storm);
            if (job.system.transactional() && (job.storm || job.ticket.priority().ordinal() <= 1)) {
                long minutes = (at - job.openedAt) / MINUTE;
                long failed = (long) (minutes * (5 + rnd.nextDouble() * 40));
                sink.impact(job.ticket.id(), job.ticket.system(), failed, Math.round(failed * 37.5) / 1.0,
                        job.ticket.region(), minutes);
            }
        }
        if (!fromPause && !job.reopened && rnd.nextDouble() < 0.05 * change.reopenFactor()) {
            schedule(at + (long) ((2 + rnd.nextDouble() * 46) * HOUR), Kind.REOPEN, job, null, null);
        } else if (!fromPause) {
            schedule(at + (long) ((48 + rnd.nextDouble() * 48) * HOUR), Kind.CLOSE, job, null, null);
        }
    }

    private void resume(long at, Job job) {
        emit(job, at, EventType.STATUS_CHANGE, "in_progress", null, null, null);
        job.workMinutes = serviceMinutes(job) * 0.3;
        enqueue(job, at);
    }

    private void reopen(long at, Job job) {
        job.reopened = true;
        emit(job, at, EventType.REOPENED, "reopened", null, null, null);
        job.workMinutes = serviceMinutes(job) * 0.5;
        enqueue(job, at);
    }

    private void close(long at, Job job) {
        emit(job, at, EventType.CLOSED, "closed", null, null, null);
        open--;
    }

    /** Every hour: agents coming on shift take queued work; at local midnight, maybe an outage storm. */
    private void tick(long at) {
        for (String q : queues.keySet().stream().sorted().toList()) {
            dispatch(q, at);
        }
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(profile.zone());
        if (local.getHour() == 0 && arrivalsOpen(at) && storms.nextDouble() < profile.storminess()) {
            Profile.SystemSpec s = factory.transactionalSystem(storms);
            long begin = at + (long) ((8 + storms.nextDouble() * 10) * HOUR);
            int burst = 8 + storms.nextInt(40);
            for (int i = 0; i < burst; i++) {
                schedule(begin + (long) (Math.pow(storms.nextDouble(), 2) * 3 * HOUR), Kind.STORM_ARRIVAL, null,
                        null, s);
            }
        }
        if (arrivalsOpen(at) || open > 0) {
            schedule(at + HOUR, Kind.TICK, null, null, null);
        }
    }

    private void emit(Job job, long at, EventType type, String status, Object priorityOrTier, String team,
                      String agent) {
        Priority p = priorityOrTier instanceof Priority pr ? pr : null;
        Tier tier = priorityOrTier instanceof Tier tr ? tr : null;
        sink.event(new TicketEvent(job.ticket.id(), second(at), type, status, p, tier, team, agent));
    }

    /** Files carry whole seconds, as ticketing exports do. */
    private static Instant second(long epochMilli) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMilli, 1000));
    }

    private void schedule(long at, Kind kind, Job job, Agent agent, Profile.SystemSpec system) {
        future.add(new SimEvent(at, seq++, kind, job, agent, system));
    }

    static String queueOf(int tier, String team) {
        return tier == 1 ? "L1" : "L" + tier + ":" + team;
    }
}
