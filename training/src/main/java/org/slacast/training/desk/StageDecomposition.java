package org.slacast.training.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.policy.Metric;

/**
 * Where the time goes until a metric stops: per highest tier reached and category, the business minutes spent in
 * each status at p50, p90 and p95, and the stage that drives the tail: of the stages the clock runs in, the one
 * holding the largest share of the minutes of the slowest 5% of tickets, slowest by the clock's own minutes (as
 * the "Operational Bottleneck" analysis finds Investigation → Review/QA dominating Tier 3's tail). Shares are of
 * every minute, paused ones included, so that they add up to the whole.
 *
 * @param metric resolution or first_response
 * @param groups every ticket first, then each tier, then each tier and category with at least
 *               {@link #MIN_TICKETS} tickets
 */
public record StageDecomposition(String metric, List<Group> groups) {
    /** Fewer tickets than this make a tier-and-category group too noisy to show. */
    public static final int MIN_TICKETS = 30;
    /** A group's whole, in place of a tier or category. */
    public static final String ALL = "all";

    /**
     * @param status    the status
     * @param paused    whether a policy pauses the SLA clock in it
     * @param visits    tickets that spent time in it
     * @param p50       median minutes among those tickets
     * @param p90       90th percentile
     * @param p95       95th percentile
     * @param share     its share of all the group's minutes
     * @param tailShare its share of the minutes of the group's slowest 5%, slowest by the clock
     */
    public record Stage(String status, boolean paused, long visits, double p50, double p90, double p95, double share,
                        double tailShare) {
    }

    /**
     * @param tier     highest tier reached, or {@value #ALL}
     * @param category the category, or {@value #ALL}
     * @param tickets  tickets whose metric stopped
     * @param p95      the 95th percentile of their minutes outside paused statuses
     * @param stages   by status, the largest share first
     * @param driver   the status the clock runs in with the largest share of the tail's minutes
     */
    public record Group(String tier, String category, long tickets, double p95, List<Stage> stages, String driver) {
    }

    /**
     * @param times  each ticket's stage times
     * @param metric the metric whose stages are counted
     * @param paused which statuses pause the clock
     * @return the decomposition; tickets whose metric still runs are left out
     */
    public static StageDecomposition of(List<StageTimes> times, Metric metric, Predicate<String> paused) {
        Map<List<String>, List<Map<String, Double>>> byKey = new LinkedHashMap<>();
        Map<List<String>, List<Map<String, Double>>> detail = new TreeMap<>(Comparator.comparing(
                (List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (StageTimes t : times) {
            Map<String, Double> m = t.of(metric);
            if (m == null) {
                continue;
            }
            String tier = t.reached().name();
            String category = t.ticket().category() == null ? "(none)" : t.ticket().category();
            byKey.computeIfAbsent(List.of(ALL, ALL), k -> new ArrayList<>()).add(m);
            detail.computeIfAbsent(List.of(tier, ALL), k -> new ArrayList<>()).add(m);
            detail.computeIfAbsent(List.of(tier, category), k -> new ArrayList<>()).add(m);
        }
        detail.forEach((k, v) -> {
            if (k.get(1).equals(ALL) || v.size() >= MIN_TICKETS) {
                byKey.put(k, v);
            }
        });
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, v) -> groups.add(group(k.get(0), k.get(1), v, paused)));
        return new StageDecomposition(metric.label(), groups);
    }

    private static Group group(String tier, String category, List<Map<String, Double>> tickets,
                               Predicate<String> paused) {
        ToDoubleFunction<Map<String, Double>> running = m -> total(m, paused);
        double[] totals = tickets.stream().mapToDouble(running).sorted().toArray();
        double p95 = SlaSummary.percentile(totals, 95);
        double cut = totals.length == 0 ? 0 : totals[Math.max(0, (int) Math.ceil(0.95 * totals.length) - 1)];
        TreeSet<String> statuses = new TreeSet<>();
        tickets.forEach(m -> statuses.addAll(m.keySet()));
        double all = 0;
        double tail = 0;
        for (Map<String, Double> m : tickets) {
            double t = total(m, x -> false);
            all += t;
            tail += running.applyAsDouble(m) >= cut ? t : 0;
        }
        List<Stage> stages = new ArrayList<>();
        for (String s : statuses) {
            double[] visits = tickets.stream().mapToDouble(m -> m.getOrDefault(s, 0.0)).filter(x -> x > 0).sorted()
                    .toArray();
            double sum = 0;
            double tailSum = 0;
            for (Map<String, Double> m : tickets) {
                double x = m.getOrDefault(s, 0.0);
                sum += x;
                tailSum += running.applyAsDouble(m) >= cut ? x : 0;
            }
            stages.add(new Stage(s, paused.test(s), visits.length, SlaSummary.percentile(visits, 50),
                    SlaSummary.percentile(visits, 90), SlaSummary.percentile(visits, 95), all == 0 ? 0 : sum / all,
                    tail == 0 ? 0 : tailSum / tail));
        }
        stages.sort(Comparator.comparingDouble(Stage::share).reversed().thenComparing(Stage::status));
        String driver = stages.stream().filter(x -> !x.paused()).max(Comparator.comparingDouble(Stage::tailShare)
                .thenComparing(Stage::status, Comparator.reverseOrder())).map(Stage::status).orElse(null);
        return new Group(tier, category, tickets.size(), p95, stages, driver);
    }

    private static double total(Map<String, Double> m, Predicate<String> paused) {
        double t = 0;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            t += paused.test(e.getKey()) ? 0 : e.getValue();
        }
        return t;
    }
}
