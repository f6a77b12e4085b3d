package org.slacast.core.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;

/**
 * The tables linked to tickets that the service-delivery cockpit reads: {@code root_causes.csv} (engineer, root
 * cause, fix type, repeat flag) and {@code business_impact.csv} (failed transactions, loss, downtime), as
 * {@code slacast generate} writes them, or the same columns from an export.
 *
 * @param causes  root causes by ticket id
 * @param impacts business impact by ticket id
 */
public record LinkedTables(Map<String, RootCause> causes, Map<String, Impact> impacts) {
    /** Copies the maps. */
    public LinkedTables {
        causes = Map.copyOf(causes);
        impacts = Map.copyOf(impacts);
    }

    /**
     * @param engineer the engineer who fixed it
     * @param category the root cause's category
     * @param fixType  permanent, patch or workaround
     * @param repeat   whether the incident repeats an earlier one
     */
    public record RootCause(String engineer, String category, String fixType, boolean repeat) {
    }

    /**
     * @param system          the system affected
     * @param downtimeMinutes the minutes of downtime it caused
     * @param loss            the estimated financial loss
     */
    public record Impact(String system, long downtimeMinutes, double loss) {
    }

    /**
     * @param dir a directory holding root_causes.csv and business_impact.csv
     * @return the tables
     * @throws BadInputException naming the file and line of a bad row, or a missing file
     */
    public static LinkedTables load(Path dir) {
        Path causesFile = dir.resolve("root_causes.csv");
        Path impactFile = dir.resolve("business_impact.csv");
        for (Path f : List.of(causesFile, impactFile)) {
            if (!Files.isRegularFile(f)) {
                throw new BadInputException("--cockpit " + dir + ": no " + f.getFileName() + "; give the directory "
                        + "'slacast generate' wrote, or one with the same columns");
            }
        }
        Map<String, RootCause> causes = new HashMap<>();
        CsvFiles.read(causesFile, List.of("ticket_id", "engineer", "root_cause_category", "fix_type",
                "is_repeat_incident"), row -> causes.put(row.require("ticket_id"), new RootCause(row.get("engineer"),
                row.get("root_cause_category"), row.get("fix_type"),
                Boolean.parseBoolean(row.get("is_repeat_incident")))));
        Map<String, Impact> impacts = new HashMap<>();
        CsvFiles.read(impactFile, List.of("ticket_id", "system", "uptime_impact_minutes"), row ->
                impacts.put(row.require("ticket_id"), new Impact(row.get("system"), whole(row, "uptime_impact_minutes"),
                        decimal(row, "estimated_financial_loss"))));
        return new LinkedTables(causes, impacts);
    }

    private static long whole(CsvRow row, String column) {
        String v = row.get(column);
        try {
            return v == null || v.isBlank() ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(row.file() + ":" + row.line() + ": " + column + " '" + v + "' is not a whole "
                    + "number of minutes");
        }
    }

    private static double decimal(CsvRow row, String column) {
        String v = row.get(column);
        try {
            return v == null || v.isBlank() ? 0 : Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(row.file() + ":" + row.line() + ": " + column + " '" + v + "' is not a number");
        }
    }
}
