package org.slacast.core.calendar;

import org.slacast.core.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working time: a zone, weekly shifts and holidays. Counts and adds business time between instants.
 *
 * <p>Shift boundaries are wall-clock times in {@link #zone()}; inside a shift real time is counted. So a
 * Europe/Berlin 09:00-17:00 calendar keeps its 8 hours on either side of a DST change, and a 24×7 calendar
 * counts the 23-hour spring-forward day as 23 hours. Thread-safe; day layouts are cached.
 */
public final class BusinessCalendar {
    /** How far {@link #plus} looks for working time before it decides there is none (about two years). */
    private static final int MAX_IDLE_DAYS = 800;

    private final String name;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final List<HolidayRule> holidays;
    private final ConcurrentHashMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, long[]> dayIntervals = new ConcurrentHashMap<>();
    /** Per year, working ms before each day of it: [0] = 0, [n] = the year's total. */
    private final ConcurrentHashMap<Integer, long[]> yearPrefix = new ConcurrentHashMap<>();
    /** Spans of at most this many days are counted day by day; longer ones through {@link #yearPrefix}. */
    private static final int DIRECT_DAYS = 62;
    private static final long DAY_MILLIS = 86_400_000L;
    /** The offset span {@link #epochDay} used last; any thread may replace it, each one whole. */
    private volatile OffsetSpan span = new OffsetSpan(0, 0, 0);
    /** Years whose day sums are cached (a year's array is 3 KB). */
    private static final int CACHED_YEARS = 1_000;

    /**
     * @param name     a name for messages
     * @param zone     the zone whose wall clock the shifts follow
     * @param hours    weekly shifts; at least one day must have one
     * @param holidays non-working dates
     * @throws IllegalArgumentException if no day has working time
     */
    public BusinessCalendar(String name, ZoneId zone, WeeklyHours hours, List<HolidayRule> holidays) {
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = List.copyOf(holidays);
        if (hours.isEmpty()) {
            throw new BadInputException("calendar '" + name + "' has no working hours; give at least one day "
                    + "a shift such as 09:00-17:00, or use 24x7");
        }
    }

    /**
     * @param zone the zone
     * @return a round-the-clock calendar without holidays
     */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return new BusinessCalendar("24x7", zone, WeeklyHours.twentyFourSeven(), List.of());
    }

    /** @return the calendar's name */
    public String name() {
        return name;
    }

    /** @return the zone whose wall clock the shifts follow */
    public ZoneId zone() {
        return zone;
    }

    /** @return the weekly shifts */
    public WeeklyHours hours() {
        return hours;
    }

    /** @return the holiday rules */
    public List<HolidayRule> holidays() {
        return holidays;
    }

    /**
     * @param date a local date in the calendar's zone
     * @return true if a holiday rule names it
     */
    public boolean isHoliday(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), this::holidaysIn).contains(date);
    }

    private Set<LocalDate> holidaysIn(int year) {
        Set<LocalDate> set = new HashSet<>();
        for (HolidayRule r : holidays) {
            r.dateIn(year).ifPresent(set::add);
        }
        return Set.copyOf(set);
    }

    /**
     * @param date a local date
     * @return true if it has a shift and is not a holiday
     */
    public boolean isWorkingDay(LocalDate date) {
        return intervals(date.toEpochDay()).length > 0;
    }

    /**
     * @param date a local date
     * @return true if the following day is a holiday (the eve of a holiday)
     */
    public boolean isHolidayEve(LocalDate date) {
        return isHoliday(date.plusDays(1));
    }

    /**
     * @param date a local date
     * @return the business time that date holds
     */
    public Duration workingTimeOn(LocalDate date) {
        long[] iv = intervals(date.toEpochDay());
        long ms = 0;
        for (int i = 0; i < iv.length; i += 2) {
            ms += iv[i + 1] - iv[i];
        }
        return Duration.ofMillis(ms);
    }

    /**
     * Business time between two instants; zero if {@code to} is not after {@code from}.
     *
     * @param from start
     * @param to   end
     * @return the working time in between
     */
    public Duration between(Instant from, Instant to) {
        return Duration.ofMillis(millisBetween(from.toEpochMilli(), to.toEpochMilli()));
    }

    /**
     * Business milliseconds between two epoch-millisecond instants; the allocation-free form of
     * {@link #between(Instant, Instant)}.
     *
     * @param from start, epoch ms
     * @param to   end, epoch ms
     * @return working ms in between, 0 if to ≤ from
     */
    public long millisBetween(long from, long to) {
        if (to <= from) {
            return 0;
        }
        long firstDay = epochDay(from);
        long lastDay = epochDay(to);
        if (lastDay - firstDay <= DIRECT_DAYS) {
            long total = 0;
            for (long day = firstDay; day <= lastDay; day++) {
                total += within(day, from, to);
            }
            return total;
        }
        // A long span: its two end days exactly, the whole days between from per-year sums, so that the work is
        // bounded by the years spanned rather than the days (a ticket open for a century costs microseconds).
        return within(firstDay, from, to) + wholeDays(firstDay + 1, lastDay - 1) + within(lastDay, from, to);
    }

    /** Working ms of one local day that fall within [from, to). */
    private long within(long day, long from, long to) {
        long[] iv = intervals(day);
        long total = 0;
        for (int i = 0; i < iv.length; i += 2) {
            long s = Math.max(iv[i], from);
            long e = Math.min(iv[i + 1], to);
            if (e > s) {
                total += e - s;
            }
        }
        return total;
    }

    /** Working ms of the whole local days first..last, both included. */
    private long wholeDays(long first, long last) {
        LocalDate a = LocalDate.ofEpochDay(first);
        LocalDate b = LocalDate.ofEpochDay(last);
        if (a.getYear() == b.getYear()) {
            long[] p = prefix(a.getYear());
            return p[b.getDayOfYear()] - p[a.getDayOfYear() - 1];
        }
        long[] pa = prefix(a.getYear());
        long total = pa[pa.length - 1] - pa[a.getDayOfYear() - 1];
        for (int y = a.getYear() + 1; y < b.getYear(); y++) {
            long[] py = prefix(y);
            total += py[py.length - 1];
        }
        return total + prefix(b.getYear())[b.getDayOfYear()];
    }

    private long[] prefix(int year) {
        long[] cached = yearPrefix.get(year);
        if (cached != null) {
            return cached;
        }
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        long[] p = new long[jan1.lengthOfYear() + 1];
        for (int d = 0; d < jan1.lengthOfYear(); d++) {
            long[] iv = layout(jan1.plusDays(d));
            long ms = 0;
            for (int i = 0; i < iv.length; i += 2) {
                ms += iv[i + 1] - iv[i];
            }
            p[d + 1] = p[d] + ms;
        }
        if (yearPrefix.size() < CACHED_YEARS) {
            yearPrefix.put(year, p);
        }
        return p;
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code from}. A zero amount gives
     * {@code from}; a positive one ends inside or at the end of a shift.
     *
     * @param from   start
     * @param amount business time to add, not negative
     * @return the instant reached
     * @throws org.slacast.core.BadInputException if no working time exists in the two years searched (all holidays)
     */
    public Instant plus(Instant from, Duration amount) {
        return Instant.ofEpochMilli(plusMillis(from.toEpochMilli(), amount.toMillis()));
    }

    /**
     * The allocation-free form of {@link #plus(Instant, Duration)}.
     *
     * @param from   start, epoch ms
     * @param amount business ms to add, not negative
     * @return the epoch ms reached
     */
    public long plusMillis(long from, long amount) {
        if (amount < 0) {
            throw new BadInputException("cannot add a negative business time " + amount + " ms");
        }
        if (amount == 0) {
            return from;
        }
        long remaining = amount;
        int idle = 0;
        for (long day = epochDay(from); ; day++) {
            long[] iv = intervals(day);
            boolean worked = false;
            for (int i = 0; i < iv.length; i += 2) {
                if (iv[i + 1] <= from) {
                    continue;
                }
                worked = true;
                long s = Math.max(iv[i], from);
                long avail = iv[i + 1] - s;
                if (remaining <= avail) {
                    return s + remaining;
                }
                remaining -= avail;
            }
            idle = worked ? 0 : idle + 1;
            if (idle > MAX_IDLE_DAYS) {
                throw new BadInputException("calendar '" + name + "' has no working time in the "
                        + MAX_IDLE_DAYS + " days after " + LocalDate.ofEpochDay(day - MAX_IDLE_DAYS)
                        + "; check its hours and holidays");
            }
        }
    }

    /**
     * Business time left in the local day that holds {@code at}.
     *
     * @param at an instant
     * @return the working time from {@code at} to the end of its local day
     */
    public Duration leftInDay(Instant at) {
        long ms = at.toEpochMilli();
        long[] iv = intervals(epochDay(ms));
        long left = 0;
        for (int i = 0; i < iv.length; i += 2) {
            left += Math.max(0, iv[i + 1] - Math.max(iv[i], ms));
        }
        return Duration.ofMillis(left);
    }

    /** @return the local day that holds an instant, as its epoch day */
    long epochDay(long epochMilli) {
        OffsetSpan s = span;
        if (epochMilli < s.from() || epochMilli >= s.until()) {
            s = OffsetSpan.around(zone, epochMilli);
            span = s;
        }
        return Math.floorDiv(epochMilli + s.offsetMillis(), DAY_MILLIS);
    }

    /**
     * The zone's offset between two of its transitions. The last one asked is kept, so that a day's number costs no
     * allocation: through a ZonedDateTime it cost two objects and, in a zone with daylight saving, a boxed year.
     */
    private record OffsetSpan(long from, long until, long offsetMillis) {
        static OffsetSpan around(ZoneId zone, long epochMilli) {
            java.time.zone.ZoneRules rules = zone.getRules();
            Instant at = Instant.ofEpochMilli(epochMilli);
            long offset = rules.getOffset(at).getTotalSeconds() * 1000L;
            java.time.zone.ZoneOffsetTransition before = rules.previousTransition(at.plusMillis(1));
            java.time.zone.ZoneOffsetTransition after = rules.nextTransition(at);
            long from = before == null ? Long.MIN_VALUE : before.toEpochSecond() * 1000;
            long until = after == null ? Long.MAX_VALUE : after.toEpochSecond() * 1000;
            // Trusted only where the rules agree the instant lies between them; otherwise this instant alone.
            return from <= epochMilli && epochMilli < until ? new OffsetSpan(from, until, offset)
                    : new OffsetSpan(epochMilli, epochMilli + 1, offset);
        }
    }

    /** Working intervals of one local day as epoch-ms pairs [start, end, start, end, ...]. */
    private long[] intervals(long epochDay) {
        long[] cached = dayIntervals.get(epochDay);
        if (cached != null) {
            return cached;
        }
        long[] computed = layout(LocalDate.ofEpochDay(epochDay));
        // Bounded: a calendar serves tickets spanning some years at most, so the cache stays small.
        if (dayIntervals.size() < 200_000) {
            dayIntervals.put(epochDay, computed);
        }
        return computed;
    }

    private long[] layout(LocalDate date) {
        if (isHoliday(date)) {
            return new long[0];
        }
        List<Shift> shifts = hours.on(date.getDayOfWeek());
        long[] iv = new long[shifts.size() * 2];
        for (int i = 0; i < shifts.size(); i++) {
            Shift s = shifts.get(i);
            iv[2 * i] = wallClock(date, s.startMinute());
            iv[2 * i + 1] = wallClock(date, s.endMinute());
        }
        return iv;
    }

    private long wallClock(LocalDate date, int minuteOfDay) {
        ZonedDateTime t = minuteOfDay == 1440
                ? date.plusDays(1).atStartOfDay(zone)
                : date.atTime(minuteOfDay / 60, minuteOfDay % 60).atZone(zone);
        return t.toInstant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + name + ", " + zone + "]";
    }
}
