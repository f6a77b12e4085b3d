package org.slacast.datasets.generate;

/** One simulated agent: a team, a tier and a fixed 8-hour shift. */
final class Agent {
    final String id;
    final String name;
    final String team;
    final int tier;
    final int shift;
    final boolean weekdays;
    final boolean weekends;
    Job busyWith;

    Agent(String id, String name, String team, int tier, int shift, boolean weekdays, boolean weekends) {
        this.id = id;
        this.name = name;
        this.team = team;
        this.tier = tier;
        this.shift = shift;
        this.weekdays = weekdays;
        this.weekends = weekends;
    }

    boolean onShift(int hour, boolean weekend) {
        return hour / 8 == shift && (weekend ? weekends : weekdays);
    }
}
