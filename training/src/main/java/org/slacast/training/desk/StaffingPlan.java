package org.slacast.training.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.slacast.core.BadInputException;
import org.slacast.core.ticket.Ticket;

/**
 * Agents needed in each hour of the week by Erlang C, from the arrival rates and handle time measured on the data,
 * for a service level (a share of tickets answered within a time), beside the roster; and the shift that loses the
 * most penalty to breaches, as the "SLA Optimization Engine" seed's shift gap.
 *
 * @param handleMinutes the mean handle time used
 * @param answerMinutes the answer time of the service level
 * @param target        the share to answer within it
 * @param weeks         the weeks the arrivals were counted over
 * @param arrivals      mean arrivals in each hour of the week, [weekday 0 = Monday][local hour]
 * @param required      agents Erlang C requires there
 * @param rostered      agents on duty there, or null without a roster
 * @param shifts        each shift with the breaches of the tickets that arrived in it, most penalty first
 */
public record StaffingPlan(double handleMinutes, double answerMinutes, double target, double weeks,
                           double[][] arrivals, int[][] required, double[][] rostered, List<ShiftLoss> shifts) {

    /**
     * @param shift     the shift, {@code HH:MM-HH:MM}
     * @param tickets   tickets that arrived in it
     * @param breaches  their breaches
     * @param penalty   the breaches' penalty
     * @param gapHours  agent-hours a week it is short of what Erlang C requires; 0 without a roster
     */
    public record ShiftLoss(String shift, long tickets, long breaches, double penalty, double gapHours) {
    }

    /**
     * @param cases         tickets with their outcome
     * @param zone          each ticket's zone
     * @param penalty       each breached ticket's penalty
     * @param handleMinutes the mean handle time
     * @param answerMinutes the answer time
     * @param target        the share answered within it, in (0, 1)
     * @param roster        who is on duty, or null
     * @return the plan
     */
    public static StaffingPlan of(List<SegmentTests.Case> cases, Function<Ticket, ZoneId> zone,
                                  ToDoubleFunction<Ticket> penalty, double handleMinutes, double answerMinutes,
                                  double target, Roster roster) {
        if (!(handleMinutes > 0) || !(answerMinutes >= 0) || !(target > 0 && target < 1)) {
            throw new BadInputException("staffing needs a handle time above 0, an answer time of 0 or more and a "
                    + "service level between 0% and 100%");
        }
        if (cases.isEmpty()) {
            throw new BadInputException("staffing: no tickets to measure arrivals on");
        }
        Instant first = cases.stream().map(c -> c.ticket().createdAt()).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = cases.stream().map(c -> c.ticket().createdAt()).max(Comparator.naturalOrder()).orElseThrow();
        double weeks = Math.max(1, Duration.between(first, last).toMinutes() / (7 * 24 * 60.0));
        double[][] arrivals = new double[7][24];
        for (SegmentTests.Case c : cases) {
            ZonedDateTime local = c.ticket().createdAt().atZone(zone.apply(c.ticket()));
            arrivals[local.getDayOfWeek().getValue() - 1][local.getHour()] += 1 / weeks;
        }
        int[][] required = new int[7][24];
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                required[d][h] = ErlangC.agentsFor(arrivals[d][h] * handleMinutes / 60, handleMinutes, answerMinutes,
                        target);
            }
        }
        double[][] rostered = roster == null ? null : roster.onDuty();
        List<Roster.Agent> windows = new ArrayList<>();
        if (roster != null) {
            roster.shifts().forEach(s -> windows.add(roster.agents().stream().filter(a -> a.shift().equals(s))
                    .findFirst().map(a -> new Roster.Agent(s, null, a.start(), a.end(), true, true)).orElseThrow()));
        } else {
            windows.add(new Roster.Agent("06:00-14:00", null, 360, 840, true, true));
            windows.add(new Roster.Agent("14:00-22:00", null, 840, 1320, true, true));
            windows.add(new Roster.Agent("22:00-06:00", null, 1320, 360, true, true));
        }
        List<ShiftLoss> shifts = new ArrayList<>();
        for (Roster.Agent w : windows) {
            shifts.add(loss(w, cases, zone, penalty, required, rostered));
        }
        shifts.sort(Comparator.comparingDouble(ShiftLoss::penalty).reversed().thenComparing(ShiftLoss::shift));
        return new StaffingPlan(handleMinutes, answerMinutes, target, weeks, arrivals, required, rostered, shifts);
    }

    /**
     * The handle time a log shows: the median business minutes resolved tickets spent in the working statuses.
     * The median, because a log's working statuses also hold waits in an agent's queue.
     *
     * @param times     each ticket's stage times
     * @param statuses  the working statuses, lower case
     * @param firstLine whether only tickets resolved in L1 count
     * @return the median, or NaN when no resolved ticket spent time in them
     */
    public static double medianHandle(List<StageTimes> times, java.util.Set<String> statuses, boolean firstLine) {
        List<Double> minutes = new ArrayList<>();
        for (StageTimes t : times) {
            if (t.resolution() == null || firstLine && t.reached() != org.slacast.core.ticket.Tier.L1) {
                continue;
            }
            double sum = 0;
            for (var e : t.resolution().entrySet()) {
                sum += statuses.contains(e.getKey()) ? e.getValue() : 0;
            }
            if (sum > 0) {
                minutes.add(sum);
            }
        }
        minutes.sort(null);
        return minutes.isEmpty() ? Double.NaN : minutes.get((minutes.size() - 1) / 2);
    }

    private static ShiftLoss loss(Roster.Agent window, List<SegmentTests.Case> cases, Function<Ticket, ZoneId> zone,
                                  ToDoubleFunction<Ticket> penalty, int[][] required, double[][] rostered) {
        long n = 0;
        long breaches = 0;
        double lost = 0;
        for (SegmentTests.Case c : cases) {
            ZonedDateTime local = c.ticket().createdAt().atZone(zone.apply(c.ticket()));
            if (window.minutesIn(local.getDayOfWeek().getValue(), local.getHour()) > 0) {
                n++;
                breaches += c.breached() ? 1 : 0;
                lost += c.breached() ? penalty.applyAsDouble(c.ticket()) : 0;
            }
        }
        double gap = 0;
        for (int d = 0; rostered != null && d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                double share = window.minutesIn(d + 1, h) / 60.0;
                gap += share * Math.max(0, required[d][h] - rostered[d][h]);
            }
        }
        return new ShiftLoss(window.id(), n, breaches, lost, gap);
    }
}
