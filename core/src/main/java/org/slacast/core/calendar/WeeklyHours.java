package org.slacast.core.calendar;

import org.slacast.core.BadInputException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Working shifts for each weekday. Days without shifts are closed.
 *
 * @param shifts for each weekday, its shifts sorted and non-overlapping
 */
public record WeeklyHours(Map<DayOfWeek, List<Shift>> shifts) {

    /** Sorts each day's shifts and rejects overlaps. */
    public WeeklyHours {
        EnumMap<DayOfWeek, List<Shift>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            List<Shift> day = new ArrayList<>(shifts.getOrDefault(d, List.of()));
            day.sort(null);
            for (int i = 1; i < day.size(); i++) {
                if (day.get(i).startMinute() < day.get(i - 1).endMinute()) {
                    throw new BadInputException(d.name().toLowerCase(Locale.ROOT) + " has overlapping shifts "
                            + day.get(i - 1) + " and " + day.get(i));
                }
            }
            copy.put(d, List.copyOf(day));
        }
        shifts = Map.copyOf(copy);
    }

    /** @return round-the-clock hours, every day 00:00-24:00 */
    public static WeeklyHours twentyFourSeven() {
        Map<DayOfWeek, List<Shift>> m = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            m.put(d, List.of(Shift.ALL_DAY));
        }
        return new WeeklyHours(m);
    }

    /**
     * The same shifts on the given days.
     *
     * @param days   the working days
     * @param shifts their shifts
     * @return the hours
     */
    public static WeeklyHours of(List<DayOfWeek> days, Shift... shifts) {
        Map<DayOfWeek, List<Shift>> m = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days) {
            m.put(d, Arrays.asList(shifts));
        }
        return new WeeklyHours(m);
    }

    /**
     * @param day a weekday
     * @return its shifts, empty when closed
     */
    public List<Shift> on(DayOfWeek day) {
        return shifts.get(day);
    }

    /** @return true if no day has a shift */
    public boolean isEmpty() {
        return shifts.values().stream().allMatch(List::isEmpty);
    }

    /**
     * Reads a day spec: {@code mon}, {@code monday}, {@code mon-fri}, {@code sat,sun}, {@code daily}.
     *
     * @param spec the spec
     * @return the days it names, in order
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static List<DayOfWeek> parseDays(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : spec.toLowerCase(Locale.ROOT).split("\\s*,\\s*")) {
            if (part.equals("daily") || part.equals("every day")) {
                days.addAll(List.of(DayOfWeek.values()));
            } else if (part.equals("weekdays")) {
                days.addAll(List.of(DayOfWeek.values()).subList(0, 5));
            } else if (part.equals("weekends")) {
                days.addAll(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            } else if (part.contains("-")) {
                String[] ends = part.split("\\s*-\\s*");
                DayOfWeek from = day(ends[0], spec);
                DayOfWeek to = day(ends[1], spec);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                days.add(day(part, spec));
            }
        }
        return days;
    }

    private static DayOfWeek day(String name, String spec) {
        String n = name.strip();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (n.length() >= 3 && full.startsWith(n)) {
                return d;
            }
        }
        throw new BadInputException("'" + spec + "' is not a day spec; use mon..sun, ranges like mon-fri, "
                + "lists like sat,sun, or daily");
    }
}
