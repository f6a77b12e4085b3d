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
 * Runs the SLA clock over a whole data set, in parallel, and writes one CSV row per ticket × metric, and on
 * request one row per tier visit (stint). A ticket no policy covers is reported as a reject; the others are all
 * written.
 */
public final class SlaRun {
    /** Columns of the per-metric output. */
    public static final List<String> COLUMNS = List.of("ticket_id", "policy", "metric", "priority", "target_minutes",
            "start", "elapsed_business_minutes", "paused_business_minutes", "due_at", "remaining_business_minutes",
            "state", "breached", "breached_at", "completed_at", "band");
    /** Columns of the per-stint output: one row per tier visit. */
    public static final List<String> STINT_COLUMNS = List.of("ticket_id", "policy", "tier", "visit", "priority",
            "entered_at", "left_at", "business_minutes", "paused_business_minutes", "target_minutes", "breached",
            "state");

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
     * @param clampedEvents events dated before their ticket's creation and moved to it when the data was read
     */
    public record Outcome(List<TicketSla> results, List<Reject> rejects, Instant asOf, int clampedEvents) {
        /**
         * An outcome with no clamped events.
         *
         * @param results one per ticket that a policy covers
         * @param rejects tickets that no policy covers
         * @param asOf    the instant read at
         */
        public Outcome(List<TicketSla> results, List<Reject> rejects, Instant asOf) {
            this(results, rejects, asOf, 0);
        }
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
        return new Outcome(results, rejects, at, data.clamped());
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

    /**
     * Writes one row per tier visit: the stints of every OLA metric, each judged against the OLA's target.
     *
     * @param file    the CSV to write
     * @param results clock readings
     */
    public static void writeStints(Path file, List<TicketSla> results) {
        try (Writer w = Files.newBufferedWriter(file); ICSVWriter csv = CsvFiles.writer(w)) {
            csv.writeNext(STINT_COLUMNS.toArray(String[]::new), false);
            for (TicketSla t : results) {
                for (StintReading s : t.stints()) {
                    csv.writeNext(new String[] {t.ticket().id(), t.policy().name(), s.tier().name(),
                        Integer.toString(s.visit()), s.priority().label(), s.entered().toString(), str(s.left()),
                        minutes(s.elapsed().toMillis()), minutes(s.paused().toMillis()),
                        s.target() == null ? "" : minutes(s.target().toMillis()),
                        Boolean.toString(s.breached()), s.state().label()}, false);
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
