package org.slacast.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slacast.core.BadInputException;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.band.RiskBand;
import org.slacast.core.band.TaskDate;
import org.slacast.core.csv.Reject;
import org.slacast.core.health.DeskHealth;
import org.slacast.core.health.HealthReading;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.serving.dashboard.HealthPages;
import org.slacast.serving.dashboard.Html;
import org.slacast.serving.dashboard.SnapshotFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast snapshot}: the desk's health for one day, as CSV, JSON and a short HTML page. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = {
    "Write the desk's health for a day: open tickets by SLA band, at-risk items by team, the day's breaches, the "
        + "breach-rate trend over 30 days with its 7-day average, backlog (opened against closed), teams, top "
        + "systems and chronic ones (more than 10 breaches in 30 days), and the hour x weekday heatmap.",
    "Also counts a seed-style checkpoint list's bands (--tasks, as 'sla classify' reads it).",
    "", "Examples:",
    "  slacast snapshot --store jdbc:duckdb:demo/desk.duckdb --policy demo/data/policy.yaml --as-of 2025-06-30",
    "  slacast snapshot --tasks docs/examples/tasks.csv --as-of 2026-03-10 --out snapshots"})
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TicketSourceOptions source;

    @Option(names = "--tasks", paramLabel = "FILE", description = "A checkpoint/task list instead of tickets.")
    private Path tasks;

    @Option(names = "--policy", paramLabel = "FILE", description = "SLA policy YAML file (required with tickets).")
    private Path policy;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = {"The day (yyyy-MM-dd: as of its "
        + "end, or now if that is earlier) or an instant (2026-03-10T12:00:00Z)."})
    private String asOf;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = ZoneConverter.class,
            description = "Zone whose days and hours are counted (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "resolution",
            description = "The SLA metric counted: resolution or first_response (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--at-risk-within", paramLabel = "LEAD", defaultValue = "2d",
            description = "With --tasks: an open item due within this lead is at risk (default: ${DEFAULT-VALUE}).")
    private String within;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "snapshots",
            description = "Directory the files go to (default: ${DEFAULT-VALUE}).")
    private Path out;

    /** Creates the command. */
    public SnapshotCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        List<Path> written = tasks != null ? tasks() : tickets();
        written.forEach(p -> spec.commandLine().getOut().println("snapshot -> " + p));
        return 0;
    }

    private List<Path> tickets() {
        if (policy == null) {
            throw new UsageException("Missing required option: '--policy=FILE' (or give --tasks FILE)");
        }
        Instant at = instant();
        Metric m = metricOf();
        DeskHealth h = HealthReading.of(source.load(), PolicyFile.load(policy), m, at, zone);
        String stem = "snapshot-" + h.day();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("as_of", at.toString());
        header.put("date", h.day().toString());
        header.put("metric", m.label());
        header.put("zone", zone.getId());
        return SnapshotFiles.write(out, stem, header, SnapshotFiles.figures(h),
                HealthPages.document(h, "Desk health on " + h.day()));
    }

    private Metric metricOf() {
        return DeskSource.metric(metric);
    }

    /** A date is its day's end (or now, when earlier); an instant is itself. */
    Instant instant() {
        try {
            LocalDate d = LocalDate.parse(asOf);
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
            Instant now = Instant.now();
            return end.isAfter(now) ? now : end;
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(asOf);
            } catch (DateTimeParseException again) {
                throw new UsageException("--as-of " + asOf + ": give a date (2026-03-10) or an instant "
                        + "(2026-03-10T12:00:00Z)");
            }
        }
    }

    private List<Path> tasks() {
        if (!(AtRiskThreshold.parse(within) instanceof AtRiskThreshold.Lead lead)) {
            throw new BadInputException("--at-risk-within: task lists need a lead time such as 2d or 4h, not '"
                    + within + "'");
        }
        TaskDate at = TaskDate.parse(asOf, zone);
        Map<RiskBand, Long> bands = new EnumMap<>(RiskBand.class);
        Map<String, Long> atRisk = new LinkedHashMap<>();
        List<Reject> rejects = new ArrayList<>();
        ClassifyCommand.read(tasks, at, lead, zone, rejects, (item, band, row) -> {
            bands.merge(band, 1L, Long::sum);
            if (band == RiskBand.AT_RISK || band == RiskBand.OVERDUE) {
                atRisk.merge(item.owner() == null ? "(none)" : item.owner(), 1L, Long::sum);
            }
        });
        if (!rejects.isEmpty()) {
            spec.commandLine().getErr().printf("%d rows left out; first: %s%n", rejects.size(), rejects.getFirst());
        }
        List<SnapshotFiles.Figure> figures = new ArrayList<>();
        for (RiskBand b : RiskBand.values()) {
            figures.add(new SnapshotFiles.Figure("band", b.label(), "items", bands.getOrDefault(b, 0L)));
        }
        atRisk.forEach((k, v) -> figures.add(new SnapshotFiles.Figure("at_risk_by_owner", k, "items", v)));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("as_of", asOf);
        header.put("tasks", tasks.toString());
        return SnapshotFiles.write(out, "snapshot-" + asOf.replaceAll("[^0-9A-Za-z-]", "_"), header, figures,
                taskPage(figures));
    }

    private String taskPage(List<SnapshotFiles.Figure> figures) {
        List<List<String>> rows = figures.stream().map(f -> List.of(f.section(), f.name(), String.valueOf(f.value())))
                .toList();
        return new Html().raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").text(
                "Checkpoints on " + asOf).raw("</title></head><body><h1>").text("Checkpoints on " + asOf)
                .raw("</h1>").table("bands", List.of("section", "name", "items"), rows).raw("</body></html>")
                .toString();
    }
}
