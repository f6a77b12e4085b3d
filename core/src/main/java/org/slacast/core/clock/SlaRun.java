package org.slacast.core.clock;

import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;

/**
 * Runs the SLA clock over a whole data set, in parallel, and writes one CSV row per ticket × metric.
 * A ticket no policy covers is reported as a reject; the others are all written.
 */
public final class SlaRun {
    /** Columns of the per-metric output. */
    public static final List<String> COLUMNS = List.of("ticket_id", "policy", "metric", "priority", "target_minutes",
            "start", "elapsed_business_minutes", "paused_business_minutes", "due_at", "remaining_business_minutes",
            "state", "breached", "breached_at", "completed_at", "band");

    private final SlaClock clock = new SlaClock();

    /** Creates a run. */
    public SlaRun() {
        // no state beyond the clock
    }

    /**
     * The outcome of a run.
     *
     * @param results one per ticket that a policy covers, in input order
     * @param rejects tickets that no policy covers
     * @param asOf    the instant read at
     */
    public record Outcome(List<TicketSla> results, List<Reject> rejects, Instant asOf) {
    }

    /**
     * @param data     tickets and events
     * @param policies the policy set
     * @param asOf     the instant to read at, or null for the latest instant in the data
     *                 ({@link SlaClock#latestInstant}), so that a historical export reads the same every time
     * @return the clock readings
     */
    public Outcome run(TicketData data, PolicySet policies, Instant asOf) {
        Instant at = asOf != null ? asOf : SlaClock.latestInstant(data.tickets(), data.events());
        List<Ticket> tickets = data.tickets();
        TicketSla[] out = new TicketSla[tickets.size()];
        String[] errors = new String[tickets.size()];
        IntStream.range(0, tickets.size()).parallel().forEach(i -> {
            Ticket t = tickets.get(i);
            try {
                SlaPolicy p = policies.select(t);
                out[i] = clock.measure(t, data.eventsOf(t.id()), p, at);
            } catch (IllegalArgumentException | IllegalStateException e) {
                errors[i] = e.getMessage();
            }
        });
        List<TicketSla> results = new ArrayList<>(tickets.size());
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null) {
                results.add(out[i]);
            } else {
                rejects.add(new Reject("ticket " + tickets.get(i).id(), 0, "", errors[i]));
            }
        }
        return new Outcome(results, rejects, at);
    }

    /**
     * Writes one row per ticket × metric.
     *
     * @param file    the CSV to write
     * @param results clock readings
     */
    public static void write(Path file, List<TicketSla> results) {
        try (Writer w = Files.newBufferedWriter(file); ICSVWriter csv = CsvFiles.writer(w)) {
            csv.writeNext(COLUMNS.toArray(String[]::new), false);
            for (TicketSla t : results) {
                for (MetricStatus m : t.metrics()) {
                    csv.writeNext(row(t, m), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write", e);
        }
    }

    private static String[] row(TicketSla t, MetricStatus m) {
        return new String[] {t.ticket().id(), t.policy().name(), m.metric().label(), m.priority().label(),
            m.target() == null ? "" : minutes(m.target().toMillis()), m.start().toString(),
            minutes(m.elapsed().toMillis()), minutes(m.paused().toMillis()), str(m.dueAt()),
            m.remaining() == null ? "" : minutes(m.remaining().toMillis()), m.state().label(),
            Boolean.toString(m.breached()), str(m.breachedAt()), str(m.completedAt()),
            BandClassifier.of(m, t.policy().atRisk(), t.asOf()).label()};
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /**
     * @param millis a duration in ms
     * @return minutes with up to two decimals, e.g. {@code 90}, {@code 12.5}
     */
    public static String minutes(long millis) {
        double m = Math.round(millis / 600.0) / 100.0;
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }
}
