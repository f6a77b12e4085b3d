package org.slacast.datasets.generate;

import java.time.DayOfWeek;

/** One simulated agent: a team, a tier and a shift (the profile's 8-hour ones, or any a what-if adds). */
final class Agent {
    final String id;
    final String name;
    final String team;
    final int tier;
    final DeskChange.AgentSpec shift;
    Job busyWith;

    Agent(String id, String name, String team, int tier, DeskChange.AgentSpec shift) {
        this.id = id;
        this.name = name;
        this.team = team;
        this.tier = tier;
        this.shift = shift;
    }

    boolean onShift(int minuteOfDay, DayOfWeek day) {
        return shift.onShift(minuteOfDay, day);
    }

    boolean weekdays() {
        return shift.days().contains(DayOfWeek.MONDAY);
    }

    boolean weekends() {
        return shift.days().contains(DayOfWeek.SATURDAY);
    }
}
