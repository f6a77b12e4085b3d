package org.slacast.datasets.generate;

import org.slacast.core.ticket.Ticket;

/** A ticket while the desk works on it. */
final class Job {
    final Ticket ticket;
    final long seq;
    final boolean storm;
    final String ownerTeam;
    final boolean transactional;
    int tier = 1;
    int priority;
    boolean responded;
    boolean pausedOnce;
    boolean reopened;
    double workMinutes = -1;
    long openedAt;

    Job(Ticket ticket, long seq, boolean storm, String ownerTeam, boolean transactional) {
        this.ticket = ticket;
        this.seq = seq;
        this.storm = storm;
        this.ownerTeam = ownerTeam;
        this.transactional = transactional;
        this.priority = ticket.priority().ordinal();
        this.openedAt = ticket.createdAt().toEpochMilli();
    }

    String queue() {
        return tier == 1 ? "L1" : "L" + tier + ":" + ownerTeam;
    }
}
