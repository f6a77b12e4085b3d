package org.slacast.core.band;

import org.slacast.core.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A due or completion date from a task list: a whole day, or an instant.
 *
 * @param date    the local date (for an instant, its date in the list's zone)
 * @param instant the instant, or null for a date-only value
 */
public record TaskDate(LocalDate date, Instant instant) {
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("uuuu/MM/dd"), DateTimeFormatter.ofPattern("dd-MM-uuuu"),
            DateTimeFormatter.ofPattern("MM/dd/uuuu"));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]"), DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm[:ss]"));

    /** @return true if only the day is known */
    public boolean isDateOnly() {
        return instant == null;
    }

    /**
     * Whether this is later than another: by instant when both have one, otherwise by whole days.
     *
     * @param other another date
     * @return true if strictly later
     */
    public boolean isAfter(TaskDate other) {
        if (instant != null && other.instant != null) {
            return instant.isAfter(other.instant);
        }
        return date.isAfter(other.date);
    }

    /**
     * Reads yyyy-MM-dd, yyyy/MM/dd, dd-MM-yyyy or MM/dd/yyyy; or a date-time as ISO-8601 with an offset, or
     * {@code yyyy-MM-dd HH:mm[:ss]} in the given zone.
     *
     * @param text the value
     * @param zone the zone of local date-times
     * @return the date
     * @throws IllegalArgumentException listing the accepted formats
     */
    public static TaskDate parse(String text, ZoneId zone) {
        String t = text.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return new TaskDate(LocalDate.parse(t, f), null);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            Instant i = OffsetDateTime.parse(t).toInstant();
            return new TaskDate(i.atZone(zone).toLocalDate(), i);
        } catch (DateTimeParseException ignored) {
            // not ISO with offset
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                Instant i = LocalDateTime.parse(t, f).atZone(zone).toInstant();
                return new TaskDate(i.atZone(zone).toLocalDate(), i);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new BadInputException("'" + text + "' is not a date; use yyyy-MM-dd, yyyy/MM/dd, dd-MM-yyyy, "
                + "MM/dd/yyyy, or a date-time such as 2026-03-01T09:30Z or 2026-03-01 09:30");
    }
}
