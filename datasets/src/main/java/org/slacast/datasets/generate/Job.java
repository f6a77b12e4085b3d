package org.slacast.datasets.generate;

import java.util.SplittableRandom;

import org.slacast.core.ticket.Ticket;

/** A ticket while the desk works on it. */
final class Job {
    final Ticket ticket;
    final long seq;
    final boolean storm;
    final Profile.SystemSpec system;
    /** The ticket's own random numbers: the same draws whatever else changes on the desk. */
    final SplittableRandom rnd;
    int tier = 1;
    int priority;
    boolean responded;
    boolean pausedOnce;
    boolean waitedOnce;
    boolean reopened;
    double workMinutes = -1;
    long openedAt;

    Job(Ticket ticket, long seq, boolean storm, Profile.SystemSpec system, SplittableRandom rnd) {
        this.rnd = rnd;
        this.ticket = ticket;
        this.seq = seq;
        this.storm = storm;
        this.system = system;
        this.priority = ticket.priority().ordinal();
        this.openedAt = ticket.createdAt().toEpochMilli();
    }

    String queue() {
        return DeskSimulation.queueOf(tier, system.team());
    }
}
