package org.slacast.datasets.generate;

import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Streams a generated data set to a directory: native tickets.csv and events.csv, plus agents.csv,
 * root_causes.csv, business_impact.csv and the profile's policy.yaml. Nothing is held in memory.
 */
public final class DatasetWriter implements DeskSink, AutoCloseable {
    private final NativeFormat.Writer nativeFiles;
    private final Writer causesOut;
    private final Writer impactOut;
    private final ICSVWriter causes;
    private final ICSVWriter impact;
    private long tickets;
    private long events;

    /**
     * @param dir the output directory, created if missing
     * @throws UncheckedIOException if it cannot be written
     */
    public DatasetWriter(Path dir) {
        nativeFiles = new NativeFormat.Writer(dir);
        try {
            causesOut = Files.newBufferedWriter(dir.resolve("root_causes.csv"));
            impactOut = Files.newBufferedWriter(dir.resolve("business_impact.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write", e);
        }
        causes = CsvFiles.writer(causesOut);
        impact = CsvFiles.writer(impactOut);
        causes.writeNext(new String[] {"ticket_id", "assigned_team", "engineer", "root_cause_category", "fix_type",
            "is_repeat_incident"}, false);
        impact.writeNext(new String[] {"ticket_id", "system", "failed_transactions", "estimated_financial_loss",
            "affected_region", "uptime_impact_minutes"}, false);
    }

    @Override
    public void ticket(Ticket t) {
        nativeFiles.write(t);
        tickets++;
    }

    @Override
    public void event(TicketEvent e) {
        nativeFiles.write(e);
        events++;
    }

    @Override
    public void rootCause(String ticketId, String team, String engineer, String rootCauseCategory, String fixType,
                          boolean repeatIncident) {
        causes.writeNext(new String[] {ticketId, team, engineer, rootCauseCategory, fixType,
            Boolean.toString(repeatIncident)}, false);
    }

    @Override
    public void impact(String ticketId, String system, long failedTransactions, double estimatedLoss, String region,
                       long uptimeImpactMinutes) {
        impact.writeNext(new String[] {ticketId, system, Long.toString(failedTransactions),
            String.format(Locale.ROOT, "%.2f", estimatedLoss), region, Long.toString(uptimeImpactMinutes)}, false);
    }

    /**
     * Writes agents.csv.
     *
     * @param dir    the output directory
     * @param agents the desk's agents with their shifts
     */
    public static void writeAgents(Path dir, List<DeskSimulation.AgentRow> agents) {
        try (Writer w = Files.newBufferedWriter(dir.resolve("agents.csv")); ICSVWriter csv = CsvFiles.writer(w)) {
            csv.writeNext(new String[] {"agent_id", "name", "team", "tier", "shift", "weekdays", "weekends"}, false);
            for (DeskSimulation.AgentRow a : agents) {
                csv.writeNext(new String[] {a.id(), a.name(), a.team(), a.tier(), a.shift(),
                    Boolean.toString(a.weekdays()), Boolean.toString(a.weekends())}, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write agents.csv", e);
        }
    }

    /** @return tickets written */
    public long tickets() {
        return tickets;
    }

    /** @return events written */
    public long events() {
        return events;
    }

    @Override
    public void close() throws IOException {
        try (nativeFiles; causes; impact) {
            causes.flush();
            impact.flush();
        }
    }
}
