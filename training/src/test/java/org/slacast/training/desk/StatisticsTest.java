package org.slacast.training.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;

/** The tests and queues against published worked values. */
class StatisticsTest {
    @Test
    void erlangCMatchesThePublishedWorkedExample() {
        // 100 calls in 30 minutes, 3-minute handle time (10 Erlangs), 80% answered within 20 seconds: the
        // probability of waiting with 11..14 agents is 68.21%, 44.94%, 28.53% and 17.41%; 14 agents are needed.
        assertThat(ErlangC.waitProbability(11, 10)).isCloseTo(0.6821, within(5e-5));
        assertThat(ErlangC.waitProbability(12, 10)).isCloseTo(0.4494, within(5e-5));
        assertThat(ErlangC.waitProbability(13, 10)).isCloseTo(0.2853, within(5e-5));
        assertThat(ErlangC.waitProbability(14, 10)).isCloseTo(0.1741, within(5e-5));
        assertThat(ErlangC.serviceLevel(13, 10, 180, 20)).isCloseTo(0.7956, within(5e-5));
        assertThat(ErlangC.agentsFor(10, 180, 20, 0.8)).isEqualTo(14);
        assertThat(ErlangC.waitProbability(10, 10)).isEqualTo(1);
        assertThat(ErlangC.agentsFor(0, 180, 20, 0.8)).isZero();
    }

    @Test
    void fisherAndChiSquareMatchTheirTextbookValues() {
        // Fisher's lady tasting tea: 3 of 4 cups right each way, two-sided p = 34/70.
        assertThat(SegmentTests.fisher(new long[][] {{3, 1}, {1, 3}})).isCloseTo(34 / 70.0, within(1e-9));
        // [[10, 20], [30, 40]]: Pearson's statistic 0.7937 on one degree of freedom, p = 0.3730.
        assertThat(SegmentTests.chiSquare(new long[][] {{10, 20}, {30, 40}})).isCloseTo(0.3730, within(5e-5));
        assertThat(SegmentTests.chiSquare(new long[][] {{0, 0}, {30, 40}})).isEqualTo(1);
    }

    @Test
    void wilsonIntervalsAndHolmsAdjustment() {
        assertThat(SegmentTests.wilson(0, 10)).containsExactly(new double[] {0, 0.2775}, within(5e-5));
        assertThat(SegmentTests.wilson(5, 10)).containsExactly(new double[] {0.2366, 0.7634}, within(5e-5));
        // Holm on (0.01, 0.04, 0.03): sorted 0.01×3, 0.03×2, 0.04×1, kept monotone.
        assertThat(SegmentTests.holm(new double[] {0.01, 0.04, 0.03})).containsExactly(
                new double[] {0.03, 0.06, 0.06}, within(1e-12));
    }

    @Test
    void aRealDifferenceHoldsAndNoiseDoesNot() {
        List<SegmentTests.Case> cases = new ArrayList<>();
        Instant monday = Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 0; i < 400; i++) {
            // Critical tickets breach 52% of the time, low ones a tenth; hours carry no signal.
            int k = i / 2;
            Priority p = i % 2 == 0 ? Priority.CRITICAL : Priority.LOW;
            boolean breached = p == Priority.CRITICAL ? k % 48 < 24 : k % 10 == 3;
            Ticket t = Ticket.of("T" + i, monday.plusSeconds(3600L * (k % 24)), p);
            cases.add(new SegmentTests.Case(t, breached));
        }
        SegmentTests s = SegmentTests.of(cases, t -> ZoneOffset.UTC);
        SegmentTests.Dimension priority = s.dimensions().get(3);
        assertThat(priority.name()).isEqualTo("priority");
        assertThat(priority.holds()).isTrue();
        assertThat(priority.segments()).extracting(SegmentTests.Segment::name, SegmentTests.Segment::rate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("critical", 0.52),
                        org.assertj.core.groups.Tuple.tuple("low", 0.1));
        assertThat(s.holding()).containsOnlyKeys("priority");
    }
}
