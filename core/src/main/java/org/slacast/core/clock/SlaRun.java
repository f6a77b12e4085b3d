package org.slacast.core.clock;

import org.slacast.core.ticket.InstantText;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.stream.TicketStream;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

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
        Reading[] readings = measure(tickets.size(), i -> tickets.get(i), i -> data.eventsOf(tickets.get(i).id()),
                policies, at, false);
        List<TicketSla> results = new ArrayList<>(tickets.size());
        List<Reject> rejects = new ArrayList<>();
        for (Reading r : readings) {
            r.to(results::add, rejects);
        }
        return new Outcome(results, rejects, at, data.clamped());
    }

    /**
     * The outcome of a streamed run: the readings went to the sink as they were made, and only their summary is
     * kept.
     *
     * @param results readings made, one per ticket that a policy covers
     * @param rejects tickets that no policy covers, in input order
     * @param asOf    the instant read at
     * @param summary the summary of the readings, as {@link SlaSummary#of(Outcome)} makes it
     */
    public record Streamed(int results, List<Reject> rejects, Instant asOf, SlaSummary summary) {
    }

    /**
     * Runs the clock one part of the tickets at a time (each part in parallel), handing each reading to
     * {@code sink} in input order, so that only one part's events and readings are in memory at once. The
     * readings, the rejects and the summary are the ones {@link #run(TicketData, PolicySet, Instant)} gives.
     *
     * @param data     tickets and events, read once
     * @param policies the policy set
     * @param asOf     the instant to read at, or null for the latest instant in the data
     * @param sink     receives each reading, in input order, on one thread (not the caller's)
     * @return the counts, rejects and summary
     */
    public Streamed run(TicketStream data, PolicySet policies, Instant asOf, Consumer<TicketSla> sink) {
        Instant at = asOf != null ? asOf : SlaClock.orNow(data.latest());
        SlaSummary.Tallies tallies = new SlaSummary.Tallies();
        List<Reject> rejects = new ArrayList<>();
        int[] results = {0};
        Consumer<TicketSla> each = t -> {
            results[0]++;
            tallies.add(t);
            sink.accept(t);
        };
        // One part's readings are written while the next part is read back and measured.
        try (ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "sla-writer"))) {
            Future<?>[] writing = {CompletableFuture.completedFuture(null)};
            data.forEachBatch(groups -> {
                Reading[] readings = measure(groups.size(), i -> groups.get(i).ticket(), i -> groups.get(i).events(),
                        policies, at, true);
                await(writing[0]);
                writing[0] = writer.submit(() -> {
                    for (Reading r : readings) {
                        r.to(each, rejects);
                    }
                });
            });
            await(writing[0]);
        }
        return new Streamed(results[0], rejects, at, tallies.summary(at.toString(), data.clamped()));
    }

    /** Waits for a part's writing, and throws what it threw. */
    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing readings", e);
        }
    }

    /** One ticket's reading, or why there is none. */
    private record Reading(Ticket ticket, TicketSla sla, String error) {
        void to(Consumer<TicketSla> results, List<Reject> rejects) {
            if (sla != null) {
                results.accept(sla);
            } else {
                rejects.add(new Reject("ticket " + ticket.id(), 0, "", error));
            }
        }
    }

    private Reading[] measure(int n, IntFunction<Ticket> ticket, IntFunction<List<TicketEvent>> events,
                              PolicySet policies, Instant at, boolean distinct) {
        Reading[] out = new Reading[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Ticket t = ticket.apply(i);
            try {
                SlaPolicy p = policies.select(t);
                out[i] = new Reading(t, clock.measure(t, events.apply(i), p, at, distinct), null);
            } catch (IllegalArgumentException | IllegalStateException e) {
                out[i] = new Reading(t, null, e.getMessage());
            }
        });
        return out;
    }

    /**
     * Writes one row per ticket × metric.
     *
     * @param file    the CSV to write
     * @param results clock readings
     */
    public static void write(Path file, List<TicketSla> results) {
        try (Output o = new Output(file, null)) {
            results.forEach(o::add);
        }
    }

    /**
     * Writes one row per tier visit: the stints of every OLA metric, each judged against the OLA's target.
     *
     * @param file    the CSV to write
     * @param results clock readings
     */
    public static void writeStints(Path file, List<TicketSla> results) {
        try (Output o = new Output(null, file)) {
            results.forEach(o::add);
        }
    }

    /**
     * Writes readings as they come: one row per ticket × metric to one file, and one row per tier visit of every
     * OLA metric (each judged against the OLA's target) to another.
     */
    public static final class Output implements Closeable {
        private final Path file;
        private final Path stintsFile;
        private final ICSVWriter metrics;
        private final ICSVWriter stints;

        /**
         * @param file       the per-metric CSV, or null for none
         * @param stintsFile the per-stint CSV, or null for none
         * @throws UncheckedIOException if a file cannot be written
         */
        public Output(Path file, Path stintsFile) {
            this.file = file;
            this.stintsFile = stintsFile;
            this.metrics = open(file, COLUMNS);
            try {
                this.stints = open(stintsFile, STINT_COLUMNS);
            } catch (UncheckedIOException e) {
                close(metrics, file);
                throw e;
            }
        }

        private static ICSVWriter open(Path f, List<String> columns) {
            if (f == null) {
                return null;
            }
            try {
                ICSVWriter csv = CsvFiles.writer(Files.newBufferedWriter(f));
                csv.writeNext(columns.toArray(String[]::new), false);
                return csv;
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": cannot write", e);
            }
        }

        /** @param t one ticket's readings */
        public void add(TicketSla t) {
            if (metrics != null) {
                for (MetricStatus m : t.metrics()) {
                    metrics.writeNext(row(t, m), false);
                }
            }
            if (stints != null) {
                for (StintReading s : t.stints()) {
                    stints.writeNext(stintRow(t, s), false);
                }
            }
        }

        @Override
        public void close() {
            try {
                close(metrics, file);
            } finally {
                close(stints, stintsFile);
            }
        }

        private static void close(ICSVWriter csv, Path f) {
            if (csv == null) {
                return;
            }
            try {
                csv.close();
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": cannot write", e);
            }
        }
    }

    private static String[] stintRow(TicketSla t, StintReading s) {
        return new String[] {t.ticket().id(), t.policy().name(), s.tier().name(),
            Integer.toString(s.visit()), s.priority().label(), InstantText.format(s.entered()), str(s.left()),
            minutes(s.elapsed().toMillis()), minutes(s.paused().toMillis()),
            s.target() == null ? "" : minutes(s.target().toMillis()),
            Boolean.toString(s.breached()), s.state().label()};
    }

    private static String[] row(TicketSla t, MetricStatus m) {
        return new String[] {t.ticket().id(), t.policy().name(), m.metric().label(), m.priority().label(),
            m.target() == null ? "" : minutes(m.target().toMillis()), InstantText.format(m.start()),
            minutes(m.elapsed().toMillis()), minutes(m.paused().toMillis()), str(m.dueAt()),
            m.remaining() == null ? "" : minutes(m.remaining().toMillis()), m.state().label(),
            Boolean.toString(m.breached()), str(m.breachedAt()), str(m.completedAt()),
            BandClassifier.of(m, t.policy().atRisk(), t.asOf()).label()};
    }

    private static String str(Instant at) {
        return at == null ? "" : InstantText.format(at);
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
