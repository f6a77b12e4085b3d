package org.slacast.training.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.training.data.TicketOutcome;

/**
 * What the data says about the desk, independent of any model: where and when breaches happen, which systems
 * raise the most tickets, and how long resolution takes.
 *
 * @param byPriorityTier breach rate by priority, then by highest tier reached
 * @param byHourWeekday  breach rate by weekday (1-7), then local hour of creation (0-23)
 * @param systems        ticket counts by system, largest first
 * @param mttrByTeam     mean business minutes to resolution by resolving team
 * @param mttrBySystem   the same by system
 * @param p50            median resolution business minutes
 * @param p90            90th percentile
 * @param p95            95th percentile
 * @param tickets        tickets with a known outcome
 * @param breachRate     their breach rate
 * @param attributes     the open attributes, each with the signs of a value known only at the end
 */
public record DeskFacts(Map<String, Map<String, Rate>> byPriorityTier, Map<Integer, Map<Integer, Rate>> byHourWeekday,
                        Map<String, Long> systems, Map<String, Double> mttrByTeam, Map<String, Double> mttrBySystem,
                        double p50, double p90, double p95, long tickets, double breachRate,
                        List<AttributeAudit> attributes) {

    /** Copies the audits; a report from before open attributes has none. */
    public DeskFacts {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /**
     * A breach rate with its count.
     *
     * @param breached breaches
     * @param total    tickets
     */
    public record Rate(long breached, long total) {
        /** @return breached / total */
        public double rate() {
            return total == 0 ? 0 : breached / (double) total;
        }

        Rate plus(boolean breach) {
            return new Rate(breached + (breach ? 1 : 0), total + 1);
        }
    }

    /**
     * @param data     tickets and events
     * @param outcomes their outcomes
     * @param policies the policies, for each ticket's zone
     * @return the facts
     */
    public static DeskFacts of(TicketData data, List<TicketOutcome> outcomes, PolicySet policies) {
        Map<String, Map<String, Rate>> pt = new TreeMap<>();
        Map<Integer, Map<Integer, Rate>> hw = new TreeMap<>();
        Map<String, Long> systems = new LinkedHashMap<>();
        Map<String, double[]> team = new TreeMap<>();
        Map<String, double[]> system = new TreeMap<>();
        List<Double> minutes = new ArrayList<>();
        long n = 0;
        long breached = 0;
        Map<String, Long> sys = new TreeMap<>();
        for (TicketOutcome o : outcomes) {
            Ticket t = o.ticket();
            sys.merge(t.system() == null ? "(none)" : t.system(), 1L, Long::sum);
            if (o.label() < 0) {
                continue;
            }
            n++;
            boolean b = o.label() == 1;
            breached += b ? 1 : 0;
            List<TicketEvent> ev = data.eventsOf(t.id());
            int tier = ev.stream().filter(e -> e.tier() != null).mapToInt(e -> e.tier().ordinal() + 1).max()
                    .orElse(t.tier().ordinal() + 1);
            pt.computeIfAbsent(t.priority().label(), k -> new TreeMap<>()).merge("L" + tier, new Rate(0, 0).plus(b),
                    (x, y) -> new Rate(x.breached() + y.breached(), x.total() + y.total()));
            var local = t.createdAt().atZone(policies.select(t).calendar().zone());
            hw.computeIfAbsent(local.getDayOfWeek().getValue(), k -> new TreeMap<>()).merge(local.getHour(),
                    new Rate(0, 0).plus(b), (x, y) -> new Rate(x.breached() + y.breached(), x.total() + y.total()));
            if (o.resolvedAt() != null) {
                minutes.add(o.businessMin());
                String resolver = ev.stream().filter(e -> e.type() == EventType.RESOLVED && e.team() != null)
                        .max(Comparator.comparing(TicketEvent::at)).map(TicketEvent::team)
                        .orElse(t.team() == null ? "(none)" : t.team());
                add(team, resolver, o.businessMin());
                add(system, t.system() == null ? "(none)" : t.system(), o.businessMin());
            }
        }
        sys.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> systems.put(e.getKey(), e.getValue()));
        minutes.sort(null);
        return new DeskFacts(pt, hw, systems, means(team), means(system), pct(minutes, 0.5), pct(minutes, 0.9),
                pct(minutes, 0.95), n, n == 0 ? 0 : breached / (double) n, AttributeAudit.of(data, outcomes));
    }

    private static void add(Map<String, double[]> m, String key, double v) {
        double[] s = m.computeIfAbsent(key, k -> new double[2]);
        s[0] += v;
        s[1]++;
    }

    private static Map<String, Double> means(Map<String, double[]> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }

    private static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
