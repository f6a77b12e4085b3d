package org.slacast.datasets.generate;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slacast.core.BadInputException;
import org.slacast.core.calendar.WeeklyHours;

/**
 * A change to a simulated desk, for what-if runs: agents added or removed, stages made faster, fewer (or more)
 * reopens, more (or fewer) arrivals. {@link #NONE} is the desk as its profile defines it.
 *
 * @param label         what the change is, for reports, e.g. {@code --add-agent L1 22:00-06:00 Mon-Fri}
 * @param add           agents added
 * @param remove        agent ids removed (as in agents.csv)
 * @param faster        per stage, the share of its time cut: stages are the tiers' hands-on time ({@code L1},
 *                      {@code L2}, {@code L3}) and the waits ({@code awaiting_parts}, {@code awaiting_change},
 *                      {@code awaiting_fix}, {@code pending_customer})
 * @param reopenFactor  the reopen chance is multiplied by this
 * @param arrivalFactor the arrival rate is multiplied by this
 */
public record DeskChange(String label, List<AgentSpec> add, List<String> remove, Map<String, Double> faster,
                         double reopenFactor, double arrivalFactor) {
    /** The stages {@link #faster} may name. */
    public static final Set<String> STAGES = Set.of("L1", "L2", "L3", "awaiting_parts", "awaiting_change",
            "awaiting_fix", "pending_customer");
    /** No change. */
    public static final DeskChange NONE = new DeskChange("unchanged", List.of(), List.of(), Map.of(), 1, 1);

    /** Checks the stages and factors. */
    public DeskChange {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
        faster = Map.copyOf(faster);
        faster.forEach((stage, cut) -> {
            if (!STAGES.contains(stage)) {
                throw new BadInputException("--faster: unknown stage '" + stage + "'; use one of "
                        + STAGES.stream().sorted().toList());
            }
            if (!(cut > -1 && cut < 1)) {
                throw new BadInputException("--faster " + stage + ": a cut of " + cut + " is not between -100% and 100%");
            }
        });
        if (!(reopenFactor >= 0 && reopenFactor <= 20)) {
            throw new BadInputException("--reopen-rate must leave a factor between 0 and 20, not " + reopenFactor);
        }
        if (!(arrivalFactor > 0 && arrivalFactor <= 3)) {
            throw new BadInputException("--arrivals must leave a factor above 0 and at most 3, not " + arrivalFactor);
        }
    }

    /** @return the time factor of a stage: 0.8 for a 20% cut */
    double timeFactor(String stage) {
        return 1 - faster.getOrDefault(stage, 0.0);
    }

    /**
     * An agent's shift: a tier and team, local hours (a night shift may cross midnight, its hours after midnight
     * belonging to the day it started) and the days it starts on.
     *
     * @param tier        1-3
     * @param team        the team, or null for the tier's only team (L1's service desk)
     * @param startMinute local start, minutes after midnight
     * @param endMinute   local end, minutes after midnight, 1440 for midnight; before the start when it crosses
     *                    midnight
     * @param days        the days it starts on
     */
    public record AgentSpec(int tier, String team, int startMinute, int endMinute, Set<DayOfWeek> days) {
        /** Checks the numbers. */
        public AgentSpec {
            if (tier < 1 || tier > 3 || startMinute < 0 || startMinute >= 1440 || endMinute < 0 || endMinute > 1440
                    || startMinute == endMinute || days.isEmpty()) {
                throw new BadInputException("an agent needs a tier L1-L3, a shift that is not empty and a day");
            }
            days = Set.copyOf(days);
        }

        /**
         * Reads {@code L1 22:00-06:00 Mon-Fri} or {@code L2:Payments 08:00-16:00 mon-fri,sat}.
         *
         * @param text the spec
         * @return the agent
         */
        public static AgentSpec parse(String text) {
            String[] parts = text.strip().split("\\s+", 3);
            if (parts.length != 3 || !parts[0].toUpperCase(Locale.ROOT).matches("L[1-3](:.+)?")) {
                throw new BadInputException("agent '" + text + "' is not of the form TIER[:TEAM] HH:MM-HH:MM DAYS, "
                        + "e.g. 'L1 22:00-06:00 Mon-Fri' or 'L2:Payments 08:00-16:00 mon-fri'");
            }
            int tier = parts[0].charAt(1) - '0';
            String team = parts[0].length() > 3 ? parts[0].substring(3) : null;
            String[] hours = parts[1].split("-");
            if (hours.length != 2) {
                throw new BadInputException("agent '" + text + "': hours '" + parts[1] + "' are not HH:MM-HH:MM");
            }
            List<DayOfWeek> days = WeeklyHours.parseDays(parts[2]);
            return new AgentSpec(tier, team, minute(hours[0], text), minute(hours[1], text),
                    days.isEmpty() ? Set.of() : EnumSet.copyOf(days));
        }

        private static int minute(String hhmm, String text) {
            if (hhmm.equals("24:00")) {
                return 1440;
            }
            try {
                LocalTime t = LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
                return t.getHour() * 60 + t.getMinute();
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException("agent '" + text + "': '" + hhmm + "' is not a time HH:MM", e);
            }
        }

        /**
         * @param minuteOfDay local minutes after midnight
         * @param day         local day
         * @return whether the agent is on shift then
         */
        boolean onShift(int minuteOfDay, DayOfWeek day) {
            if (startMinute < endMinute) {
                return days.contains(day) && minuteOfDay >= startMinute && minuteOfDay < endMinute;
            }
            return days.contains(day) && minuteOfDay >= startMinute
                    || days.contains(day.minus(1)) && minuteOfDay < endMinute;
        }

        /** @return the shift's local hours, e.g. {@code 22:00-06:00} */
        String hours() {
            return String.format("%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60,
                    endMinute % 60);
        }
    }
}
