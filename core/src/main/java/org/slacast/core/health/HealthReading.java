package org.slacast.core.health;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.band.RiskBand;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Reads a desk's health: each ticket's clock measured once, as of the instant, from the events known then.
 */
public final class HealthReading {
    private static final String NONE = "(none)";

    private HealthReading() {
    }

    /** One ticket as of the instant: its metric, and the band the metric is in. */
    private record Measured(Ticket ticket, MetricStatus status, RiskBand band) {
        Instant completed() {
            return status == null ? null : status.completedAt();
        }

        Instant breached() {
            return status == null ? null : status.breachedAt();
        }

        boolean late() {
            return status != null && status.completed() && status.breached();
        }
    }

    /**
     * @param data     the desk's tickets and events (those of the last 30 days and every ticket open then)
     * @param policies the SLA policies
     * @param metric   the metric the bands and breaches are of
     * @param asOf     the instant; events after it are not known
     * @param zone     the zone whose days and hours are counted
     * @return the health
     */
    public static DeskHealth of(TicketData data, PolicySet policies, Metric metric, Instant asOf, ZoneId zone) {
        SlaClock clock = new SlaClock();
        LocalDate today = asOf.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(DeskHealth.DAYS - 1L);
        Instant since = first.atStartOfDay(zone).toInstant();
        List<Measured> all = new ArrayList<>();
        for (Ticket t : data.tickets()) {
            if (t.createdAt().isAfter(asOf)) {
                continue;
            }
            List<TicketEvent> known = data.eventsOf(t.id()).stream().filter(e -> !e.at().isAfter(asOf)).toList();
            SlaPolicy policy = policies.select(t);
            MetricStatus m = clock.measure(t, known, policy, asOf).metric(metric).orElse(null);
            RiskBand band = m == null ? RiskBand.NOT_ACTIVE : BandClassifier.of(m, policy.atRisk(), asOf);
            Measured x = new Measured(t, m, band);
            if (!t.createdAt().isBefore(since) || x.completed() == null || !x.completed().isBefore(since)) {
                all.add(x);
            }
        }
        Map<String, Long> bands = new LinkedHashMap<>();
        for (RiskBand b : List.of(RiskBand.ON_TRACK, RiskBand.AT_RISK, RiskBand.OVERDUE, RiskBand.PAUSED,
                RiskBand.NOT_ACTIVE, RiskBand.NO_TARGET)) {
            bands.put(b.label(), all.stream().filter(x -> x.completed() == null && x.band() == b).count());
        }
        Map<String, Long> atRisk = sortedCounts(all.stream().filter(x -> x.completed() == null
                && (x.band() == RiskBand.AT_RISK || x.band() == RiskBand.OVERDUE)).map(x -> name(x.ticket().team()))
                .toList());
        List<DeskHealth.Breach> todays = all.stream().filter(x -> x.breached() != null
                        && x.breached().atZone(zone).toLocalDate().equals(today) && !x.breached().isAfter(asOf))
                .sorted(Comparator.comparing(Measured::breached))
                .map(x -> new DeskHealth.Breach(x.ticket().id(), x.ticket().team(), x.ticket().system(),
                        x.ticket().priority().label(), x.breached())).toList();
        List<Measured> window = all.stream().filter(x -> !x.ticket().createdAt().isBefore(since)
                || (x.completed() != null && !x.completed().isBefore(since))).toList();
        List<DeskHealth.Group> systems = groups(window, since, x -> name(x.ticket().system()));
        systems.sort(Comparator.comparingLong(DeskHealth.Group::breached).reversed()
                .thenComparing(DeskHealth.Group::name));
        List<DeskHealth.Group> teams = groups(window, since, x -> name(x.ticket().team()));
        teams.sort(Comparator.comparingLong(DeskHealth.Group::tickets).reversed().thenComparing(DeskHealth.Group::name));
        List<DeskHealth.Group> chronic = systems.stream().filter(g -> g.breached() > DeskHealth.CHRONIC).toList();
        return new DeskHealth(asOf, today, metric.label(), bands, atRisk, todays, days(all, first, today, zone, asOf),
                teams, systems, chronic, heat(window, since, zone, false), heat(window, since, zone, true));
    }

    private static String name(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    private static Map<String, Long> sortedCounts(List<String> names) {
        Map<String, Long> counts = new HashMap<>();
        names.forEach(n -> counts.merge(n, 1L, Long::sum));
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static List<DeskHealth.Day> days(List<Measured> all, LocalDate first, LocalDate today, ZoneId zone,
                                             Instant asOf) {
        int n = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
        long[] opened = new long[n];
        long[] closed = new long[n];
        long[] late = new long[n];
        long[] breached = new long[n];
        for (Measured x : all) {
            add(opened, first, x.ticket().createdAt(), zone);
            if (x.completed() != null) {
                add(closed, first, x.completed(), zone);
                if (x.late()) {
                    add(late, first, x.completed(), zone);
                }
            }
            if (x.breached() != null && !x.breached().isAfter(asOf)) {
                add(breached, first, x.breached(), zone);
            }
        }
        List<DeskHealth.Day> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate d = first.plusDays(i);
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant cut = end.isAfter(asOf) ? asOf : end;
            long backlog = all.stream().filter(x -> x.ticket().createdAt().isBefore(cut)
                    && (x.completed() == null || !x.completed().isBefore(cut))).count();
            long closed7 = 0;
            long late7 = 0;
            for (int j = Math.max(0, i - 6); j <= i; j++) {
                closed7 += closed[j];
                late7 += late[j];
            }
            out.add(new DeskHealth.Day(d, opened[i], closed[i], backlog, breached[i], rate(late[i], closed[i]),
                    rate(late7, closed7)));
        }
        return out;
    }

    private static void add(long[] counts, LocalDate first, Instant at, ZoneId zone) {
        long i = at.atZone(zone).toLocalDate().toEpochDay() - first.toEpochDay();
        if (i >= 0 && i < counts.length) {
            counts[(int) i]++;
        }
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }

    private static List<DeskHealth.Group> groups(List<Measured> window, Instant since,
                                                 Function<Measured, String> key) {
        Map<String, List<Measured>> by = new HashMap<>();
        window.forEach(x -> by.computeIfAbsent(key.apply(x), k -> new ArrayList<>()).add(x));
        List<DeskHealth.Group> out = new ArrayList<>();
        by.forEach((name, xs) -> {
            long created = xs.stream().filter(x -> !x.ticket().createdAt().isBefore(since)).count();
            List<Measured> done = xs.stream().filter(x -> x.completed() != null && !x.completed().isBefore(since))
                    .toList();
            long late = done.stream().filter(Measured::late).count();
            long breached = xs.stream().filter(x -> x.breached() != null && !x.breached().isBefore(since)).count();
            double mttr = done.stream().mapToDouble(x -> Duration.between(x.ticket().createdAt(), x.completed())
                    .toMillis() / 3_600_000.0).average().orElse(Double.NaN);
            out.add(new DeskHealth.Group(name, created, done.size(), breached, rate(late, done.size()), mttr));
        });
        return out;
    }

    private static long[][] heat(List<Measured> window, Instant since, ZoneId zone, boolean breachesOnly) {
        long[][] grid = new long[7][24];
        for (Measured x : window) {
            if (x.ticket().createdAt().isBefore(since) || (breachesOnly && x.breached() == null)) {
                continue;
            }
            ZonedDateTime at = x.ticket().createdAt().atZone(zone);
            grid[at.getDayOfWeek().getValue() - 1][at.getHour()]++;
        }
        return grid;
    }
}
