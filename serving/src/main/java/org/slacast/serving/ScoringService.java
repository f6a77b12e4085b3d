package org.slacast.serving;

import io.javalin.http.ServiceUnavailableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slacast.core.clock.TicketSla;
import org.slacast.core.feature.DeskState;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.models.Explanation;
import org.slacast.models.ModelBundle;
import org.slacast.models.RiskLevel;

/**
 * Scores tickets: the SLA clock, the features, the active model, the cost figures and the reasons, from one
 * model per request. The desk's history is kept live: a ticket's first score records its arrival.
 */
public final class ScoringService {
    private final ActiveModel models;
    /** A ticket created later than this past the server's clock is scored but not recorded as an arrival. */
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final LiveDesk desk;
    private final int reasons;
    private final Duration deadline;
    private final PredictionLog log;
    private final Monitoring monitoring = new Monitoring();
    private volatile SchemaPair schemas;

    /**
     * @param models the active model
     * @param config reasons per score and the request deadline
     * @param log    where every score is logged, or null for none
     * @param desk   the live desk, derived from the desk store
     */
    ScoringService(ActiveModel models, ServingConfig config, PredictionLog log, LiveDesk desk) {
        this.models = models;
        this.reasons = config.reasons();
        this.deadline = config.limits().deadline();
        this.desk = desk;
        this.log = log;
    }

    /** @return the live desk */
    LiveDesk desk() {
        return desk;
    }

    /** @return live monitoring */
    Monitoring monitoring() {
        return monitoring;
    }

    /**
     * Records an outcome: for monitoring, and in the desk store, where it ends the ticket's wait and counts toward
     * its team's and system's breach rates (for a ticket the store knows).
     *
     * @param ticketId   the ticket
     * @param breached   whether it breached
     * @param resolvedAt when it was resolved
     * @return true when the ticket had been scored here
     */
    boolean outcome(String ticketId, boolean breached, Instant resolvedAt) {
        Monitoring.Prediction p = monitoring.outcome(ticketId, breached);
        desk.outcome(ticketId, breached, resolvedAt);
        return p != null;
    }

    /** @return the prediction log, or null */
    PredictionLog log() {
        return log;
    }

    /**
     * One ticket's score: what the response is written from.
     *
     * @param requestId   the request id
     * @param ticket      the ticket
     * @param at          the instant scored
     * @param probability the calibrated breach probability
     * @param band        the risk band
     * @param sla         the SLA clock at that instant
     * @param reasons     the top contributions, largest first
     * @param bundle      the model that scored
     */
    record Score(String requestId, Ticket ticket, Instant at, double probability, String band, TicketSla sla,
                 List<ModelBundle.Reason> reasons, ModelBundle bundle) {
    }

    /**
     * @param requests  tickets to score, in order
     * @param requestId the id of the HTTP request, logged with each ticket's score
     * @param k         reasons per ticket; 0 skips the explanation
     * @param how       path attributions (microseconds) or exact TreeSHAP (milliseconds for trees)
     * @return one score per ticket
     * @throws ServiceUnavailableResponse when no model is active, or when the request ran past its deadline
     */
    List<Score> score(List<TicketJson.Request> requests, String requestId, int k, Explanation how) {
        ActiveModel.Loaded m = models.get();
        if (m == null) {
            throw new ServiceUnavailableResponse("no model is active; train one and activate it");
        }
        ActiveModel.Loaded shadow = shadowOf(m);
        long until = System.nanoTime() + deadline.toNanos();
        remember(requests);
        List<Score> out = new ArrayList<>(requests.size());
        for (TicketJson.Request r : requests) {
            if (System.nanoTime() - until > 0) {
                throw new ServiceUnavailableResponse("the request ran past its " + deadline.toMillis() + " ms deadline "
                        + "after " + out.size() + " of " + requests.size() + " tickets; send smaller batches");
            }
            out.add(score(m, shadow, r, requestId, k, how));
        }
        return out;
    }

    /**
     * @param requests  tickets to score, in order, with the service's default reasons and path attributions
     * @param requestId the request id
     * @return one score per ticket
     */
    List<Score> score(List<TicketJson.Request> requests, String requestId) {
        return score(requests, requestId, reasons, Explanation.PATH);
    }

    private Score score(ActiveModel.Loaded m, ActiveModel.Loaded shadow, TicketJson.Request r, String requestId,
                        int k, Explanation how) {
        Ticket t = r.ticket();
        Instant at = r.asOf() != null ? r.asOf() : latest(r.events(), t.createdAt());
        TicketSla sla = m.extractor().sla(t, r.events(), at);
        DeskState.History history = desk.state().history(t, at);
        double[] x = m.extractor().extract(t, r.events(), at, sla, history).values();
        ModelBundle b = m.bundle();
        ModelBundle.Explained e = b.explain(x, k, how);
        double p = e.probability();
        String band = RiskLevel.of(p, b.manifest().threshold()).label();
        record(m, shadow, t, r.events(), at, sla, history, x, p, band, requestId);
        return new Score(requestId, t, at, p, band, sla, e.reasons(), b);
    }

    /**
     * A stored ticket scored again as it ages, for the at-risk queue: the same score as the API's at that instant,
     * neither monitored nor logged, since the ticket is not news.
     *
     * @param m      the model
     * @param t      the ticket
     * @param events its events up to {@code at}
     * @param at     the instant
     * @param k      reasons
     * @return the score
     */
    Score rescore(ActiveModel.Loaded m, Ticket t, List<TicketEvent> events, Instant at, int k) {
        TicketSla sla = m.extractor().sla(t, events, at);
        double[] x = m.extractor().extract(t, events, at, sla, desk.state().history(t, at)).values();
        ModelBundle b = m.bundle();
        ModelBundle.Explained e = b.explain(x, k, Explanation.PATH);
        double p = e.probability();
        return new Score(null, t, at, p, RiskLevel.of(p, b.manifest().threshold()).label(), sla, e.reasons(), b);
    }

    /** Monitoring, and the prediction log with the challenger's answer beside the champion's. */
    private void record(ActiveModel.Loaded m, ActiveModel.Loaded shadow, Ticket t, List<TicketEvent> events,
                        Instant at, TicketSla sla, DeskState.History history, double[] x, double p, String band,
                        String requestId) {
        ModelBundle b = m.bundle();
        monitoring.predicted(t.id(), b.manifest().id(), p, x, DeskState.key(t.team()), DeskState.key(t.system()));
        if (log != null) {
            String shadowId = null;
            double sp = Double.NaN;
            String shadowBand = null;
            if (shadow != null) {
                // The challenger sees the same ticket at the same instant; its answer is logged, never returned.
                ModelBundle sb = shadow.bundle();
                double[] sx = sameSchema(m, shadow) ? x
                        : shadow.extractor().extract(t, events, at, sla, history).values();
                sp = sb.probability(sx);
                shadowId = sb.manifest().id();
                shadowBand = RiskLevel.of(sp, sb.manifest().threshold()).label();
            }
            log.offer(new PredictionLog.Entry(Instant.now(), requestId, t.id(), b.manifest().id(), p, band,
                    b.manifest().schema().names(), x, shadowId, sp, shadowBand));
        }
    }

    /** @return the SLA policies */
    org.slacast.core.policy.PolicySet policies() {
        return models.policies();
    }

    /** @return the active model, or null */
    ActiveModel.Loaded active() {
        return models.get();
    }

    /**
     * A ticket sent to be scored is news of the desk: it and its events go into the desk at once and into the
     * store soon after, once (an event sent again is a duplicate). A ticket created in the future is scored but not remembered, so no client can move
     * the desk's clock.
     */
    private void remember(List<TicketJson.Request> requests) {
        List<Ticket> tickets = new ArrayList<>();
        List<TicketEvent> events = new ArrayList<>();
        for (TicketJson.Request r : requests) {
            if (LiveDesk.current(r.ticket().createdAt())) {
                tickets.add(r.ticket());
                events.addAll(r.events());
            }
        }
        if (!tickets.isEmpty()) {
            desk.remember(tickets, events);
        }
    }

    /**
     * Scores a stored ticket from its stored events up to an instant, with the desk's history then.
     *
     * @param ticketId  the ticket
     * @param asOf      the instant, or null for its latest event
     * @param requestId the request id
     * @param k         reasons
     * @param how       how reasons are computed
     * @return the score, or null when the store does not hold the ticket
     */
    Score scoreStored(String ticketId, Instant asOf, String requestId, int k, Explanation how) {
        ActiveModel.Loaded m = models.get();
        if (m == null) {
            throw new ServiceUnavailableResponse("no model is active; train one and activate it");
        }
        LiveDesk.Stored d = desk.ticket(ticketId);
        if (d == null) {
            return null;
        }
        Ticket t = d.ticket();
        Instant at = asOf != null ? asOf : latest(d.events(), t.createdAt());
        if (at.isBefore(t.createdAt())) {
            throw BadRequest.field("as_of", "is before the ticket's created_at (" + t.createdAt() + ")");
        }
        List<TicketEvent> known = d.events().stream().filter(e -> !e.at().isAfter(at)).toList();
        ActiveModel.Loaded shadow = shadowOf(m);
        return score(m, shadow, new TicketJson.Request(t, known, at), requestId, k, how);
    }

    /** The shadow model, or null: a challenger made active is not scored against itself. */
    private ActiveModel.Loaded shadowOf(ActiveModel.Loaded active) {
        ActiveModel.Loaded shadow = models.shadow();
        return shadow != null && shadow.bundle().manifest().id().equals(active.bundle().manifest().id()) ? null
                : shadow;
    }

    /** Whether the shadow reads the champion's vector: decided once per pair of loaded models, not per score. */
    private boolean sameSchema(ActiveModel.Loaded champion, ActiveModel.Loaded shadow) {
        SchemaPair pair = schemas;
        if (pair == null || pair.champion() != champion || pair.shadow() != shadow) {
            pair = new SchemaPair(champion, shadow,
                    shadow.bundle().manifest().schema().equals(champion.bundle().manifest().schema()));
            schemas = pair;
        }
        return pair.same();
    }

    private record SchemaPair(ActiveModel.Loaded champion, ActiveModel.Loaded shadow, boolean same) {
    }

    /** Without as_of a ticket is scored at its latest event, or at its creation. */
    private static Instant latest(List<TicketEvent> events, Instant created) {
        Instant at = created;
        for (TicketEvent e : events) {
            if (e.at().isAfter(at)) {
                at = e.at();
            }
        }
        return at;
    }
}
