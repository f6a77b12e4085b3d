package org.slacast.core.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slacast.core.clock.SameInstantOrderTest.at;
import static org.slacast.core.clock.SameInstantOrderTest.ev;
import static org.slacast.core.clock.SameInstantOrderTest.tier;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/** Issue 15's per-metric rules, tier starts and stints, each on a small ticket (24×7, created 09:00 UTC). */
class MetricRulesTest {
    static final String POLICY = """
            calendars:
              always: {zone: UTC, hours: 24x7}
            policies:
              - name: p
                calendar: always
                pause_statuses: [pending_customer]
            %s
                targets:
                  first_response: 30m
                  resolution: {high: 2h, low: 8h}
                  ola_l1: 30m
                  ola_l2: 30m
            """;
    static final SlaClock CLOCK = new SlaClock();
    static final Ticket T1 = Ticket.of("T1", at(0), Priority.HIGH);
    static final Metric L1 = new Metric.TierOla(Tier.L1);
    static final Metric L2 = new Metric.TierOla(Tier.L2);

    static SlaPolicy policy(String extra) {
        return PolicyFile.parse(POLICY.formatted(extra), "test").policies().getFirst();
    }

    static TicketSla read(String extra, List<TicketEvent> events) {
        return CLOCK.measure(T1, events, policy(extra), at(600));
    }

    static MetricStatus metric(TicketSla s, Metric m) {
        return s.metric(m).orElseThrow();
    }

    static TicketEvent status(int minutes, String s) {
        return TicketEvent.status("T1", at(minutes), s);
    }

    @Test
    void firstResponseMayIgnoreThePausesThatStopResolution() {
        List<TicketEvent> es = List.of(status(5, "pending_customer"), ev(60, EventType.FIRST_RESPONSE),
                status(120, "in_progress"), ev(180, EventType.RESOLVED));
        TicketSla before = read("", es);
        assertThat(metric(before, Metric.FIRST_RESPONSE).elapsed()).isEqualTo(Duration.ofMinutes(5));
        TicketSla seed = read("""
                    rules:
                      first_response: {pause_statuses: []}
                """, es);
        MetricStatus fr = metric(seed, Metric.FIRST_RESPONSE);
        assertThat(fr.elapsed()).isEqualTo(Duration.ofMinutes(60));
        assertThat(fr.paused()).isZero();
        assertThat(fr.breached()).isTrue();
        MetricStatus res = metric(seed, Metric.RESOLUTION);
        assertThat(res.elapsed()).isEqualTo(Duration.ofMinutes(5 + 60));
        assertThat(res.paused()).isEqualTo(Duration.ofMinutes(115));
    }

    @Test
    void aMetricsOwnPauseStatusesPauseOnlyIt() {
        TicketSla s = read("""
                    rules:
                      resolution: {pause_statuses: [awaiting_vendor]}
                """, List.of(status(10, "awaiting_vendor"), status(40, "pending_customer"), status(50, "in_progress")));
        assertThat(metric(s, Metric.RESOLUTION).paused()).isEqualTo(Duration.ofMinutes(30));
        assertThat(metric(s, Metric.FIRST_RESPONSE).paused()).isEqualTo(Duration.ofMinutes(10));
        TicketSla paused = CLOCK.measure(T1, List.of(status(10, "awaiting_vendor")), policy("""
                    rules:
                      resolution: {pause_statuses: [awaiting_vendor]}
                """), at(20));
        assertThat(metric(paused, Metric.RESOLUTION).state()).isEqualTo(MetricState.PAUSED);
        assertThat(metric(paused, Metric.FIRST_RESPONSE).state()).isEqualTo(MetricState.RUNNING);
    }

    @Test
    void firstResponseMayWaitForAReplyPastTheResolution() {
        List<TicketEvent> es = List.of(ev(20, EventType.RESOLVED), ev(50, EventType.FIRST_RESPONSE));
        assertThat(metric(read("", es), Metric.FIRST_RESPONSE).completedAt()).isEqualTo(at(20));
        String replyOnly = """
                    rules:
                      first_response: {stop_on: [first_response]}
                """;
        MetricStatus fr = metric(read(replyOnly, es), Metric.FIRST_RESPONSE);
        assertThat(fr.completedAt()).isEqualTo(at(50));
        assertThat(fr.elapsed()).isEqualTo(Duration.ofMinutes(50));
        MetricStatus never = metric(read(replyOnly, es.subList(0, 1)), Metric.FIRST_RESPONSE);
        assertThat(never.state()).isEqualTo(MetricState.RUNNING);
        assertThat(never.elapsed()).isEqualTo(Duration.ofMinutes(600));
    }

    @Test
    void resolutionMayRunToTheClose() {
        List<TicketEvent> es = List.of(ev(60, EventType.RESOLVED), ev(180, EventType.CLOSED));
        assertThat(metric(read("", es), Metric.RESOLUTION).elapsed()).isEqualTo(Duration.ofMinutes(60));
        MetricStatus closed = metric(read("""
                    rules:
                      resolution: {stop_on: closed}
                """, es), Metric.RESOLUTION);
        assertThat(closed.elapsed()).isEqualTo(Duration.ofMinutes(180));
        assertThat(closed.completedAt()).isEqualTo(at(180));
    }

    @Test
    void aReopenResumesOnlyTheMetricsWhoseRulesSaySo() {
        List<TicketEvent> es = List.of(ev(10, EventType.RESOLVED), ev(100, EventType.REOPENED),
                ev(130, EventType.FIRST_RESPONSE), ev(200, EventType.RESOLVED));
        TicketSla before = read("", es);
        assertThat(metric(before, Metric.FIRST_RESPONSE).elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(metric(before, L1).elapsed()).isEqualTo(Duration.ofMinutes(10 + 30));
        assertThat(metric(before, Metric.RESOLUTION).elapsed()).isEqualTo(Duration.ofMinutes(10 + 100));
        TicketSla after = read("""
                    rules:
                      first_response: {reopen_resumes: true}
                      resolution: {reopen_resumes: false}
                      ola_l1: {reopen_resumes: false}
                """, es);
        assertThat(metric(after, Metric.FIRST_RESPONSE).elapsed()).isEqualTo(Duration.ofMinutes(10 + 30));
        assertThat(metric(after, L1).elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(after.stints()).hasSize(1);
        MetricStatus res = metric(after, Metric.RESOLUTION);
        assertThat(res.elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(res.completedAt()).isEqualTo(at(10));
    }

    @Test
    void anOlaMayMeasureTheWholeVisitRatherThanTheTimeToReply() {
        List<TicketEvent> es = List.of(ev(10, EventType.FIRST_RESPONSE), tier(50, Tier.L2),
                ev(70, EventType.RESOLVED));
        assertThat(metric(read("", es), L1).elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(metric(read("""
                    rules:
                      ola_l1: {stop_on: [resolved, closed]}
                """, es), L1).elapsed()).isEqualTo(Duration.ofMinutes(50)); // a hand-off still ends the stint
    }

    @Test
    void withNoStartTierATicketThatNeverHadATierEventHasNoOla() {
        String none = "    start_tier: none";
        TicketSla quiet = read(none, List.of(ev(10, EventType.FIRST_RESPONSE), ev(60, EventType.RESOLVED)));
        assertThat(quiet.metric(L1)).isEmpty();
        assertThat(quiet.stints()).isEmpty();
        assertThat(read("", List.of(ev(60, EventType.RESOLVED))).metric(L1)).isPresent();
        TicketSla l2 = read(none, List.of(tier(20, Tier.L2), ev(45, EventType.FIRST_RESPONSE)));
        assertThat(l2.metric(L1)).isEmpty();
        assertThat(metric(l2, L2).elapsed()).isEqualTo(Duration.ofMinutes(25));
        assertThat(metric(l2, L2).start()).isEqualTo(at(20));
    }

    @Test
    void aTierChangeToTheSameTierMayStartANewStint() {
        List<TicketEvent> es = List.of(ev(10, EventType.FIRST_RESPONSE), tier(40, Tier.L1),
                ev(60, EventType.FIRST_RESPONSE));
        TicketSla ignored = read("", es);
        assertThat(ignored.stints()).hasSize(1);
        assertThat(metric(ignored, L1).elapsed()).isEqualTo(Duration.ofMinutes(10));
        TicketSla visits = read("    same_tier_change: new_stint", es);
        assertThat(visits.stints()).extracting(StintReading::visit, StintReading::entered, StintReading::left)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, at(0), at(10)),
                        org.assertj.core.groups.Tuple.tuple(2, at(40), at(60)));
        assertThat(metric(visits, L1).elapsed()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eachStintIsJudgedOnItsOwnWhileTheTicketTierSumIsJudgedOnce() {
        // L1 20 min, L2 10 min, L1 again 20 min: no L1 visit breaches 30 minutes, but L1's 40 minutes in all do.
        List<TicketEvent> es = List.of(tier(20, Tier.L2), tier(30, Tier.L1), status(35, "pending_customer"),
                status(45, "in_progress"), ev(60, EventType.FIRST_RESPONSE), ev(90, EventType.RESOLVED));
        TicketSla s = read("", es);
        assertThat(metric(s, L1).elapsed()).isEqualTo(Duration.ofMinutes(40));
        assertThat(metric(s, L1).breached()).isTrue();
        assertThat(s.stints()).containsExactly(
                new StintReading(Tier.L1, 1, Priority.HIGH, at(0), at(20), Duration.ofMinutes(20), Duration.ZERO,
                        Duration.ofMinutes(30), false, MetricState.COMPLETED),
                new StintReading(Tier.L2, 1, Priority.HIGH, at(20), at(30), Duration.ofMinutes(10), Duration.ZERO,
                        Duration.ofMinutes(30), false, MetricState.COMPLETED),
                new StintReading(Tier.L1, 2, Priority.HIGH, at(30), at(60), Duration.ofMinutes(20),
                        Duration.ofMinutes(10), Duration.ofMinutes(30), false, MetricState.COMPLETED));
        TicketSla open = CLOCK.measure(T1, es.subList(0, 3), policy(""), at(40));
        assertThat(open.stints().getLast().state()).isEqualTo(MetricState.PAUSED);
        assertThat(open.stints().getLast().left()).isNull();
    }

    @Test
    void aTargetWrittenOnceHoldsForEveryPriority() {
        SlaPolicy p = policy("");
        for (Priority pr : Priority.values()) {
            assertThat(p.target(Metric.FIRST_RESPONSE, pr)).contains(Duration.ofMinutes(30));
        }
        assertThat(p.target(Metric.RESOLUTION, Priority.MEDIUM)).isEmpty();
    }
}
