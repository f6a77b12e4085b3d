package org.slacast.training.desk;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.CsvRow;
import org.slacast.core.ticket.Tier;

/**
 * Who is on duty when: a roster as {@code slacast generate} writes {@code agents.csv} ({@code agent_id}, {@code
 * shift} as {@code HH:MM-HH:MM}, {@code weekdays}, {@code weekends}; a shift that ends at or before it starts runs
 * past midnight and belongs to the day it starts), or the same columns from a real rota.
 *
 * @param agents each agent's shift
 */
public record Roster(List<Agent> agents) {
    /** Copies the list. */
    public Roster {
        agents = List.copyOf(agents);
    }

    /**
     * @param id       the agent
     * @param tier     the tier the agent works in, or null when the roster does not say
     * @param start    the shift's start, minutes after midnight
     * @param end      its end, minutes after midnight (1440 for midnight)
     * @param weekdays whether the agent works Monday to Friday
     * @param weekends whether the agent works Saturday and Sunday
     */
    public record Agent(String id, Tier tier, int start, int end, boolean weekdays, boolean weekends) {
        /** @return the shift as written, {@code 22:00-06:00} */
        public String shift() {
            return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
        }

        boolean worksOn(DayOfWeek d) {
            return d.getValue() >= 6 ? weekends : weekdays;
        }

        /** @return the minutes of hour {@code hour} of day {@code day} (1 = Monday) this agent is on duty */
        double minutesIn(int day, int hour) {
            double m = 0;
            int from = hour * 60;
            int to = from + 60;
            DayOfWeek today = DayOfWeek.of(day);
            if (worksOn(today)) {
                m += overlap(from, to, start, end > start ? end : 1440);
            }
            if (end <= start && worksOn(today.minus(1))) {
                m += overlap(from, to, 0, end);
            }
            return m;
        }

        private static int overlap(int a, int b, int c, int d) {
            return Math.max(0, Math.min(b, d) - Math.max(a, c));
        }
    }

    /**
     * @param file the roster
     * @return it
     * @throws BadInputException naming the file and line of a bad row
     */
    public static Roster load(Path file) {
        List<Agent> agents = new ArrayList<>();
        CsvFiles.read(file, List.of("agent_id", "shift", "weekdays", "weekends"), row -> agents.add(agent(row)));
        if (agents.isEmpty()) {
            throw new BadInputException(file + ": no agents; give agents.csv as 'slacast generate' writes it");
        }
        return new Roster(agents);
    }

    private static Agent agent(CsvRow row) {
        String shift = row.require("shift").strip();
        String[] parts = shift.split("-");
        if (parts.length != 2) {
            throw new BadInputException(row.file() + ":" + row.line() + ": shift '" + shift + "' is not HH:MM-HH:MM");
        }
        String tier = row.get("tier");
        Tier t;
        try {
            t = tier == null || tier.isBlank() ? null : Tier.parse(tier);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(row.file() + ":" + row.line() + ": " + e.getMessage());
        }
        return new Agent(row.require("agent_id"), t, minutes(row, parts[0]), minutes(row, parts[1]),
                flag(row, "weekdays"), flag(row, "weekends"));
    }

    private static int minutes(CsvRow row, String hhmm) {
        String[] p = hhmm.strip().split(":");
        try {
            int h = Integer.parseInt(p[0]);
            int m = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            if (p.length <= 2 && h >= 0 && m >= 0 && m < 60 && h * 60 + m <= 1440) {
                return h * 60 + m;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(row.file() + ":" + row.line() + ": shift time '" + hhmm + "' is not HH:MM "
                + "between 00:00 and 24:00");
    }

    private static boolean flag(CsvRow row, String column) {
        String v = row.require(column).strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadInputException(row.file() + ":" + row.line() + ": " + column + " '" + v
                    + "' is not true or false");
        };
    }

    /**
     * @param tier a tier
     * @param file where the roster came from, for the error
     * @return the agents of that tier (all of them when the roster names no tiers)
     * @throws BadInputException if none work in it
     */
    public Roster inTier(Tier tier, Path file) {
        Roster in = inTier(tier);
        if (in == null) {
            throw new BadInputException(file + ": no agent works in " + tier + "; give --tier all");
        }
        return in;
    }

    /**
     * @param tier a tier
     * @return the agents of that tier (all of them when the roster names no tiers), or null when none works in it
     */
    public Roster inTier(Tier tier) {
        if (agents.stream().allMatch(a -> a.tier() == null)) {
            return this;
        }
        List<Agent> in = agents.stream().filter(a -> a.tier() == tier).toList();
        return in.isEmpty() ? null : new Roster(in);
    }

    /** @return agents on duty in each hour of the week, [weekday 0 = Monday][hour], as fractions of an hour */
    public double[][] onDuty() {
        double[][] out = new double[7][24];
        for (Agent a : agents) {
            for (int d = 0; d < 7; d++) {
                for (int h = 0; h < 24; h++) {
                    out[d][h] += a.minutesIn(d + 1, h) / 60.0;
                }
            }
        }
        return out;
    }

    /** @return the distinct shifts, in the order first met */
    public Set<String> shifts() {
        Set<String> out = new LinkedHashSet<>();
        agents.forEach(a -> out.add(a.shift()));
        return out;
    }
}
