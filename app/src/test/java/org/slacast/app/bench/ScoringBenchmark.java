package org.slacast.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slacast.core.csv.TicketData;
import org.slacast.core.feature.DeskState;
import org.slacast.core.feature.FeatureExtractor;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.models.Explanation;
import org.slacast.models.ModelBundle;
import org.slacast.models.ModelKind;
import org.slacast.app.Slacast;
import org.slacast.models.Registry;

/**
 * In-process scoring of one ticket: features from the ticket, its events and the desk's history; the model; and
 * calibration. Run with {@code bench/scoring.sh}; results are in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ScoringBenchmark {
    @Param({"random-forest", "logistic", "gradient-boosting"})
    public String kind;
    /** The forest's {@code patience}: 0 grows all 200 trees, the default stops on the validation loss. */
    @Param({"30"})
    public int forestPatience;

    private ModelBundle bundle;
    private FeatureExtractor extractor;
    private Ticket ticket;
    private List<TicketEvent> events;
    private Instant at;
    private DeskState.History history;
    private double[] x;
    /** Feature vectors of {@link #MANY} tickets, each an hour into its life: a server scores tickets that differ. */
    private double[][] many;
    private int next;
    private static final int MANY = 1024;

    /** Generates a desk, trains one model of the kind and picks a ticket midway through its life. */
    @Setup
    public void setup() throws Exception {
        Path dir = Files.createTempDirectory("slacast-bench");
        Path data = dir.resolve("desk");
        Path reg = dir.resolve("models");
        Slacast.run("generate", "--tickets", "20000", "--seed", "5", "--out", data.toString(), "--no-sla");
        Slacast.run("train", "--data", data.toString(), "--registry", reg.toString(), "--models",
                ModelKind.parse(kind).label(), "--no-report", "--param", "random-forest.patience=" + forestPatience);
        bundle = new Registry(reg).champion();
        PolicySet policies = PolicyFile.load(data.resolve("policy.yaml"));
        TicketData d = TicketData.load(data);
        extractor = new FeatureExtractor(bundle.manifest().schema(), policies);
        ticket = d.tickets().get(d.tickets().size() / 2);
        events = d.eventsOf(ticket.id());
        at = ticket.createdAt().plusSeconds(3600);
        DeskState desk = new DeskState();
        for (Ticket t : d.tickets().subList(0, d.tickets().size() / 2)) {
            desk.put(org.slacast.core.feature.DeskEvents.of(t, d.eventsOf(t.id()), policies.select(t),
                    bundle.manifest().schema().metric(), org.slacast.core.feature.DeskEvents.HORIZON));
        }
        history = desk.history(ticket, at);
        x = extractor.extract(ticket, events, at, history).values();
        many = new double[MANY][];
        List<Ticket> later = d.tickets().subList(d.tickets().size() / 2, d.tickets().size());
        for (int i = 0; i < MANY; i++) {
            Ticket t = later.get(i * later.size() / MANY);
            Instant when = t.createdAt().plusSeconds(3600);
            many[i] = extractor.extract(t, d.eventsOf(t.id()), when, desk.history(t, when)).values();
        }
    }

    /** @return features only */
    @Benchmark
    public double[] features() {
        return extractor.extract(ticket, events, at, history).values();
    }

    /** @return model and calibration on ready features */
    @Benchmark
    public double model() {
        return bundle.probability(x);
    }

    /** @return features, model and calibration: one ticket scored */
    @Benchmark
    public double endToEnd() {
        return bundle.probability(extractor.extract(ticket, events, at, history).values());
    }

    /** @return the top three reasons by exact TreeSHAP */
    @Benchmark
    public Object explain() {
        return bundle.reasons(x, 3, Explanation.SHAP);
    }

    /** @return the top three reasons by path attributions, the serving default */
    @Benchmark
    public Object explainPath() {
        return bundle.reasons(x, 3, Explanation.PATH);
    }

    /**
     * The same over {@link #MANY} different tickets in turn. One ticket scored again and again walks the same path
     * down every tree, which the branch predictor and the caches learn; a server's tickets differ.
     *
     * @return the top three reasons by path attributions
     */
    @Benchmark
    public Object explainPathMany() {
        return bundle.reasons(many[next++ & (MANY - 1)], 3, Explanation.PATH);
    }

    /**
     * Runs every benchmark here.
     *
     * @param args JMH options
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {ScoringBenchmark.class.getSimpleName()});
    }
}
