package org.slacast.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.models.BinaryMetrics;
import org.slacast.models.FeatureDistribution;
import org.slacast.models.ModelBundle;

/**
 * Live model quality: each ticket's latest prediction is kept (the most recent 100,000 tickets) until its outcome
 * arrives, giving ROC-AUC, Brier score and calibration over the predictions whose outcome is known; the latest
 * 10,000 scores give the score distribution and, against the training deciles stored in the bundle, each
 * feature's drift (PSI).
 */
public final class Monitoring {
    private static final int TICKETS = 100_000;
    private static final int RECENT = 10_000;

    /** A ticket's latest prediction and, once known, its outcome. */
    record Prediction(String modelId, double probability, String team, String system, Boolean breached) {
    }

    private final Map<String, Prediction> byTicket = new java.util.concurrent.ConcurrentHashMap<>();
    /** Tickets in the order first scored, so the oldest leave first past {@link #TICKETS}. */
    private final java.util.Queue<String> order = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Recent recent = new Recent(0);

    /**
     * The latest {@link #RECENT} scores and their features, copied into arrays made once: a ring of a record and an
     * array per score kept each for about one young collection, which then copied them all, and that copying was
     * most of a pause at full load. A row written while a report reads it may mix two scores' values, one row in
     * {@link #RECENT}, which a drift figure does not notice. A model with another number of features starts anew,
     * as its columns mean other things.
     */
    private record Recent(int width, double[] x, double[] p, java.util.concurrent.atomic.AtomicLong count) {
        Recent(int width) {
            this(width, new double[RECENT * width], new double[RECENT], new java.util.concurrent.atomic.AtomicLong());
        }

        /** @return how many rows hold a score */
        int size() {
            return (int) Math.min(RECENT, count.get());
        }
    }

    /** Creates empty monitoring. */
    public Monitoring() {
        // nothing seen yet
    }

    /** Called on every score: lock-free, so scorers never wait for each other or for a report. */
    void predicted(String ticketId, String modelId, double p, double[] x, String team, String system) {
        boolean[] first = {false};
        byTicket.compute(ticketId, (k, old) -> {
            first[0] = old == null;
            return new Prediction(modelId, p, team, system, old == null ? null : old.breached());
        });
        if (first[0]) {
            order.add(ticketId);
            while (byTicket.size() > TICKETS) {
                String eldest = order.poll();
                if (eldest == null) {
                    break;
                }
                byTicket.remove(eldest);
            }
        }
        Recent r = recent;
        if (r.width() != x.length) {
            r = window(x.length);
        }
        int slot = (int) (r.count().getAndIncrement() % RECENT);
        System.arraycopy(x, 0, r.x(), slot * r.width(), r.width());
        r.p()[slot] = p;
    }

    /** The window for a model of this width, made once: the first burst of scorers would each have made one. */
    private synchronized Recent window(int width) {
        Recent r = recent;
        if (r.width() != width) {
            r = new Recent(width);
            recent = r;
        }
        return r;
    }

    /**
     * @param ticketId the ticket
     * @param breached whether it breached
     * @return the prediction the outcome was matched to, or null when the ticket was never scored here
     */
    Prediction outcome(String ticketId, boolean breached) {
        return byTicket.computeIfPresent(ticketId, (k, p) -> new Prediction(p.modelId(), p.probability(), p.team(),
                p.system(), breached));
    }

    /**
     * @param active the active bundle, whose training distributions drift is measured against
     * @return the monitoring report, computed from a snapshot, off the scoring path
     */
    Map<String, Object> report(ModelBundle active) {
        List<Prediction> known = byTicket.values().stream().filter(p -> p.breached() != null).toList();
        double[] p = known.stream().mapToDouble(Prediction::probability).toArray();
        int[] y = known.stream().mapToInt(k -> k.breached() ? 1 : 0).toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", Instant.now().toString());
        out.put("predictions_tracked", byTicket.size());
        out.put("outcomes_known", known.size());
        if (known.size() > 0) {
            BinaryMetrics m = BinaryMetrics.of(p, y);
            out.put("roc_auc", nan(m.rocAuc()));
            out.put("brier", nan(m.brier()));
            out.put("breach_rate", m.positives() / (double) m.n());
            out.put("calibration", BinaryMetrics.calibration(p, y, 10));
        }
        Recent r = recent;
        int n = r.size();
        int[] histogram = new int[10];
        for (int i = 0; i < n; i++) {
            histogram[Math.max(0, Math.min(9, (int) (r.p()[i] * 10)))]++;
        }
        out.put("score_distribution", Map.of("bins", 10, "counts", histogram, "recent_scores", n));
        List<Map<String, Object>> drift = new ArrayList<>();
        if (active != null && n > 0 && active.manifest().distributions() != null) {
            List<String> names = active.manifest().schema().names();
            for (FeatureDistribution d : active.manifest().distributions()) {
                int j = names.indexOf(d.feature());
                if (j < 0 || j >= r.width()) {
                    continue;
                }
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = r.x()[i * r.width() + j];
                }
                drift.add(Map.of("feature", d.feature(), "psi", Math.round(d.psi(col) * 1e4) / 1e4));
            }
            drift.sort(Comparator.comparingDouble((Map<String, Object> e) -> -((Double) e.get("psi"))));
        }
        out.put("drift", drift);
        return out;
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
