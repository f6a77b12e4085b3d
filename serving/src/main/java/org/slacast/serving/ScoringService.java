package org.slacast.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.clock.MetricStatus;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.cost.CostModel;
import org.slacast.core.feature.DeskState;
import org.slacast.models.ModelBundle;
import org.slacast.models.RiskLevel;

/**
 * Scores tickets: the SLA clock, the features, the active model, the cost figures and the reasons, from one
 * model per request. The desk's history is kept live: a ticket's first score records its arrival.
 */
public final class ScoringService {
    private final ActiveModel models;
    private final DeskState desk = new DeskState();
    private final int reasons;
    private final PredictionLog log;
    private final Monitoring monitoring = new Monitoring();

    /**
     * @param models  the active model
     * @param reasons reasons per score
     * @param log     where every score is logged, or null for none
     */
    public ScoringService(ActiveModel models, int reasons, PredictionLog log) {
        this.models = models;
        this.reasons = reasons;
        this.log = log;
    }

    /** @return live monitoring */
    Monitoring monitoring() {
        return monitoring;
    }

    /**
     * Records an outcome: for monitoring, and for the desk's history (the ticket leaves the queue and its
     * outcome counts toward its team's and system's breach rates).
     *
     * @param ticketId   the ticket
     * @param breached   whether it breached
     * @param resolvedAt when it was resolved
     * @return true when the ticket had been scored here
     */
    boolean outcome(String ticketId, boolean breached, Instant resolvedAt) {
        Monitoring.Prediction p = monitoring.outcome(ticketId, breached);
        desk.resolved(ticketId);
        if (p != null) {
            desk.outcome(p.team(), p.system(), breached, resolvedAt);
        }
        return p != null;
    }

    /** @return the prediction log, or null */
    PredictionLog log() {
        return log;
    }

    /**
     * @param requests tickets to score, in order
     * @return one response body per ticket
     * @throws BadRequest 503-style when no model is active
     */
    List<Map<String, Object>> score(List<TicketJson.Request> requests) {
        return score(requests, reasons);
    }

    /**
     * @param requests tickets to score, in order
     * @param k        reasons per ticket; 0 skips the explanation, which for trees costs milliseconds
     * @return one response body per ticket
     */
    List<Map<String, Object>> score(List<TicketJson.Request> requests, int k) {
        ActiveModel.Loaded m = models.get();
        if (m == null) {
            throw new BadRequest(503, "no model is active; train one and activate it", List.of());
        }
        ActiveModel.Loaded shadow = models.shadow();
        List<Map<String, Object>> out = new ArrayList<>(requests.size());
        for (TicketJson.Request r : requests) {
            out.add(score(m, shadow, r, k));
        }
        return out;
    }

    private Map<String, Object> score(ActiveModel.Loaded m, ActiveModel.Loaded shadow, TicketJson.Request r,
                                      int k) {
        Instant at = r.asOf() != null ? r.asOf() : r.events().stream().map(e -> e.at()).max(Instant::compareTo)
                .filter(i -> i.isAfter(r.ticket().createdAt())).orElse(r.ticket().createdAt());
        TicketSla sla = m.extractor().sla(r.ticket(), r.events(), at);
        DeskState.History history = desk.history(r.ticket(), at);
        desk.arrival(r.ticket());
        double[] x = m.extractor().extract(r.ticket(), r.events(), at, sla, history).values();
        ModelBundle b = m.bundle();
        double p = b.probability(x);
        CostModel cost = b.manifest().cost();
        Map<String, Object> body = new LinkedHashMap<>();
        String requestId = UUID.randomUUID().toString();
        String band = RiskLevel.of(p, b.manifest().threshold()).label();
        body.put("request_id", requestId);
        body.put("ticket_id", r.ticket().id());
        body.put("scored_at", at.toString());
        body.put("breach_probability", round(p));
        body.put("risk_band", band);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (MetricStatus s : sla.metrics()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("metric", s.metric().label());
            mm.put("target_minutes", s.target() == null ? null : s.target().toMinutes());
            mm.put("due_at", s.dueAt() == null ? null : s.dueAt().toString());
            mm.put("elapsed_business_minutes", round(s.elapsedMinutes()));
            mm.put("remaining_business_minutes", s.remaining() == null ? null : round(s.remaining().toMillis() / 60_000.0));
            mm.put("band", BandClassifier.of(s, sla.policy().atRisk(), at).label());
            metrics.add(mm);
        }
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("policy", sla.policy().name());
        clock.put("metrics", metrics);
        body.put("sla", clock);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("penalty_if_breached", cost.penalty(r.ticket().priority()));
        c.put("expected_penalty", round(cost.expectedPenalty(p, r.ticket().priority())));
        c.put("intervention_cost", cost.interventionCost());
        c.put("expected_saving", round(cost.expectedSaving(p, r.ticket().priority())));
        c.put("recommend_intervention", p >= b.manifest().threshold());
        body.put("cost", c);
        body.put("reasons", (k == 0 ? List.<ModelBundle.Reason>of() : b.reasons(x, k)).stream().map(rs -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("feature", rs.feature());
            reason.put("value", round(rs.value()));
            reason.put("contribution", round(rs.contribution()));
            return reason;
        }).toList());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", b.manifest().id());
        model.put("kind", b.manifest().kind());
        body.put("model", model);
        monitoring.predicted(r.ticket().id(), b.manifest().id(), p, x, r.ticket().team(), r.ticket().system());
        if (log != null) {
            log.offer(new PredictionLog.Entry(Instant.now(), requestId, r.ticket().id(),
                    b.manifest().id(), p, band, features(b, x)));
            if (shadow != null && shadow.bundle() != b) {
                // The challenger sees the same ticket at the same instant; its answer is logged, never returned.
                ModelBundle sb = shadow.bundle();
                double[] sx = sb.manifest().schema().equals(b.manifest().schema()) ? x
                        : shadow.extractor().extract(r.ticket(), r.events(), at, sla, history).values();
                double sp = sb.probability(sx);
                log.offer(new PredictionLog.Entry(Instant.now(), requestId, r.ticket().id(),
                        sb.manifest().id(), sp, RiskLevel.of(sp, sb.manifest().threshold()).label() + " (shadow)",
                        features(sb, sx)));
            }
        }
        return body;
    }

    private static String features(ModelBundle b, double[] x) {
        StringBuilder s = new StringBuilder("{");
        List<String> names = b.manifest().schema().names();
        for (int j = 0; j < x.length; j++) {
            s.append(j == 0 ? "\"" : ",\"").append(names.get(j)).append("\":").append(x[j]);
        }
        return s.append('}').toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
