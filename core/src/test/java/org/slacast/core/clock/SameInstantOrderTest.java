package org.slacast.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.SlaPolicy;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;
import org.slacast.core.ticket.Tier;

/** Issue 15's bug: events at one instant gave readings that depended on the order of the rows. */
class SameInstantOrderTest {
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
                  resolution: 2h
                  ola_l1: 30m
                  ola_l2: 30m
                  ola_l3: 30m
            """;
    static final SlaPolicy DEFAULT = policy("");
    /** Every rule changed from its default, so the order matters to more of them. */
    static final SlaPolicy CHANGED = policy("""
                same_tier_change: new_stint
                rules:
                  first_response: {pause_statuses: [], stop_on: [first_response], reopen_resumes: true}
                  resolution: {stop_on: [closed]}
                  ola_l2: {stop_on: [resolved], reopen_resumes: false}
            """);
    static final SlaClock CLOCK = new SlaClock();
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static SlaPolicy policy(String extra) {
        return PolicyFile.parse(POLICY.formatted(extra), "test").policies().getFirst();
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static TicketEvent ev(int minutes, EventType type) {
        return TicketEvent.of("T1", at(minutes), type);
    }

    static TicketEvent tier(int minutes, Tier tier) {
        return new TicketEvent("T1", at(minutes), EventType.TIER_CHANGE, null, null, tier, null, null);
    }

    @Test
    void issue15sTicketT1ReadsTheSameInEveryOrder() {
        Ticket t1 = Ticket.of("T1", T0, Priority.HIGH);
        List<TicketEvent> events = List.of(ev(20, EventType.FIRST_RESPONSE), tier(20, Tier.L2),
                ev(60, EventType.FIRST_RESPONSE), ev(120, EventType.RESOLVED));
        List<List<TicketEvent>> orders = permutations(events);
        assertThat(orders).hasSize(24);
        TicketSla first = CLOCK.measure(t1, orders.getFirst(), DEFAULT, at(180));
        for (List<TicketEvent> order : orders) {
            assertThat(CLOCK.measure(t1, order, DEFAULT, at(180))).as("order %s", order).isEqualTo(first);
        }
        // The reply at 09:20 is L1's, given as it hands on; L2 replies at 10:00, 40 minutes after it got the ticket.
        assertThat(minutes(first, Metric.FIRST_RESPONSE)).isEqualTo(20);
        assertThat(minutes(first, new Metric.TierOla(Tier.L1))).isEqualTo(20);
        MetricStatus l2 = first.metric(new Metric.TierOla(Tier.L2)).orElseThrow();
        assertThat(l2.elapsed()).isEqualTo(Duration.ofMinutes(40));
        assertThat(l2.breached()).isTrue();
        assertThat(l2.completedAt()).isEqualTo(at(60));
    }

    @Test
    void anyPermutationOfSameInstantGroupsGivesTheSameReadings() {
        Random random = new Random(15);
        for (int n = 0; n < 150; n++) {
            Ticket t = Ticket.of("T1", T0, Priority.values()[random.nextInt(5)]);
            List<List<TicketEvent>> groups = new ArrayList<>();
            for (int minute = 5; minute <= 300; minute += 5 + random.nextInt(40)) {
                groups.add(group(random, minute));
            }
            for (SlaPolicy p : List.of(DEFAULT, CHANGED)) {
                TicketSla expected = CLOCK.measure(t, flatten(groups), p, at(400));
                for (int g = 0; g < groups.size(); g++) {
                    for (List<TicketEvent> order : permutations(groups.get(g))) {
                        List<List<TicketEvent>> shuffled = new ArrayList<>(groups);
                        shuffled.set(g, order);
                        List<TicketEvent> all = flatten(shuffled);
                        assertThat(CLOCK.measure(t, all, p, at(400))).as("%s under %s", all, p.rules())
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** Up to five events at one instant, of any type, two of a kind now and then (tie-broken by their fields). */
    static List<TicketEvent> group(Random random, int minute) {
        List<TicketEvent> g = new ArrayList<>();
        int size = 1 + random.nextInt(5);
        while (g.size() < size) {
            TicketEvent e = switch (random.nextInt(8)) {
                case 0 -> TicketEvent.status("T1", at(minute), random.nextBoolean() ? "pending_customer" : "in_progress");
                case 1 -> tier(minute, Tier.values()[random.nextInt(3)]);
                case 2 -> new TicketEvent("T1", at(minute), EventType.PRIORITY_CHANGE, null,
                        Priority.values()[random.nextInt(5)], null, null, null);
                case 3 -> ev(minute, EventType.FIRST_RESPONSE);
                case 4 -> ev(minute, EventType.RESOLVED);
                case 5 -> ev(minute, EventType.CLOSED);
                case 6 -> ev(minute, EventType.REOPENED);
                default -> new TicketEvent("T1", at(minute), EventType.ASSIGNED, "assigned", null, null, "team-"
                        + random.nextInt(2), null);
            };
            if (!g.contains(e)) {
                g.add(e);
            }
        }
        return g;
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(List.copyOf(items));
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> p : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(head);
                one.addAll(p);
                out.add(one);
            }
        }
        return out;
    }

    static List<TicketEvent> flatten(List<List<TicketEvent>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }

    static long minutes(TicketSla s, Metric m) {
        return s.metric(m).orElseThrow().elapsed().toMinutes();
    }
}
