package org.slacast.core.clock;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/**
 * One pass over a ticket's ordered events, collecting the running intervals of each metric and the pauses.
 * Intervals are epoch-ms pairs; an interval still open at the end is closed at the as-of instant and remembered
 * as open.
 */
final class Replay {
    final long start;
    final long asOf;
    Priority priority;
    String status;
    Long firstResponse;
    final List<long[]> resolution = new ArrayList<>();
    boolean resolutionOpen;
    Long resolvedAt;
    final Map<Tier, List<long[]>> stints = new EnumMap<>(Tier.class);
    Tier openStint;
    final List<long[]> pauses = new ArrayList<>();
    boolean paused;
    boolean inactive;

    private final SlaPolicy policy;
    private long resolutionFrom;
    private long stintFrom;
    private long pauseFrom;
    private Tier tier;
    private boolean resolved;

    private Replay(Ticket ticket, SlaPolicy policy, long asOf) {
        this.policy = policy;
        this.start = ticket.createdAt().toEpochMilli();
        this.asOf = asOf;
        this.priority = ticket.priority();
        this.tier = ticket.tier();
        this.resolutionFrom = start;
        this.resolutionOpen = true;
        enterTier(tier, start);
    }

    /**
     * @param ticket the ticket
     * @param events its events at or before {@code asOf}, ordered by time
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

    private void apply(TicketEvent e, long t) {
        switch (e.type()) {
            case STATUS_CHANGE -> status(e.status(), t);
            case FIRST_RESPONSE -> {
                if (firstResponse == null && !resolved) {
                    firstResponse = t;
                }
                closeStint(t);
            }
            case TIER_CHANGE -> {
                if (e.tier() != tier) {
                    closeStint(t);
                    tier = e.tier();
                    if (!resolved) {
                        enterTier(tier, t);
                    }
                }
            }
            case PRIORITY_CHANGE -> priority = e.priority();
            case RESOLVED, CLOSED -> resolve(t, e.type().label());
            case REOPENED -> reopen(t);
            case CREATED, ASSIGNED, REASSIGNED -> {
                // no effect on any clock
            }
        }
        if (e.status() != null && e.type() != EventType.STATUS_CHANGE) {
            status = e.status();
        }
    }

    private void status(String s, long t) {
        status = s;
        if (resolved) {
            return;
        }
        boolean nowInactive = policy.inactive(s);
        boolean nowPaused = nowInactive || policy.pauses(s);
        if (nowPaused && !paused) {
            pauseFrom = t;
        } else if (!nowPaused && paused) {
            pauses.add(new long[] {pauseFrom, t});
        }
        paused = nowPaused;
        inactive = nowInactive;
    }

    private void resolve(long t, String label) {
        if (resolved) {
            return;
        }
        resolved = true;
        status = label;
        if (firstResponse == null) {
            firstResponse = t; // a resolution is a reply: it stops the first-response clock too
        }
        endPause(t);
        closeStint(t);
        if (resolutionOpen) {
            resolution.add(new long[] {resolutionFrom, t});
            resolutionOpen = false;
            resolvedAt = t;
        }
    }

    private void reopen(long t) {
        if (!resolved) {
            return;
        }
        resolved = false;
        status = "reopened";
        if (policy.reopenResumesResolution()) {
            resolutionFrom = t;
            resolutionOpen = true;
            resolvedAt = null;
        }
        enterTier(tier, t);
    }

    private void endPause(long t) {
        if (paused) {
            pauses.add(new long[] {pauseFrom, t});
            paused = false;
            inactive = false;
        }
    }

    private void enterTier(Tier t, long at) {
        openStint = t;
        stintFrom = at;
    }

    private void closeStint(long t) {
        if (openStint != null) {
            stints.computeIfAbsent(openStint, k -> new ArrayList<>()).add(new long[] {stintFrom, t});
            openStint = null;
        }
    }

    private void finish() {
        if (resolutionOpen) {
            resolution.add(new long[] {resolutionFrom, asOf});
        }
        if (openStint != null) {
            stints.computeIfAbsent(openStint, k -> new ArrayList<>()).add(new long[] {stintFrom, asOf});
        }
        if (paused) {
            pauses.add(new long[] {pauseFrom, asOf});
        }
    }
}
