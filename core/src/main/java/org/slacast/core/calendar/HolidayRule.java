package org.slacast.core.calendar;

import org.slacast.core.BadInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A rule that names a non-working date: once, or every year. */
public sealed interface HolidayRule {

    /**
     * @param year a calendar year
     * @return the date the rule names in that year, if any
     */
    Optional<LocalDate> dateIn(int year);

    /**
     * A single date.
     *
     * @param date the date
     */
    record FixedDate(LocalDate date) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            return date.getYear() == year ? Optional.of(date) : Optional.empty();
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    /**
     * The same month and day every year; February 29 only in leap years.
     *
     * @param monthDay the month and day
     */
    record Annual(MonthDay monthDay) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            return monthDay.isValidYear(year) ? Optional.of(monthDay.atYear(year)) : Optional.empty();
        }

        @Override
        public String toString() {
            return "%02d-%02d".formatted(monthDay.getMonthValue(), monthDay.getDayOfMonth());
        }
    }

    /**
     * The nth weekday of a month, e.g. the first Monday of September; no date if the month has fewer.
     *
     * @param n       1 to 5
     * @param weekday the weekday
     * @param month   the month
     */
    record NthWeekday(int n, DayOfWeek weekday, Month month) implements HolidayRule {
        /** Checks n. */
        public NthWeekday {
            if (n < 1 || n > 5) {
                throw new BadInputException("the n of an nth-weekday holiday must be 1 to 5, not " + n);
            }
        }

        @Override
        public Optional<LocalDate> dateIn(int year) {
            LocalDate d = LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
            return d.getMonth() == month ? Optional.of(d) : Optional.empty();
        }

        @Override
        public String toString() {
            return ORDINALS.get(n - 1) + " " + lower(weekday) + " of " + lower(month);
        }
    }

    /**
     * The last given weekday of a month, e.g. the last Monday of May.
     *
     * @param weekday the weekday
     * @param month   the month
     */
    record LastWeekday(DayOfWeek weekday, Month month) implements HolidayRule {
        @Override
        public Optional<LocalDate> dateIn(int year) {
            return Optional.of(LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(weekday)));
        }

        @Override
        public String toString() {
            return "last " + lower(weekday) + " of " + lower(month);
        }
    }

    /** Ordinal words accepted by {@link #parse(String)}. */
    List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    /**
     * Reads a rule: {@code 2026-12-24} (once), {@code 12-25} (every year), {@code first monday of september},
     * {@code 2nd tuesday of march}, {@code last monday of may}.
     *
     * @param text the rule
     * @return the rule
     * @throws IllegalArgumentException showing the accepted forms
     */
    static HolidayRule parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new FixedDate(LocalDate.parse(t));
            }
            if (t.matches("(--)?\\d{2}-\\d{2}")) {
                return new Annual(MonthDay.parse(t.startsWith("--") ? t : "--" + t));
            }
        } catch (DateTimeParseException e) {
            throw new BadInputException("holiday '" + text + "' is not a real date", e);
        }
        String[] w = t.split("\\s+");
        if (w.length == 4 && w[2].equals("of")) {
            DayOfWeek day = enumOf(DayOfWeek.class, w[1], text);
            Month month = enumOf(Month.class, w[3], text);
            if (w[0].equals("last")) {
                return new LastWeekday(day, month);
            }
            int n = ordinal(w[0]);
            if (n > 0) {
                return new NthWeekday(n, day, month);
            }
        }
        throw new BadInputException("holiday '" + text + "' is not a rule; use yyyy-MM-dd (once), MM-dd "
                + "(every year), 'first monday of september' or 'last monday of may'");
    }

    private static int ordinal(String word) {
        int i = ORDINALS.indexOf(word);
        if (i >= 0) {
            return i + 1;
        }
        return switch (word) {
            case "1st" -> 1;
            case "2nd" -> 2;
            case "3rd" -> 3;
            case "4th" -> 4;
            case "5th" -> 5;
            default -> 0;
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String word, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).startsWith(word) && word.length() >= 3) {
                return e;
            }
        }
        throw new BadInputException("holiday '" + text + "': '" + word + "' is not a "
                + type.getSimpleName().replace("DayOfWeek", "weekday").toLowerCase(Locale.ROOT));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
