package org.slacast.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.values()).subList(0, 5);

    static BusinessCalendar office(List<HolidayRule> holidays) {
        return new BusinessCalendar("office", BERLIN,
                WeeklyHours.of(WEEKDAYS, Shift.parse("08:00-12:00"), Shift.parse("13:00-17:00")), holidays);
    }

    static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void splitShiftSkipsLunchAndNight() {
        BusinessCalendar c = office(List.of());
        // Monday 2026-03-02 11:00 to 14:00 is 1h before lunch and 1h after.
        assertThat(c.between(berlin("2026-03-02T11:00"), berlin("2026-03-02T14:00"))).isEqualTo(Duration.ofHours(2));
        // Monday 16:00 to Tuesday 09:00: 1h + 1h.
        assertThat(c.between(berlin("2026-03-02T16:00"), berlin("2026-03-03T09:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(c.workingTimeOn(LocalDate.of(2026, 3, 2))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void plusEndsInsideAShiftAndSkipsLunchAndWeekend() {
        BusinessCalendar c = office(List.of());
        assertThat(c.plus(berlin("2026-03-02T11:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-03-02T13:30"));
        // Friday 16:30 + 1h: 30 min on Friday, 30 min on Monday.
        assertThat(c.plus(berlin("2026-03-06T16:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-03-09T08:30"));
        // Exactly the rest of a shift ends at the shift's end.
        assertThat(c.plus(berlin("2026-03-02T16:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-03-02T17:00"));
        // Starting outside hours counts from the next shift.
        assertThat(c.plus(berlin("2026-03-07T10:00"), Duration.ofMinutes(15))).isEqualTo(berlin("2026-03-09T08:15"));
    }

    @Test
    void holidayRulesNameTheRightDates() {
        assertThat(HolidayRule.parse("first monday of september").dateIn(2026)).contains(LocalDate.of(2026, 9, 7));
        assertThat(HolidayRule.parse("last monday of may").dateIn(2026)).contains(LocalDate.of(2026, 5, 25));
        assertThat(HolidayRule.parse("4th thursday of november").dateIn(2026)).contains(LocalDate.of(2026, 11, 26));
        assertThat(HolidayRule.parse("fifth monday of february").dateIn(2026)).isEmpty();
        assertThat(HolidayRule.parse("12-25").dateIn(2027)).contains(LocalDate.of(2027, 12, 25));
        assertThat(HolidayRule.parse("02-29").dateIn(2027)).isEmpty();
        assertThat(HolidayRule.parse("2026-04-03").dateIn(2027)).isEmpty();
        assertThatThrownBy(() -> HolidayRule.parse("first funday of may")).hasMessageContaining("'funday' is not a weekday");
        assertThatThrownBy(() -> HolidayRule.parse("2026-02-30")).hasMessageContaining("not a real date");
    }

    @Test
    void holidaysAreNotBusinessTime() {
        BusinessCalendar c = office(List.of(HolidayRule.parse("2026-04-03"), HolidayRule.parse("first monday of september")));
        // Thursday 16:00 to Monday 09:00 across Good Friday: 1h + 1h.
        assertThat(c.between(berlin("2026-04-02T16:00"), berlin("2026-04-06T09:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(c.isWorkingDay(LocalDate.of(2026, 9, 7))).isFalse();
        assertThat(c.isHolidayEve(LocalDate.of(2026, 4, 2))).isTrue();
    }

    @Test
    void holidayOnAWeekendTakesNothingAway() {
        // 2026-12-26 is a Saturday: the week's business time is unchanged.
        BusinessCalendar with = office(List.of(HolidayRule.parse("12-26")));
        BusinessCalendar without = office(List.of());
        Instant from = berlin("2026-12-21T08:00");
        Instant to = berlin("2026-12-29T17:00");
        assertThat(with.between(from, to)).isEqualTo(without.between(from, to)).isEqualTo(Duration.ofHours(56));
    }

    @Test
    void springForwardKeepsShiftsOnTheWallClock() {
        BusinessCalendar c = office(List.of());
        // DST starts Sunday 2026-03-29 in Berlin; Friday 16:00 to Monday 10:00 is still 1h + 2h.
        assertThat(c.between(berlin("2026-03-27T16:00"), berlin("2026-03-30T10:00"))).isEqualTo(Duration.ofHours(3));
        // Monday's shift starts at 08:00 local, which is now 06:00 UTC, not 07:00.
        assertThat(c.plus(berlin("2026-03-27T16:00"), Duration.ofHours(1)).toString()).isEqualTo("2026-03-27T16:00:00Z");
        assertThat(c.plus(berlin("2026-03-27T16:30"), Duration.ofHours(1))).isEqualTo(Instant.parse("2026-03-30T06:30:00Z"));
        // A round-the-clock calendar counts the 23-hour day as 23 hours, like a plain duration.
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(BERLIN);
        assertThat(always.workingTimeOn(LocalDate.of(2026, 3, 29))).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void fallBackCountsTheLongDayForRoundTheClockOnly() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(BERLIN);
        assertThat(always.workingTimeOn(LocalDate.of(2026, 10, 25))).isEqualTo(Duration.ofHours(25));
        BusinessCalendar c = office(List.of());
        assertThat(c.between(berlin("2026-10-23T16:00"), berlin("2026-10-26T10:00"))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRejected() {
        assertThatThrownBy(() -> new BusinessCalendar("empty", BERLIN, new WeeklyHours(Map.of()), List.of()))
                .hasMessageContaining("calendar 'empty' has no working hours");
    }

    @Test
    void aCalendarWhoseEveryWorkingDayIsAHolidayFailsInsteadOfHanging() {
        List<HolidayRule> allMondays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 5); d.getYear() < 2029; d = d.plusWeeks(1)) {
            allMondays.add(new HolidayRule.FixedDate(d));
        }
        BusinessCalendar c = new BusinessCalendar("mondays", BERLIN,
                WeeklyHours.of(List.of(DayOfWeek.MONDAY), Shift.parse("09:00-17:00")), allMondays);
        assertThatThrownBy(() -> c.plus(berlin("2026-01-01T00:00"), Duration.ofMinutes(1)))
                .isInstanceOf(org.slacast.core.BadInputException.class).hasMessageContaining("has no working time in the 800 days");
    }

    @Test
    void shiftsAndDaySpecsAreValidated() {
        assertThatThrownBy(() -> Shift.parse("17:00-08:00")).hasMessageContaining("split a night shift");
        assertThatThrownBy(() -> Shift.parse("8-12")).hasMessageContaining("not HH:mm");
        assertThat(Shift.parse("22:00-24:00").minutes()).isEqualTo(120);
        assertThat(WeeklyHours.parseDays("fri-mon")).containsExactly(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThatThrownBy(() -> new WeeklyHours(Map.of(DayOfWeek.MONDAY,
                List.of(Shift.parse("08:00-12:00"), Shift.parse("11:00-13:00"))))).hasMessageContaining("overlapping");
    }

    /** A day's number from the kept offset span equals java.time's, at random instants and at every transition. */
    @Test
    void theLocalDayOfAnInstantIsJavaTimesInEveryZoneAndAtEveryTransition() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (String id : new String[] {"Europe/Berlin", "UTC", "America/Sao_Paulo", "Australia/Lord_Howe",
            "Pacific/Apia", "Asia/Kolkata", "America/New_York"}) {
            ZoneId zone = ZoneId.of(id);
            BusinessCalendar c = BusinessCalendar.twentyFourSeven(zone);
            java.util.List<Long> instants = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                // Mostly near each other, as a desk's tickets are, now and then a jump of decades either way.
                instants.add(i % 100 == 0 ? r.nextLong(-2_000_000_000_000L, 5_000_000_000_000L)
                        : 1_700_000_000_000L + r.nextLong(0, 400L * 86_400_000L));
            }
            var t = zone.getRules().nextTransition(Instant.parse("2020-01-01T00:00:00Z"));
            for (int i = 0; i < 20 && t != null; i++, t = zone.getRules().nextTransition(t.getInstant())) {
                long at = t.getInstant().toEpochMilli();
                instants.addAll(List.of(at - 1, at, at + 1));
            }
            for (long at : instants) {
                assertThat(c.epochDay(at)).as("%s in %s", Instant.ofEpochMilli(at), id)
                        .isEqualTo(Instant.ofEpochMilli(at).atZone(zone).toLocalDate().toEpochDay());
            }
        }
    }
}
