package org.slacast.datasets.whatif;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.cost.CostModel;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.datasets.generate.DeskChange;
import org.slacast.datasets.generate.DeskSimulation;
import org.slacast.datasets.generate.DeskSink;
import org.slacast.datasets.generate.Profile;

/**
 * Runs a desk unchanged and changed over the same period with the same seed (common random numbers, so that the
 * difference is the change's and not the noise's), for several seeds, and reports each change's mean effect
 * with a 95% interval over seeds. The period is the one in which the unchanged desk receives its tickets;
 * every desk of a seed gets arrivals until then.
 */
public final class WhatIf {
    private final Profile profile;
    private final PolicySet policies;
    private final CostModel cost;
    private final Instant start;
    private final int tickets;

    /**
     * @param profile the desk
     * @param tickets tickets the unchanged desk receives, which sets the period
     * @param start   the first day, as an instant
     * @param cost    penalties for the resolution breaches
     */
    public WhatIf(Profile profile, int tickets, Instant start, CostModel cost) {
        this.profile = profile;
        this.policies = PolicyFile.parse(profile.policyYaml(), profile.name() + " policy");
        this.cost = cost;
        this.start = start;
        this.tickets = tickets;
    }

    /**
     * One change's effect against the unchanged desk, each figure the mean over seeds of (changed minus
     * unchanged), or for breaches and penalty (unchanged minus changed), so that positive is better.
     *
     * @param change          the change
     * @param breachesAvoided per metric, then per priority label ("all" for the total)
     * @param penaltySaved    penalty of resolution breaches avoided
     * @param agentHours      agent hours added (negative: saved)
     * @param p95Change       change in p95 resolution business minutes (negative: faster)
     * @param base            the unchanged desk's mean breaches per metric, for scale
     */
    public record Effect(DeskChange change, Map<String, Map<String, SeedInterval>> breachesAvoided,
                         SeedInterval penaltySaved, SeedInterval agentHours, SeedInterval p95Change,
                         Map<String, Double> base) {
    }

    /**
     * @param seeds   the seeds, one run of each desk per seed
     * @param changes the changes, each judged alone against the unchanged desk
     * @return one effect per change, in order
     */
    public List<Effect> compare(List<Long> seeds, List<DeskChange> changes) {
        List<DeskOutcome> base = new ArrayList<>();
        List<List<DeskOutcome>> changed = new ArrayList<>();
        changes.forEach(c -> changed.add(new ArrayList<>()));
        for (long seed : seeds) {
            long until = period(seed);
            base.add(run(seed, DeskChange.NONE, until));
            for (int i = 0; i < changes.size(); i++) {
                changed.get(i).add(run(seed, changes.get(i), until));
            }
        }
        List<Effect> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            out.add(effect(changes.get(i), base, changed.get(i)));
        }
        return out;
    }

    /** The instant the unchanged desk's last ticket arrives. */
    private long period(long seed) {
        DeskSimulation sim = new DeskSimulation(profile, tickets, seed, new Memory());
        sim.run(start, n -> { });
        return sim.lastArrival();
    }

    /**
     * @param seed   the seed
     * @param change the change
     * @param until  arrivals stop after this epoch millisecond
     * @return what the desk delivered
     */
    public DeskOutcome run(long seed, DeskChange change, long until) {
        Memory m = new Memory();
        DeskSimulation sim = new DeskSimulation(profile, Integer.MAX_VALUE, seed, m, change, until);
        sim.run(start, n -> { });
        TicketData data = new TicketData(m.tickets, m.events, List.of(), 0);
        double hours = staffedHours(sim, until);
        return DeskOutcome.of(new SlaRun().run(data, policies, null).results(), cost, hours);
    }

    private double staffedHours(DeskSimulation sim, long until) {
        return org.slacast.datasets.generate.DeskSimulation.agentHours(sim.shifts(), profile.zone(),
                start.toEpochMilli(), until);
    }

    private static Effect effect(DeskChange change, List<DeskOutcome> base, List<DeskOutcome> changed) {
        int n = base.size();
        Map<String, Map<String, SeedInterval>> avoided = new LinkedHashMap<>();
        Map<String, Double> scale = new LinkedHashMap<>();
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        base.forEach(b -> metrics.addAll(b.breaches().keySet()));
        changed.forEach(c -> metrics.addAll(c.breaches().keySet()));
        for (String metric : metrics) {
            Map<String, SeedInterval> byPriority = new LinkedHashMap<>();
            byPriority.put("all", diff(n, k -> base.get(k).breaches(metric, null) - changed.get(k).breaches(metric,
                    null)));
            for (Priority p : Priority.values()) {
                byPriority.put(p.label(), diff(n, k -> base.get(k).breaches(metric, p)
                        - changed.get(k).breaches(metric, p)));
            }
            avoided.put(metric, byPriority);
            scale.put(metric, base.stream().mapToDouble(b -> b.breaches(metric, null)).average().orElse(0));
        }
        return new Effect(change, avoided, diff(n, k -> base.get(k).penalty() - changed.get(k).penalty()),
                diff(n, k -> changed.get(k).agentHours() - base.get(k).agentHours()),
                diff(n, k -> changed.get(k).p95Resolution() - base.get(k).p95Resolution()), scale);
    }

    private static SeedInterval diff(int n, java.util.function.IntToDoubleFunction f) {
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = f.applyAsDouble(k);
        }
        return SeedInterval.of(d);
    }

    /** Keeps what the simulation produces, in memory, in the order a file would hold it. */
    private static final class Memory implements DeskSink {
        final List<Ticket> tickets = new ArrayList<>();
        final Map<String, List<TicketEvent>> events = new HashMap<>();

        @Override
        public void ticket(Ticket t) {
            tickets.add(t);
        }

        @Override
        public void event(TicketEvent e) {
            events.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e);
        }

        @Override
        public void rootCause(String ticketId, String team, String engineer, String rootCauseCategory, String fixType,
                              boolean repeatIncident) {
            // not needed for the clock
        }

        @Override
        public void impact(String ticketId, String system, long failedTransactions, double estimatedLoss,
                           String region, long uptimeImpactMinutes) {
            // not needed for the clock
        }
    }
}
