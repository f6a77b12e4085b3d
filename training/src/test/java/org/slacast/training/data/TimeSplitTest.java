package org.slacast.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slacast.core.BadInputException;
import org.slacast.training.data.TimeSplit.Part;

class TimeSplitTest {
    static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");

    static Instant hour(int h) {
        return T0.plusSeconds(3600L * h);
    }

    /** Tickets created at hours 0 .. n-1, in a shuffled order (fixed seed). */
    static List<Instant> hourly(int n) {
        List<Instant> created = new ArrayList<>(IntStream.range(0, n).mapToObj(TimeSplitTest::hour).toList());
        Collections.shuffle(created, new Random(7));
        return List.copyOf(created);
    }

    static Map<Part, Long> counts(TimeSplit s, List<Instant> created) {
        return created.stream().collect(Collectors.groupingBy(s::part, Collectors.counting()));
    }

    @Test
    void splitsByCreationTimeWhateverTheInputOrder() {
        List<Instant> created = hourly(40);
        TimeSplit s = TimeSplit.of(created, 0.5, 0.25);
        assertThat(s.trainEnd()).isEqualTo(hour(20)); // sorted[(int) (40 x 0.5) = 20]
        assertThat(s.validEnd()).isEqualTo(hour(30)); // sorted[(int) (40 x 0.75) = 30]
        assertThat(s.first()).isEqualTo(hour(0));
        assertThat(s.last()).isEqualTo(hour(39));
        // Hours 0-19 train, 20-29 validation, 30-39 test
        assertThat(counts(s, created)).containsExactlyInAnyOrderEntriesOf(
                Map.of(Part.TRAIN, 20L, Part.VALIDATION, 10L, Part.TEST, 10L));
    }

    @Test
    void theDefaultFractionsOnFortyTickets() {
        TimeSplit s = TimeSplit.of(hourly(40), 0.7, 0.15);
        assertThat(s.trainEnd()).isEqualTo(hour(28)); // 40 x 0.7 = 28: hours 0-27 train (28 tickets)
        assertThat(s.validEnd()).isEqualTo(hour(34)); // 40 x 0.85 = 34: hours 28-33 validate (6), 34-39 test (6)
    }

    @ParameterizedTest(name = "{0} tickets at {1} + {2}: {3} train, {4} validation")
    @CsvSource({
        // n x trainFrac is a whole number that binary floating point puts just below it: 90 x 0.7 = 62.99999999999999
        "90, 0.7, 0.15, 63, 13",   // 90 x 0.7 = 63; 90 x 0.85 = 76.5 -> 76; 76 - 63 = 13
        "170, 0.7, 0.15, 119, 25", // 170 x 0.7 = 119; 170 x 0.85 = 144.5 -> 144; 144 - 119 = 25
        "100, 0.6, 0.3, 60, 30",   // 0.6 + 0.3 = 0.8999999999999999 in binary; 100 x 0.9 = 90; 90 - 60 = 30
        "30, 0.7, 0.15, 21, 4"     // 30 x 0.7 = 21; 30 x 0.85 = 25.5 -> 25; 25 - 21 = 4
    })
    void eachPartGetsTheFloorOfItsShare(int n, double trainFrac, double validFrac, long train, long valid) {
        List<Instant> created = hourly(n);
        Map<Part, Long> c = counts(TimeSplit.of(created, trainFrac, validFrac), created);
        assertThat(c.get(Part.TRAIN)).isEqualTo(train);
        assertThat(c.get(Part.VALIDATION)).isEqualTo(valid);
        assertThat(c.get(Part.TEST)).isEqualTo(n - train - valid);
    }

    @Test
    void ticketsCreatedAtTheSameInstantStayTogetherInTheLaterPart() {
        // 30 tickets; the three at sorted positions 14, 15, 16 share hour 14. trainEnd = sorted[(int) (30 x 0.5)]
        // = sorted[15] = hour 14, so all three validate and training gets 14 tickets, not 15.
        List<Instant> created = IntStream.range(0, 30).mapToObj(i -> hour(i >= 14 && i <= 16 ? 14 : i)).toList();
        TimeSplit s = TimeSplit.of(created, 0.5, 0.25);
        assertThat(s.trainEnd()).isEqualTo(hour(14));
        assertThat(s.validEnd()).isEqualTo(hour(22)); // sorted[(int) (30 x 0.75) = 22] = hour 22
        Map<Part, Long> c = counts(s, created);
        assertThat(c.get(Part.TRAIN)).isEqualTo(14); // hours 0-13
        assertThat(c.get(Part.VALIDATION)).isEqualTo(8); // three at hour 14, hours 17-21
        assertThat(c.get(Part.TEST)).isEqualTo(8); // hours 22-29
    }

    @Test
    void ticketsAllCreatedAtOnceAllFallInTest() {
        // Every sorted position holds the same instant: trainEnd = validEnd = first, and nothing is before it.
        // (The pipeline then refuses the data for having no training breaches.)
        List<Instant> created = Collections.nCopies(30, T0);
        TimeSplit s = TimeSplit.of(created, 0.7, 0.15);
        assertThat(s.trainEnd()).isEqualTo(T0);
        assertThat(s.validEnd()).isEqualTo(T0);
        assertThat(counts(s, created)).containsOnlyKeys(Part.TEST);
    }

    @Test
    void thePartsAreHalfOpenIntervals() {
        TimeSplit s = new TimeSplit(hour(10), hour(20), hour(0), hour(30));
        assertThat(s.part(hour(-5))).isEqualTo(Part.TRAIN); // before the first labelled ticket
        assertThat(s.part(hour(10).minusNanos(1))).isEqualTo(Part.TRAIN);
        assertThat(s.part(hour(10))).isEqualTo(Part.VALIDATION); // trainEnd itself validates
        assertThat(s.part(hour(20).minusNanos(1))).isEqualTo(Part.VALIDATION);
        assertThat(s.part(hour(20))).isEqualTo(Part.TEST); // validEnd itself tests
        assertThat(s.part(hour(99))).isEqualTo(Part.TEST); // after the last
    }

    @Test
    void fewerThanThirtyTicketsAreRefused() {
        assertThatThrownBy(() -> TimeSplit.of(hourly(29), 0.7, 0.15))
                .isInstanceOf(BadInputException.class)
                .isInstanceOf(IllegalArgumentException.class) // as the Javadoc says
                .hasMessage("only 29 tickets with a known outcome; training needs at least 30 to split into "
                        + "training, validation and test");
        assertThatThrownBy(() -> TimeSplit.of(List.of(), 0.7, 0.15))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("only 0 tickets with a known outcome;");
        assertThat(TimeSplit.of(hourly(30), 0.7, 0.15).first()).isEqualTo(hour(0)); // 30 is enough
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "0.0, 0.15, 0.0 + 0.15",   // no training slice
        "0.7, 0.0, 0.7 + 0.0",     // no validation slice
        "-0.1, 0.5, -0.1 + 0.5",
        "0.7, 0.3, 0.7 + 0.3",     // sums to 1: no test slice
        "0.8, 0.5, 0.8 + 0.5",
        "NaN, 0.15, NaN + 0.15"
    })
    void fractionsMustBePositiveAndLeaveATestSlice(double trainFrac, double validFrac, String shown) {
        assertThatThrownBy(() -> TimeSplit.of(hourly(30), trainFrac, validFrac))
                .isInstanceOf(BadInputException.class)
                .hasMessage("split fractions must be positive and leave a test slice, not " + shown);
    }

    @Test
    void theTicketCountIsCheckedBeforeTheFractions() {
        assertThatThrownBy(() -> TimeSplit.of(hourly(5), 0.9, 0.9))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("only 5 tickets");
    }

    @Test
    void theInputIsNotReordered() {
        List<Instant> created = new ArrayList<>(List.of(hour(2), hour(0), hour(1)));
        created.addAll(hourly(30).stream().map(i -> i.plusSeconds(86_400)).toList());
        List<Instant> before = List.copyOf(created);
        TimeSplit.of(created, 0.5, 0.25);
        assertThat(created).isEqualTo(before); // still starting hour 2, hour 0, hour 1
    }
}
