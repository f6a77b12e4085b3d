package org.slacast.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Laws every calendar obeys, over instants spread across several years and both DST changes. */
class BusinessCalendarPropertiesTest {
    private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    private static final BusinessCalendar OFFICE = BusinessCalendarTest.office(List.of(HolidayRule.parse("12-25"),
            HolidayRule.parse("last monday of may"), HolidayRule.parse("first monday of september")));
    private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven(ZoneId.of("America/New_York"));

    private static Instant at(long offsetMinutes) {
        return Instant.ofEpochSecond(FROM + offsetMinutes * 60);
    }

    @Property(seed = "20261123")
    void addingThenMeasuringGivesTheSameBusinessTime(@ForAll @LongRange(max = 1_500_000) long start,
                                                     @ForAll @LongRange(min = 1, max = 50_000) long minutes) {
        Instant from = at(start);
        Duration n = Duration.ofMinutes(minutes);
        assertThat(OFFICE.between(from, OFFICE.plus(from, n))).isEqualTo(n);
    }

    @Property(seed = "20261123")
    void roundTheClockAgreesWithPlainDurations(@ForAll @LongRange(max = 1_500_000) long start,
                                               @ForAll @LongRange(max = 200_000) long minutes) {
        Instant from = at(start);
        Instant to = from.plus(Duration.ofMinutes(minutes));
        assertThat(ALWAYS.between(from, to)).isEqualTo(Duration.between(from, to));
        if (minutes > 0) {
            assertThat(ALWAYS.plus(from, Duration.ofMinutes(minutes))).isEqualTo(to);
        }
    }

    @Property(seed = "20261123")
    void elapsedNeverDecreasesAsTimePasses(@ForAll @LongRange(max = 1_500_000) long start,
                                           @ForAll @LongRange(max = 30_000) long a,
                                           @ForAll @LongRange(max = 30_000) long b) {
        Instant from = at(start);
        Instant earlier = from.plus(Duration.ofMinutes(Math.min(a, b)));
        Instant later = from.plus(Duration.ofMinutes(Math.max(a, b)));
        assertThat(OFFICE.between(from, later)).isGreaterThanOrEqualTo(OFFICE.between(from, earlier));
        assertThat(OFFICE.between(from, later)).isLessThanOrEqualTo(Duration.between(from, later));
    }

    /** Long spans are summed per year, short ones per day: splitting a span anywhere must give the same total. */
    @Property(seed = "20261202")
    void businessTimeAddsUpAcrossAnySplit(@ForAll @LongRange(max = 1_500_000) long start,
                                          @ForAll @LongRange(max = 1_600_000) long a,
                                          @ForAll @LongRange(max = 1_600_000) long b) {
        Instant from = at(start);
        Instant mid = from.plus(Duration.ofMinutes(Math.min(a, b)));
        Instant to = from.plus(Duration.ofMinutes(Math.max(a, b)));
        assertThat(OFFICE.between(from, mid).plus(OFFICE.between(mid, to))).isEqualTo(OFFICE.between(from, to));
    }

    /** Issue 11: a ticket open across the whole accepted range is counted from per-year sums, not day by day. */
    @org.junit.jupiter.api.Test
    void aSpanOfThreeCenturiesIsCountedExactly() {
        Instant from = Instant.parse("1900-01-01T00:00:00Z");
        Instant to = Instant.parse("2200-01-01T00:00:00Z");
        assertThat(ALWAYS.between(from, to)).isEqualTo(Duration.between(from, to));
        Duration office = OFFICE.between(from, to);
        assertThat(office).isEqualTo(OFFICE.between(from, Instant.parse("2050-06-15T12:00:00Z"))
                .plus(OFFICE.between(Instant.parse("2050-06-15T12:00:00Z"), to)));
        assertThat(office.toHours()).isBetween(300L * 52 * 5 * 7, 300L * 52 * 5 * 9);
    }
}
