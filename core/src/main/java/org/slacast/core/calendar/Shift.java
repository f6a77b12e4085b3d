package org.slacast.core.calendar;

import org.slacast.core.BadInputException;
import java.time.LocalTime;

/**
 * One working period within a day, as minutes from local midnight; {@code endMinute} may be 1440 (24:00).
 *
 * @param startMinute first working minute, 0-1439
 * @param endMinute   end of the period, exclusive, after start and at most 1440
 */
public record Shift(int startMinute, int endMinute) implements Comparable<Shift> {
    /** The whole day, 00:00-24:00. */
    public static final Shift ALL_DAY = new Shift(0, 1440);

    /** Checks the bounds. */
    public Shift {
        if (startMinute < 0 || startMinute >= 1440 || endMinute <= startMinute || endMinute > 1440) {
            throw new BadInputException("shift " + format(startMinute) + "-" + format(endMinute)
                    + " must end after it starts, within one day (split a night shift into 22:00-24:00 and 00:00-06:00)");
        }
    }

    /**
     * Reads {@code HH:mm-HH:mm}; the end may be {@code 24:00}.
     *
     * @param text the range
     * @return the shift
     * @throws IllegalArgumentException saying what form is expected
     */
    public static Shift parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new BadInputException("shift '" + text + "' is not of the form HH:mm-HH:mm, e.g. 08:00-12:00");
        }
        return new Shift(minuteOf(parts[0], text), minuteOf(parts[1], text));
    }

    private static int minuteOf(String hhmm, String whole) {
        if (hhmm.equals("24:00")) {
            return 1440;
        }
        try {
            LocalTime t = LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
            return t.getHour() * 60 + t.getMinute();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInputException("shift '" + whole + "' has a time '" + hhmm + "' that is not HH:mm", e);
        }
    }

    /** @return working minutes in this shift on an ordinary (non-DST) day */
    public int minutes() {
        return endMinute - startMinute;
    }

    @Override
    public int compareTo(Shift o) {
        return Integer.compare(startMinute, o.startMinute);
    }

    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }

    private static String format(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
