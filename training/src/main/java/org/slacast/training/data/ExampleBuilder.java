package org.slacast.training.data;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.band.RiskBand;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.SlaClock;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.Checkpoints;
import org.slacast.core.feature.DeskEvents;
import org.slacast.core.feature.DeskState;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.feature.LeakCheck;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/**
 * Takes each ticket's features at its checkpoints, with the desk's history as it stood at each (see
 * {@link DeskState}: a ticket's own arrival is not part of the history at its creation). The clock readings and
 * each ticket's desk events are computed in parallel.
 */
public final class ExampleBuilder {
    private final FeatureExtractor extractor;
    private final PolicySet policies;
    private final List<Double> fractions;
    private final SlaClock clock = new SlaClock();

    /**
     * @param extractor the extractor, built from the schema
     * @param policies  the SLA policies
     * @param fractions checkpoint fractions of the target
     */
    public ExampleBuilder(FeatureExtractor extractor, PolicySet policies, List<Double> fractions) {
        this.extractor = extractor;
        this.policies = policies;
        this.fractions = List.copyOf(fractions);
    }

    /**
     * Reads every ticket's outcome at the end of the data.
     *
     * @param data   tickets and events
     * @param metric the target metric
     * @param asOf   the end of the data
     * @return one outcome per ticket, in ticket order
     */
    public List<TicketOutcome> outcomes(TicketData data, Metric metric, Instant asOf) {
        List<Ticket> ts = data.tickets();
        TicketOutcome[] out = new TicketOutcome[ts.size()];
        IntStream.range(0, ts.size()).parallel().forEach(i -> {
            Ticket t = ts.get(i);
            TicketSla s = clock.measure(t, data.eventsOf(t.id()), policies.select(t), asOf);
            out[i] = TicketOutcome.of(t, s.metric(metric).orElse(null));
        });
        return Arrays.asList(out);
    }

    /**
     * Builds the examples of every ticket.
     *
     * @param data       tickets and events
     * @param outcomes   their outcomes, from {@link #outcomes}
     * @param asOf       the end of the data; checkpoints after it are not taken
     * @param leakSample how many examples to verify with {@link LeakCheck}
     * @param progress   called with the number of tickets done
     * @return the examples, in ticket then checkpoint order
     */
    public List<Example> build(TicketData data, List<TicketOutcome> outcomes, Instant asOf, int leakSample,
                               LongConsumer progress) {
        Metric metric = extractor.schema().metric();
        return build(data, outcomes, o -> checkpointsOf(o, metric, asOf), leakSample, progress);
    }

    /**
     * Builds examples at instants of the caller's choosing, for example "now" for every open ticket.
     *
     * @param data       tickets and events
     * @param outcomes   their outcomes
     * @param instants   the instants to score each ticket at, possibly none
     * @param leakSample how many tickets to verify with {@link LeakCheck}
     * @param progress   called with the number of tickets done
     * @return the examples, in ticket then instant order
     */
    public List<Example> build(TicketData data, List<TicketOutcome> outcomes,
                               java.util.function.Function<TicketOutcome, List<Instant>> instants, int leakSample,
                               LongConsumer progress) {
        Metric metric = extractor.schema().metric();
        int n = outcomes.size();
        List<List<Instant>> checkpoints = new ArrayList<>(n);
        for (TicketOutcome o : outcomes) {
            checkpoints.add(instants.apply(o));
        }
        TicketSla[][] readings = new TicketSla[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            Ticket t = outcomes.get(i).ticket();
            List<TicketEvent> ev = data.eventsOf(t.id());
            readings[i] = checkpoints.get(i).stream().map(at -> extractor.sla(t, ev, at)).toArray(TicketSla[]::new);
        });
        DeskState.History[][] history = replay(data, outcomes, checkpoints);
        Example[][] out = new Example[n][];
        int tierColumn = extractor.schema().names().indexOf("current_tier");
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        IntStream.range(0, n).parallel().forEach(i -> {
            TicketOutcome o = outcomes.get(i);
            Ticket t = o.ticket();
            List<TicketEvent> ev = data.eventsOf(t.id());
            SlaPolicy policy = policies.select(t);
            List<Instant> cps = checkpoints.get(i);
            out[i] = new Example[cps.size()];
            for (int k = 0; k < cps.size(); k++) {
                Instant at = cps.get(k);
                TicketSla sla = readings[i][k];
                double[] x = extractor.extract(t, ev, at, sla, history[i][k]).values();
                MetricStatus ms = sla.metric(metric).orElse(null);
                RiskBand band = ms == null ? RiskBand.NO_TARGET : BandClassifier.of(ms, policy.atRisk(), at);
                ZonedDateTime local = t.createdAt().atZone(policy.calendar().zone());
                int tier = (int) x[tierColumn];
                out[i][k] = new Example(t.id(), t.createdAt(), at, k, o.label(), x, t.priority(), tier, t.team(),
                        t.system(), band, local.getHour(), local.getDayOfWeek().getValue(),
                        ms == null ? null : ms.dueAt(), t.contract(), t.customer(), fraction(ms));
            }
            long d = done.incrementAndGet();
            if (d % 5000 == 0) {
                progress.accept(d);
            }
        });
        progress.accept(n);
        verifyNoLeak(data, outcomes, checkpoints, history, leakSample);
        List<Example> all = new ArrayList<>();
        for (Example[] es : out) {
            all.addAll(Arrays.asList(es));
        }
        return all;
    }

    private static double fraction(MetricStatus ms) {
        return ms == null || ms.target() == null || ms.target().isZero() ? 0
                : ms.elapsed().toMillis() / (double) ms.target().toMillis();
    }

    /** Creation always; later checkpoints only while the metric still runs unbreached by the clock. */
    private List<Instant> checkpointsOf(TicketOutcome o, Metric metric, Instant asOf) {
        Ticket t = o.ticket();
        List<Instant> out = new ArrayList<>();
        for (Instant at : Checkpoints.of(t, policies.select(t), metric, fractions)) {
            boolean first = out.isEmpty();
            boolean open = (o.resolvedAt() == null || at.isBefore(o.resolvedAt()))
                    && (o.clock() != 1 || o.knownAt() == null || at.isBefore(o.knownAt()));
            if (!at.isAfter(asOf) && (first || open)) {
                out.add(at);
            }
        }
        return out;
    }

    /**
     * The desk's history at every checkpoint: each ticket's causal desk events are put once, and the desk is asked
     * at each instant, exactly as a server that had received every event up to that instant would be.
     */
    private DeskState.History[][] replay(TicketData data, List<TicketOutcome> outcomes,
                                         List<List<Instant>> checkpoints) {
        Metric metric = extractor.schema().metric();
        int n = outcomes.size();
        DeskEvents[] contributions = new DeskEvents[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Ticket t = outcomes.get(i).ticket();
            contributions[i] = DeskEvents.of(t, data.eventsOf(t.id()), policies.select(t), metric,
                    DeskEvents.HORIZON);
        });
        DeskState desk = new DeskState();
        for (DeskEvents e : contributions) {
            desk.put(e);
        }
        DeskState.History[][] history = new DeskState.History[n][];
        for (int i = 0; i < n; i++) {
            Ticket t = outcomes.get(i).ticket();
            List<Instant> cps = checkpoints.get(i);
            history[i] = new DeskState.History[cps.size()];
            for (int k = 0; k < cps.size(); k++) {
                history[i][k] = desk.history(t, cps.get(k));
            }
        }
        return history;
    }

    private void verifyNoLeak(TicketData data, List<TicketOutcome> outcomes, List<List<Instant>> checkpoints,
                              DeskState.History[][] history, int sample) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        int n = outcomes.size();
        for (int s = 0; s < Math.min(sample, n); s++) {
            int i = rnd.nextInt(n);
            Ticket t = outcomes.get(i).ticket();
            List<Instant> cps = checkpoints.get(i);
            for (int k = 0; k < cps.size(); k++) {
                LeakCheck.verify(extractor, t, data.eventsOf(t.id()), cps.get(k), history[i][k]);
            }
        }
    }
}
