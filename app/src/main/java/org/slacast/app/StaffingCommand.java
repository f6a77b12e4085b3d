package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slacast.core.cost.CostFile;
import org.slacast.core.cost.CostModel;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.ticket.Tier;
import org.slacast.training.desk.Roster;
import org.slacast.training.desk.Scenario;
import org.slacast.training.desk.StaffingPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast staffing}: agents needed per hour of the week by Erlang C, beside the roster. */
@Command(name = "staffing", mixinStandardHelpOptions = true, description = {
    "Agents needed in each hour of the week by Erlang C, for a service level, from the arrival rates and the "
        + "handle time measured on the data; set beside the roster (agents.csv) as a gap, with the shift whose "
        + "arrivals lose the most penalty to breaches.",
    "", "Example:",
    "  slacast staffing --data demo/data --policy demo/data/policy.yaml --service-level 80%% --answer-within 1h"})
public final class StaffingCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private DeskSource source;

    @Option(names = "--roster", paramLabel = "FILE", description = {"Who is on duty (agents.csv's columns: agent_id, "
        + "shift, weekdays, weekends). Default: agents.csv beside --data's tickets, when there is one."})
    private Path roster;

    @Option(names = "--service-level", defaultValue = "80%", paramLabel = "SHARE",
            description = "Share of tickets to answer within --answer-within (default: ${DEFAULT-VALUE}).")
    private String serviceLevel;

    @Option(names = "--answer-within", defaultValue = "1h", paramLabel = "DURATION", converter =
            DurationConverter.class, description = "The service level's answer time (default: ${DEFAULT-VALUE}).")
    private Duration within;

    @Option(names = "--handle-time", paramLabel = "DURATION", converter = DurationConverter.class, description = {
        "Mean handle time per ticket. Default: measured, as the median business minutes that tickets resolved in "
            + "--tier spent in --work-status (the median, because a log's working statuses hold waits too)."})
    private Duration handle;

    @Option(names = "--tier", defaultValue = "L1", paramLabel = "TIER", description = {"The line sized: L1, which "
        + "every ticket reaches first (its roster's L1 agents; the handle time of tickets resolved there), or all "
        + "(default: ${DEFAULT-VALUE})."})
    private String tier;

    @Option(names = "--work-status", defaultValue = "in_progress", split = ",", paramLabel = "STATUS",
            description = "Statuses in which an agent works the ticket (default: ${DEFAULT-VALUE}).")
    private List<String> work;

    @Option(names = "--metric", defaultValue = "resolution", paramLabel = "METRIC",
            description = "The metric whose breaches each shift loses (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--cost", paramLabel = "FILE", description = "Cost file for the penalties (default: the defaults).")
    private Path costFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write staffing.csv and shifts.csv here.")
    private Path out;

    /** Creates the command. */
    public StaffingCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        double target = WhatIfCommand.share(serviceLevel, "--service-level");
        TicketData data = source.load();
        Scenario.Desk desk = source.desk(data);
        CostModel cost = costFile == null ? CostModel.defaults() : CostFile.load(costFile).cost();
        double handleMinutes = handle != null ? handle.toMillis() / 60_000.0 : measuredHandle(desk);
        Roster r = rosterOf();
        StaffingPlan plan = StaffingPlan.of(desk.cases(metricOf()), desk::zone, t -> cost.penalty(t.priority(),
                t.contract(), t.customer()), handleMinutes, within.toMillis() / 60_000.0, target, r);
        PrintWriter w = spec.commandLine().getOut();
        String from = handle != null ? "given"
                : "median in " + String.join(", ", work) + (firstLine() ? " of tickets resolved in L1" : "");
        w.printf(Locale.ROOT, "Erlang C (%s) for %s of tickets answered within %s; handle time %.1f business "
                + "minutes (%s); arrivals over %.1f weeks%n", firstLine() ? "L1" : "all tiers",
                ScenarioCommand.pct(target), within, handleMinutes, from, plan.weeks());
        grid(w, plan.rostered() == null ? "Agents required (no roster)" : "Agents on duty minus required (negative: "
                + "short)", plan);
        w.printf("%nShifts by the penalty their arrivals lose to %s breaches%n", metricOf().label());
        w.printf("  %-12s %9s %9s %7s %12s %14s%n", "shift", "tickets", "breaches", "rate", "penalty",
                "short (h/week)");
        for (StaffingPlan.ShiftLoss s : plan.shifts()) {
            w.printf(Locale.ROOT, "  %-12s %,9d %,9d %7s %,12.0f %14.1f%n", s.shift(), s.tickets(), s.breaches(),
                    ScenarioCommand.pct(s.tickets() == 0 ? 0 : s.breaches() / (double) s.tickets()), s.penalty(),
                    s.gapHours());
        }
        plan.shifts().stream().filter(s -> s.gapHours() > 0).max(java.util.Comparator.comparingDouble(
                StaffingPlan.ShiftLoss::gapHours)).ifPresent(s -> w.printf(Locale.ROOT, "The shift gap: %s is %.0f "
                + "agent-hours a week short of Erlang C; its arrivals lose %,.0f to breaches (%.0f per ticket)%n",
                s.shift(), s.gapHours(), s.penalty(), s.tickets() == 0 ? 0 : s.penalty() / s.tickets()));
        if (out != null) {
            write(plan);
        }
        return 0;
    }

    private Metric metricOf() {
        return DeskSource.metric(metric);
    }

    private double measuredHandle(Scenario.Desk desk) {
        Set<String> statuses = new HashSet<>();
        work.forEach(s -> statuses.add(s.strip().toLowerCase(Locale.ROOT)));
        double median = StaffingPlan.medianHandle(desk.stages(), statuses, firstLine());
        if (Double.isNaN(median)) {
            throw new UsageException("no resolved ticket spent time in " + work + "; give --handle-time or "
                    + "--work-status");
        }
        return median;
    }

    private boolean firstLine() {
        return switch (tier.strip().toUpperCase(Locale.ROOT)) {
            case "L1" -> true;
            case "ALL" -> false;
            default -> throw new UsageException("--tier " + tier + ": give L1 or all");
        };
    }

    private Roster rosterOf() {
        Path beside = source.dataDir() == null ? null : source.dataDir().resolve("agents.csv");
        Path file = roster != null ? roster : beside != null && Files.isRegularFile(beside) ? beside : null;
        if (file == null) {
            return null;
        }
        Roster all = Roster.load(file);
        return firstLine() ? all.inTier(Tier.L1, file) : all;
    }

    private static void grid(PrintWriter w, String title, StaffingPlan plan) {
        w.printf("%n%s, by weekday and local hour%n     ", title);
        for (int h = 0; h < 24; h++) {
            w.printf("%4d", h);
        }
        w.println();
        for (int d = 0; d < 7; d++) {
            w.printf("  %s", DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ROOT));
            for (int h = 0; h < 24; h++) {
                double v = plan.rostered() == null ? plan.required()[d][h]
                        : plan.rostered()[d][h] - plan.required()[d][h];
                w.printf(Locale.ROOT, "%4.0f", v);
            }
            w.println();
        }
    }

    private void write(StaffingPlan plan) {
        CsvFiles.write(out.resolve("staffing.csv"), csv -> {
            csv.writeNext(new String[] {"weekday", "hour", "arrivals", "required", "rostered", "gap"}, false);
            for (int d = 0; d < 7; d++) {
                for (int h = 0; h < 24; h++) {
                    boolean rostered = plan.rostered() != null;
                    double on = rostered ? plan.rostered()[d][h] : Double.NaN;
                    csv.writeNext(new String[] {DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ROOT),
                        String.valueOf(h), num(plan.arrivals()[d][h]), String.valueOf(plan.required()[d][h]),
                        rostered ? num(on) : "", rostered ? num(on - plan.required()[d][h]) : ""}, false);
                }
            }
        });
        CsvFiles.write(out.resolve("shifts.csv"), csv -> {
            csv.writeNext(new String[] {"shift", "tickets", "breaches", "penalty", "short_hours_per_week"}, false);
            for (StaffingPlan.ShiftLoss s : plan.shifts()) {
                csv.writeNext(new String[] {s.shift(), String.valueOf(s.tickets()), String.valueOf(s.breaches()),
                    num(s.penalty()), num(s.gapHours())}, false);
            }
        });
        spec.commandLine().getOut().println("tables -> " + out.resolve("staffing.csv") + ", "
                + out.resolve("shifts.csv"));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
