package org.slacast.core.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.MetricRules;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * One pass over a ticket's ordered events. It keeps the ticket's life (status, tier, resolved or not), each
 * metric's running intervals under that metric's rules, and the spans of time in each status, from which every
 * metric takes its own pauses. Intervals are epoch-ms pairs; one still open at the end is closed at the as-of
 * instant and remembered as open.
 */
final class Replay {
    /** A stretch of time in one status (lower case), while the ticket was not resolved. */
    private record Span(long from, long to, String status) {
    }

    final long start;
    final long asOf;
    Priority priority;
    String status;
    final MetricRun firstResponse = new MetricRun();
    final MetricRun resolution = new MetricRun();
    private final MetricRun[] ola = new MetricRun[Tier.values().length];

    private final SlaPolicy policy;
    private final MetricRules frRules;
    private final MetricRules resRules;
    private final MetricRules[] olaRules = new MetricRules[Tier.values().length];
    private final List<Span> spans = new ArrayList<>();
    private long spanFrom;
    private String spanStatus;
    private Tier tier;
    private boolean resolved;

    private Replay(Ticket ticket, SlaPolicy policy, long asOf) {
        this.policy = policy;
        this.start = ticket.createdAt().toEpochMilli();
        this.asOf = asOf;
        this.priority = ticket.priority();
        this.frRules = policy.rules(Metric.FIRST_RESPONSE);
        this.resRules = policy.rules(Metric.RESOLUTION);
        for (Tier t : Tier.values()) {
            ola[t.ordinal()] = new MetricRun();
            olaRules[t.ordinal()] = policy.rules(new Metric.TierOla(t));
        }
        firstResponse.start(start);
        resolution.start(start);
        tier = policy.startTier() == SlaPolicy.StartTier.TICKET ? ticket.tier() : null;
        if (tier != null) {
            ola(tier).start(start);
        }
    }

    /**
     * @param ticket the ticket
     * @param events its events at or before {@code asOf}, in {@link org.slacast.core.ticket.EventOrder}
     * @param policy its policy
     * @param asOf   epoch ms to read the clock at, not before creation
     * @return the replayed state
     */
    static Replay of(Ticket ticket, List<TicketEvent> events, SlaPolicy policy, long asOf) {
        Replay r = new Replay(ticket, policy, asOf);
        for (TicketEvent e : events) {
            r.apply(e, Math.max(r.start, e.at().toEpochMilli()));
        }
        r.finish();
        return r;
    }

    /** @return the stints of one tier (the running intervals of its OLA) */
    MetricRun ola(Tier t) {
        return ola[t.ordinal()];
    }

    private void apply(TicketEvent e, long t) {
        switch (e.type()) {
            case STATUS_CHANGE -> status(e.status(), t);
            case FIRST_RESPONSE -> stop(EventType.FIRST_RESPONSE, t);
            case TIER_CHANGE -> tierChange(e.tier(), t);
            case PRIORITY_CHANGE -> priority = e.priority();
            case RESOLVED, CLOSED -> resolve(e.type(), t);
            case REOPENED -> reopen(t);
            case CREATED, ASSIGNED, REASSIGNED -> {
                // no effect on any clock
            }
        }
        if (e.status() != null && e.type() != EventType.STATUS_CHANGE) {
            status = e.status();
        }
    }

    /** Stops every running metric whose rules list this event type. */
    private void stop(EventType type, long t) {
        if (frRules.stopsOn(type)) {
            firstResponse.stop(t);
        }
        if (resRules.stopsOn(type)) {
            resolution.stop(t);
        }
        if (tier != null && olaRules[tier.ordinal()].stopsOn(type)) {
            ola(tier).stop(t);
        }
    }

    private void status(String s, long t) {
        status = s;
        if (resolved) {
            return; // a resolved ticket's status changes pause nothing; a reopen comes first
        }
        endSpan(t);
        spanFrom = t;
        spanStatus = s.strip().toLowerCase(Locale.ROOT);
    }

    private void endSpan(long t) {
        if (spanStatus != null) {
            spans.add(new Span(spanFrom, t, spanStatus));
            spanStatus = null;
        }
    }

    private void tierChange(Tier to, long t) {
        if (to == tier && policy.sameTierChange() == SlaPolicy.SameTierChange.IGNORE) {
            return;
        }
        if (tier != null) {
            ola(tier).stop(t); // a hand-off always ends the stint
        }
        tier = to;
        if (!resolved) {
            ola(tier).start(t);
        }
    }

    private void resolve(EventType type, long t) {
        if (!resolved) {
            resolved = true;
            status = type.label();
            endSpan(t); // a resolution while paused ends the pause then
        }
        stop(type, t);
    }

    private void reopen(long t) {
        if (!resolved) {
            return;
        }
        resolved = false;
        status = "reopened";
        if (frRules.reopenResumes()) {
            firstResponse.start(t);
        }
        if (resRules.reopenResumes()) {
            resolution.start(t);
        }
        if (tier != null && olaRules[tier.ordinal()].reopenResumes()) {
            ola(tier).start(t);
        }
    }

    private void finish() {
        firstResponse.finish(asOf);
        resolution.finish(asOf);
        for (MetricRun r : ola) {
            r.finish(asOf);
        }
        if (spanStatus != null) {
            spans.add(new Span(spanFrom, asOf, spanStatus)); // the current status stays current
        }
    }

    /**
     * The pauses of one metric: time in one of its pause statuses or an inactive status. Consecutive pausing
     * statuses make one pause; a resolution ends a pause.
     *
     * @param rules the metric's rules
     * @return the pause intervals, in time order
     */
    List<long[]> pauses(MetricRules rules) {
        List<long[]> out = new ArrayList<>();
        long from = 0;
        long end = 0;
        boolean on = false;
        for (Span s : spans) {
            boolean p = pauses(rules, s.status());
            if (on && (s.from() != end || !p)) {
                out.add(new long[] {from, end});
                on = false;
            }
            if (p && !on) {
                from = s.from();
                on = true;
            }
            end = s.to();
        }
        if (on) {
            out.add(new long[] {from, end});
        }
        return out;
    }

    private boolean pauses(MetricRules rules, String lowerStatus) {
        return rules.pausesLower(lowerStatus) || policy.inactive(lowerStatus);
    }

    /**
     * @param rules the rules of a metric that is still open
     * @return where that metric's clock stands now: not active, paused or running
     */
    MetricState openState(MetricRules rules) {
        if (spanStatus == null) {
            return MetricState.RUNNING;
        }
        if (policy.inactive(spanStatus)) {
            return MetricState.NOT_ACTIVE;
        }
        return rules.pausesLower(spanStatus) ? MetricState.PAUSED : MetricState.RUNNING;
    }
}
