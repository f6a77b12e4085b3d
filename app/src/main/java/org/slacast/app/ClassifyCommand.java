package org.slacast.app;

import org.slacast.core.BadInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.ICSVWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.band.RiskBand;
import org.slacast.core.band.TaskDate;
import org.slacast.core.band.TaskItem;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.RowException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slacast sla classify}: risk bands for a checkpoint/task list with explicit due dates. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Put each item of a task list (task_id,owner,checkpoint,status,due_date,completed_at,priority) "
                + "into a band: on_track, at_risk, overdue, completed_on_time, completed_late, paused, not_active or "
                + "no_target.", "", "Example:",
            "  slacast sla classify core/src/test/resources/tasks.csv --as-of 2026-03-10 --at-risk-within 2d"})
public final class ClassifyCommand implements Callable<Integer> {
    static final List<String> REQUIRED = List.of("task_id", "status", "due_date");

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TASKS.csv", description = "The task list.")
    private Path tasks;

    @Option(names = "--as-of", required = true, paramLabel = "DATE",
            description = "Date (yyyy-MM-dd, yyyy/MM/dd, dd-MM-yyyy, MM/dd/yyyy) or date-time to judge at.")
    private String asOf;

    @Option(names = "--at-risk-within", paramLabel = "LEAD", defaultValue = "2d",
            description = "An open item due within this lead time is at risk, e.g. 2d or 4h (default: ${DEFAULT-VALUE}).")
    private String within;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of date-times without an offset (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV with a band column (default: TASKS-bands.csv in "
            + "the current directory, never beside the input).")
    private Path out;

    @Option(names = "--json", description = "Print the counts as JSON: {\"counts\": {...}, \"total\": n}.")
    private boolean json;

    /** Creates the command. */
    public ClassifyCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() throws Exception {
        if (!(AtRiskThreshold.parse(within) instanceof AtRiskThreshold.Lead lead)) {
            throw new BadInputException("--at-risk-within: task lists need a lead time such as 2d or 4h, not '"
                    + within + "'");
        }
        TaskDate at = TaskDate.parse(asOf, zone);
        Map<RiskBand, Integer> counts = new EnumMap<>(RiskBand.class);
        List<Reject> rejects = new ArrayList<>();
        // The input may sit in a shared or read-only place: by default the bands go to the current directory.
        Path target = out != null ? out : Path.of(SlaCommand.siblingWithSuffix(tasks, "-bands.csv").getFileName()
                .toString());
        try (Writer w = Files.newBufferedWriter(target); ICSVWriter csv = CsvFiles.writer(w)) {
            csv.writeNext(new String[] {"task_id", "owner", "checkpoint", "status", "due_date", "completed_at",
                "priority", "band"}, false);
            read(tasks, at, lead, zone, rejects, (item, band, row) -> {
                counts.merge(band, 1, Integer::sum);
                csv.writeNext(new String[] {item.taskId(), nz(item.owner()), nz(item.checkpoint()),
                    nz(row.get("status")), nz(row.get("due_date")), nz(row.get("completed_at")),
                    nz(item.priority()), band.label()}, false);
            });
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Integer> labelled = new LinkedHashMap<>();
            for (RiskBand b : RiskBand.values()) {
                labelled.put(b.label(), counts.getOrDefault(b, 0));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("counts", labelled);
            doc.put("total", total);
            o.println(new ObjectMapper().writeValueAsString(doc));
        } else {
            for (RiskBand b : RiskBand.values()) {
                o.printf("%-18s %6d%n", b.label(), counts.getOrDefault(b, 0));
            }
            o.printf("%-18s %6d   (bands -> %s)%n", "total", total, target);
        }
        if (!rejects.isEmpty()) {
            Path rf = SlaCommand.siblingWithSuffix(target, ".rejects.csv");
            CsvFiles.writeRejects(rf, rejects);
            spec.commandLine().getErr().printf("%d rows left out, reasons in %s; first: %s%n", rejects.size(), rf,
                    rejects.getFirst());
        }
        return 0;
    }

    /** Told of each task read, with its band and its row. */
    @FunctionalInterface
    interface Banded {
        /**
         * @param item the task
         * @param band its band
         * @param row  its row
         */
        void accept(TaskItem item, RiskBand band, CsvRow row);
    }

    /**
     * Reads a task list and bands each task; a bad row is rejected with its reason.
     *
     * @param tasks   the file
     * @param at      the as-of date or instant
     * @param lead    the at-risk lead
     * @param zone    the zone of date-times without an offset
     * @param rejects where rejected rows go
     * @param each    told of each task
     */
    static void read(Path tasks, TaskDate at, AtRiskThreshold.Lead lead, ZoneId zone, List<Reject> rejects,
                     Banded each) {
        CsvFiles.read(tasks, REQUIRED, row -> {
            try {
                TaskItem item = item(row, zone);
                each.accept(item, BandClassifier.of(item, at, lead), row);
            } catch (RowException e) {
                rejects.add(Reject.of(row, e));
            }
        });
    }

    private static TaskItem item(CsvRow row, ZoneId zone) {
        String id = row.require("task_id");
        TaskDate due = date(row, "due_date", zone);
        TaskDate done = date(row, "completed_at", zone);
        try {
            return new TaskItem(id, row.get("owner"), row.get("checkpoint"), row.get("status"), due, done,
                    row.get("priority"));
        } catch (IllegalArgumentException e) {
            throw new RowException("status", e.getMessage());
        }
    }

    private static TaskDate date(CsvRow row, String column, ZoneId zone) {
        return RowException.parsing(column, row.get(column), v -> TaskDate.parse(v, zone));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
