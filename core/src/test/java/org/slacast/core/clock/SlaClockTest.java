package org.slacast.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slacast.core.band.BandClassifier;
import org.slacast.core.band.RiskBand;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/** One regression test for each clock bug other SLA engines have shipped. */
class SlaClockTest {
    static final String POLICY = """
            calendars:
              office: {zone: Europe/Berlin, hours: {mon-fri: [08:00-12:00, 13:00-17:00]}}
            policies:
              - name: std
                calendar: office
                pause_statuses: [pending_customer]
                reopen_resumes_resolution: %s
                targets:
                  first_response: {critical: 15m, high: 1h, low: 4h}
                  resolution: {critical: 4h, high: 8h, low: 40h}
                  ola_l1: {critical: 30m, high: 1h, low: 2h}
                  ola_l2: {critical: 2h, high: 4h, low: 8h}
            """;
    static final SlaPolicy STD = PolicyFile.parse(POLICY.formatted("true"), "test").policies().getFirst();
    static final SlaClock CLOCK = new SlaClock();

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }

    static Ticket ticket(String created, Priority p) {
        return Ticket.of("T1", berlin(created), p);
    }

    static TicketEvent ev(String local, EventType type) {
        return TicketEvent.of("T1", berlin(local), type);
    }

    static TicketEvent status(String local, String s) {
        return TicketEvent.status("T1", berlin(local), s);
    }

    static MetricStatus read(Ticket t, List<TicketEvent> events, Metric m, String asOf) {
        return CLOCK.measure(t, events, STD, berlin(asOf)).metric(m).orElseThrow();
    }

    @Test
    void pauseAcrossAWeekendIsCountedOnce() {
        Ticket t = ticket("2026-03-06T15:00", Priority.HIGH); // a Friday
        List<TicketEvent> es = List.of(status("2026-03-06T16:00", "pending_customer"),
                status("2026-03-09T10:00", "in_progress"), ev("2026-03-09T11:00", EventType.RESOLVED));
        MetricStatus r = read(t, es, Metric.RESOLUTION, "2026-03-10T00:00");
        assertThat(r.elapsed()).isEqualTo(Duration.ofMinutes(120)); // Fri 15-16, Mon 10-11
        assertThat(r.paused()).isEqualTo(Duration.ofMinutes(180));   // Fri 16-17, Mon 08-10; not the weekend
        assertThat(r.completedOnTime()).isTrue();
    }

    @Test
    void pausedStraightToResolvedKeepsThePauseCredit() {
        Ticket t = ticket("2026-03-02T09:00", Priority.CRITICAL);
        List<TicketEvent> es = List.of(status("2026-03-02T10:00", "pending_customer"),
                ev("2026-03-02T16:00", EventType.RESOLVED));
        MetricStatus r = read(t, es, Metric.RESOLUTION, "2026-03-03T00:00");
        assertThat(r.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(r.paused()).isEqualTo(Duration.ofHours(5));
        assertThat(r.breached()).isFalse();
        assertThat(r.state()).isEqualTo(MetricState.COMPLETED);
        assertThat(r.completedAt()).isEqualTo(berlin("2026-03-02T16:00"));
    }

    @Test
    void springForwardWeekendDoesNotShiftTheDueInstant() {
        Ticket t = ticket("2026-03-27T16:00", Priority.CRITICAL); // Friday before DST starts
        MetricStatus r = read(t, List.of(), Metric.RESOLUTION, "2026-03-27T16:30");
        assertThat(r.dueAt()).isEqualTo(berlin("2026-03-30T11:00")).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    }

    @Test
    void fallBackWeekendDoesNotShiftTheDueInstant() {
        Ticket t = ticket("2026-10-23T16:00", Priority.CRITICAL); // Friday before DST ends
        MetricStatus r = read(t, List.of(), Metric.RESOLUTION, "2026-10-23T16:30");
        assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
    }

    @Test
    void aTicketFromAnotherZoneIsTimedOnTheCalendarsWallClock() {
        // Opened at 07:30 in New York, which is 13:30 in Berlin: one business hour later is 14:30 Berlin.
        Ticket t = new Ticket("T1", java.time.OffsetDateTime.parse("2026-03-02T07:30:00-05:00").toInstant(),
                Priority.HIGH, null, null, Tier.L1, null, null, null, null, null, null, "US", null, null, null);
        MetricStatus r = CLOCK.measure(t, List.of(), STD, Instant.parse("2026-03-02T12:40:00Z"))
                .metric(Metric.FIRST_RESPONSE).orElseThrow();
        assertThat(r.dueAt()).isEqualTo(berlin("2026-03-02T14:30"));
    }

    @Test
    void fifteenMinuteTargetCrossesLunch() {
        Ticket t = ticket("2026-03-02T11:50", Priority.CRITICAL);
        MetricStatus r = read(t, List.of(), Metric.FIRST_RESPONSE, "2026-03-02T11:55");
        assertThat(r.dueAt()).isEqualTo(berlin("2026-03-02T13:05"));
        assertThat(r.remaining()).isEqualTo(Duration.ofMinutes(10));
        assertThat(BandClassifier.of(r, STD.atRisk(), berlin("2026-03-02T11:55"))).isEqualTo(RiskBand.ON_TRACK);
        MetricStatus late = read(t, List.of(), Metric.FIRST_RESPONSE, "2026-03-02T13:10");
        assertThat(late.breached()).isTrue();
        assertThat(late.breachedAt()).isEqualTo(berlin("2026-03-02T13:05"));
        assertThat(BandClassifier.of(late, STD.atRisk(), berlin("2026-03-02T13:10"))).isEqualTo(RiskBand.OVERDUE);
    }

    @Test
    void sixtyMinuteTargetMetExactlyIsOnTimeAndOneMinuteMoreIsLate() {
        Ticket t = ticket("2026-03-06T16:30", Priority.HIGH); // Friday: due Monday 08:30
        MetricStatus exact = read(t, List.of(ev("2026-03-09T08:30", EventType.FIRST_RESPONSE)), Metric.FIRST_RESPONSE,
                "2026-03-09T12:00");
        assertThat(exact.dueAt()).isEqualTo(berlin("2026-03-09T08:30"));
        assertThat(exact.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(exact.completedOnTime()).isTrue();
        MetricStatus late = read(t, List.of(ev("2026-03-09T08:31", EventType.FIRST_RESPONSE)), Metric.FIRST_RESPONSE,
                "2026-03-09T12:00");
        assertThat(late.breached()).isTrue();
        assertThat(late.breachedAt()).isEqualTo(berlin("2026-03-09T08:30"));
    }

    @Test
    void priorityChangeKeepsTheOriginalStart() {
        Ticket t = ticket("2026-03-02T08:00", Priority.LOW);
        // Raised to critical after 5 business hours: the 4h critical target counts from the original start.
        List<TicketEvent> es = List.of(new TicketEvent("T1", berlin("2026-03-02T14:00"), EventType.PRIORITY_CHANGE,
                null, Priority.CRITICAL, null, null, null));
        MetricStatus r = read(t, es, Metric.RESOLUTION, "2026-03-02T15:00");
        assertThat(r.start()).isEqualTo(berlin("2026-03-02T08:00"));
        assertThat(r.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(r.elapsed()).isEqualTo(Duration.ofHours(6));
        assertThat(r.breached()).isTrue();
        assertThat(r.breachedAt()).isEqualTo(berlin("2026-03-02T12:00"));
    }

    @Test
    void reopenResumesTheResolutionClockWithoutCountingTheResolvedGap() {
        Ticket t = ticket("2026-03-02T08:00", Priority.HIGH);
        List<TicketEvent> es = List.of(ev("2026-03-02T10:00", EventType.RESOLVED),
                ev("2026-03-03T08:00", EventType.REOPENED), ev("2026-03-03T09:00", EventType.RESOLVED));
        MetricStatus r = read(t, es, Metric.RESOLUTION, "2026-03-04T00:00");
        assertThat(r.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(r.completedAt()).isEqualTo(berlin("2026-03-03T09:00"));
        MetricStatus running = read(t, es.subList(0, 2), Metric.RESOLUTION, "2026-03-03T08:30");
        assertThat(running.state()).isEqualTo(MetricState.RUNNING);
        assertThat(running.elapsed()).isEqualTo(Duration.ofMinutes(150));

        SlaPolicy noResume = PolicyFile.parse(POLICY.formatted("false"), "test").policies().getFirst();
        MetricStatus first = CLOCK.measure(t, es, noResume, berlin("2026-03-04T00:00")).metric(Metric.RESOLUTION)
                .orElseThrow();
        assertThat(first.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(first.completedAt()).isEqualTo(berlin("2026-03-02T10:00"));
    }

    @Test
    void outOfOrderAndDuplicatedEventsGiveTheSameReading() {
        Ticket t = ticket("2026-03-06T15:00", Priority.HIGH);
        List<TicketEvent> es = new ArrayList<>(List.of(ev("2026-03-06T15:10", EventType.FIRST_RESPONSE),
                status("2026-03-06T16:00", "pending_customer"), status("2026-03-09T10:00", "in_progress"),
                new TicketEvent("T1", berlin("2026-03-09T10:30"), EventType.TIER_CHANGE, null, null, Tier.L2, null, null),
                ev("2026-03-09T11:00", EventType.RESOLVED)));
        TicketSla ordered = CLOCK.measure(t, es, STD, berlin("2026-03-10T00:00"));
        List<TicketEvent> shuffled = new ArrayList<>(es);
        shuffled.addAll(es.subList(1, 3));
        Collections.shuffle(shuffled, new Random(7));
        assertThat(CLOCK.measure(t, shuffled, STD, berlin("2026-03-10T00:00")).metrics()).isEqualTo(ordered.metrics());
    }

    @Test
    void tierOlasMeasureTimeInEachTierUntilItRespondsOrHandsOn() {
        Ticket t = ticket("2026-03-02T09:00", Priority.HIGH);
        List<TicketEvent> es = List.of(
                new TicketEvent("T1", berlin("2026-03-02T09:40"), EventType.TIER_CHANGE, null, null, Tier.L2, null, null),
                status("2026-03-02T11:00", "pending_customer"), status("2026-03-02T14:00", "in_progress"),
                ev("2026-03-02T15:00", EventType.RESOLVED));
        TicketSla s = CLOCK.measure(t, es, STD, berlin("2026-03-03T00:00"));
        assertThat(s.metric(new Metric.TierOla(Tier.L1)).orElseThrow().elapsed()).isEqualTo(Duration.ofMinutes(40));
        MetricStatus l2 = s.metric(new Metric.TierOla(Tier.L2)).orElseThrow();
        assertThat(l2.start()).isEqualTo(berlin("2026-03-02T09:40"));
        assertThat(l2.elapsed()).isEqualTo(Duration.ofMinutes(80 + 60));
        assertThat(l2.paused()).isEqualTo(Duration.ofMinutes(120));
        assertThat(s.metric(new Metric.TierOla(Tier.L3))).isEmpty();
    }

    @Test
    void aPausedClockIsDueAsIfResumedNowAndLaterEventsAreNotSeen() {
        Ticket t = ticket("2026-03-02T08:00", Priority.HIGH);
        List<TicketEvent> es = List.of(status("2026-03-02T10:00", "pending_customer"),
                status("2026-03-03T10:00", "in_progress"), ev("2026-03-03T11:00", EventType.RESOLVED));
        MetricStatus r = read(t, es, Metric.RESOLUTION, "2026-03-02T15:00");
        assertThat(r.state()).isEqualTo(MetricState.PAUSED);
        assertThat(r.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(r.dueAt()).isEqualTo(berlin("2026-03-03T12:00")); // 6h left from 15:00: 2h today, 4h tomorrow
        assertThat(BandClassifier.of(r, STD.atRisk(), berlin("2026-03-02T15:00"))).isEqualTo(RiskBand.PAUSED);
    }

    @Test
    void resolutionBeforeAnyReplyStopsTheFirstResponseClock() {
        Ticket t = ticket("2026-03-02T09:00", Priority.HIGH);
        MetricStatus fr = read(t, List.of(ev("2026-03-02T09:20", EventType.RESOLVED)), Metric.FIRST_RESPONSE,
                "2026-03-03T00:00");
        assertThat(fr.completedAt()).isEqualTo(berlin("2026-03-02T09:20"));
        assertThat(fr.elapsed()).isEqualTo(Duration.ofMinutes(20));
    }
}
