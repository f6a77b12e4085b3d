package org.slacast.datasets.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.datafaker.Faker;
import org.slacast.core.BadInputException;

/** The desk's agents: the profile's rosters, less the agents a change removes, plus those it adds. */
final class Staffing {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> WEEKENDS = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private Staffing() {
    }

    /**
     * Ids and names are given to the profile's agents first, removed or not, so that every desk of a seed
     * names them alike; added agents come after them.
     */
    static List<Agent> roster(Profile profile, DeskChange change, Faker faker) {
        List<Agent> out = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>(change.remove());
        int n = 0;
        for (Profile.Roster r : profile.rosters()) {
            for (int shift = 0; shift < 3; shift++) {
                int count = Math.max(r.weekday()[shift], r.weekend()[shift]);
                for (int k = 0; k < count; k++) {
                    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    days.addAll(k < r.weekday()[shift] ? WEEKDAYS : Set.of());
                    days.addAll(k < r.weekend()[shift] ? WEEKENDS : Set.of());
                    String id = "agent-" + (++n);
                    String name = faker.name().fullName();
                    if (!unknown.remove(id)) {
                        out.add(new Agent(id, name, r.team(), r.tier(), new DeskChange.AgentSpec(r.tier(), r.team(),
                                shift * 480, shift * 480 + 480, days)));
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadInputException("--remove-agent: no agent " + unknown.iterator().next() + " in profile "
                    + profile.name() + "; its agents are agent-1 .. agent-" + n + " (see agents.csv)");
        }
        for (DeskChange.AgentSpec a : change.add()) {
            String team = team(profile, a);
            out.add(new Agent("agent-" + (++n), faker.name().fullName(), team, a.tier(),
                    new DeskChange.AgentSpec(a.tier(), team, a.startMinute(), a.endMinute(), a.days())));
        }
        return out;
    }

    /** The added agent's team: the one named, or the tier's only team. */
    private static String team(Profile profile, DeskChange.AgentSpec a) {
        Set<String> teams = new LinkedHashSet<>();
        profile.rosters().stream().filter(r -> r.tier() == a.tier()).forEach(r -> teams.add(r.team()));
        if (a.team() == null && teams.size() == 1) {
            return teams.iterator().next();
        }
        for (String t : teams) {
            if (t.equalsIgnoreCase(a.team() == null ? "" : a.team())) {
                return t;
            }
        }
        throw new BadInputException("--add-agent: name the L" + a.tier() + " team, e.g. 'L" + a.tier() + ":"
                + teams.iterator().next() + " 08:00-16:00 mon-fri'; the teams are " + teams);
    }

    /**
     * @param shifts the agents' shifts
     * @param zone   the desk's zone
     * @param from   start, epoch ms
     * @param to     end, epoch ms
     * @return agent hours on shift between the two, counted in quarter hours
     */
    static double hours(List<DeskChange.AgentSpec> shifts, ZoneId zone, long from, long to) {
        double quarters = 0;
        for (long t = from; t < to; t += 15 * 60_000L) {
            ZonedDateTime local = Instant.ofEpochMilli(t).atZone(zone);
            int minute = local.getHour() * 60 + local.getMinute();
            for (DeskChange.AgentSpec s : shifts) {
                quarters += s.onShift(minute, local.getDayOfWeek()) ? 1 : 0;
            }
        }
        return quarters / 4;
    }
}
