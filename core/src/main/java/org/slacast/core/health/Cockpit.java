package org.slacast.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * The service-delivery cockpit over the last 30 days: system uptime and the least stable systems, root causes by
 * system, fix types, engineers' volume against resolution time, repeat incidents and the share of tickets that
 * could be automated.
 *
 * @param uptime      per system: uptime share over the 30 days and downtime minutes, least uptime first
 * @param causes      tickets by system, then root cause
 * @param fixTypes    tickets by fix type, most first
 * @param engineers   per engineer: tickets resolved and their mean resolution hours
 * @param repeats     tickets from the same requester on the same system within 24 hours of the one before
 * @param flaggedRepeats tickets the root-cause table flags as repeat incidents
 * @param automatable the share of tickets with a root cause that could be automated (see {@link #automatable})
 * @param tickets     tickets created in the 30 days with a root cause
 */
public record Cockpit(List<Uptime> uptime, Map<String, Map<String, Long>> causes, Map<String, Long> fixTypes,
                      List<Engineer> engineers, long repeats, long flaggedRepeats, double automatable, long tickets) {

    /**
     * @param system   the system
     * @param share    the share of the 30 days it was up
     * @param downtime its downtime minutes
     */
    public record Uptime(String system, double share, long downtime) {
    }

    /**
     * @param name     the engineer
     * @param resolved tickets resolved
     * @param hours    their mean resolution time, in hours
     */
    public record Engineer(String name, long resolved, double hours) {
    }

    /**
     * slacast's rule for a ticket that could be automated: fixed by a workaround (a known manual fix) and either a
     * repeat incident or caused by user error or configuration, which a runbook or self-service can take.
     *
     * @param c the ticket's root cause
     * @return whether it could be automated
     */
    public static boolean automatable(LinkedTables.RootCause c) {
        return "workaround".equals(c.fixType()) && (c.repeat() || "user error".equals(c.category())
                || "configuration".equals(c.category()));
    }

    /**
     * @param data     the desk's tickets and events
     * @param linked   the linked tables
     * @param policies the SLA policies, for resolution times
     * @param asOf     the instant; the 30 days end here
     * @return the cockpit
     */
    public static Cockpit of(TicketData data, LinkedTables linked, PolicySet policies, Instant asOf) {
        Instant since = asOf.minus(Duration.ofDays(DeskHealth.DAYS));
        List<Ticket> window = data.tickets().stream().filter(t -> !t.createdAt().isBefore(since)
                && !t.createdAt().isAfter(asOf)).toList();
        Map<String, Long> downtime = new TreeMap<>();
        Map<String, Map<String, Long>> causes = new TreeMap<>();
        Map<String, Long> fixes = new HashMap<>();
        Map<String, List<Double>> byEngineer = new TreeMap<>();
        long withCause = 0;
        long flagged = 0;
        long auto = 0;
        SlaClock clock = new SlaClock();
        for (Ticket t : window) {
            LinkedTables.Impact impact = linked.impacts().get(t.id());
            if (impact != null && impact.system() != null) {
                downtime.merge(impact.system(), impact.downtimeMinutes(), Long::sum);
            }
            LinkedTables.RootCause c = linked.causes().get(t.id());
            if (c == null) {
                continue;
            }
            withCause++;
            flagged += c.repeat() ? 1 : 0;
            auto += automatable(c) ? 1 : 0;
            causes.computeIfAbsent(t.system() == null ? "(none)" : t.system(), k -> new TreeMap<>())
                    .merge(c.category(), 1L, Long::sum);
            fixes.merge(c.fixType(), 1L, Long::sum);
            List<TicketEvent> known = data.eventsOf(t.id()).stream().filter(e -> !e.at().isAfter(asOf)).toList();
            MetricStatus m = clock.measure(t, known, policies.select(t), asOf).metric(Metric.RESOLUTION).orElse(null);
            if (m != null && m.completedAt() != null && c.engineer() != null) {
                byEngineer.computeIfAbsent(c.engineer(), k -> new ArrayList<>())
                        .add(Duration.between(t.createdAt(), m.completedAt()).toMillis() / 3_600_000.0);
            }
        }
        double minutes = DeskHealth.DAYS * 24 * 60.0;
        List<Uptime> uptime = new ArrayList<>();
        downtime.forEach((s, d) -> uptime.add(new Uptime(s, Math.max(0, 1 - d / minutes), d)));
        uptime.sort(Comparator.comparingLong(Uptime::downtime).reversed().thenComparing(Uptime::system));
        List<Engineer> engineers = new ArrayList<>();
        byEngineer.forEach((e, hs) -> engineers.add(new Engineer(e, hs.size(),
                hs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
        Map<String, Long> fixTypes = new LinkedHashMap<>();
        fixes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> fixTypes.put(e.getKey(), e.getValue()));
        return new Cockpit(uptime, causes, fixTypes, engineers, repeats(window), flagged,
                withCause == 0 ? Double.NaN : auto / (double) withCause, withCause);
    }

    /** Tickets from the same requester on the same system within 24 hours of the one before. */
    private static long repeats(List<Ticket> window) {
        Map<String, TreeSet<Instant>> seen = new HashMap<>();
        long n = 0;
        for (Ticket t : window.stream().sorted(Comparator.comparing(Ticket::createdAt)).toList()) {
            if (t.requester() == null || t.system() == null) {
                continue;
            }
            TreeSet<Instant> before = seen.computeIfAbsent(t.requester() + "\u0000" + t.system(), k -> new TreeSet<>());
            Instant last = before.floor(t.createdAt());
            if (last != null && Duration.between(last, t.createdAt()).compareTo(Duration.ofHours(24)) <= 0) {
                n++;
            }
            before.add(t.createdAt());
        }
        return n;
    }
}
