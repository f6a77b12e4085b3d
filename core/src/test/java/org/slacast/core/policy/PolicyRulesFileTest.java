package org.slacast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slacast.core.policy.PolicyFileTest.assertError;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slacast.core.csv.ReadOptions;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Tier;

/** Issue 15's policy keys: rules per metric, targets for every priority, tier starts, and the data section. */
class PolicyRulesFileTest {
    static final String BASE = """
            calendars:
              office: {zone: Europe/Berlin, hours: 24x7}
            policies:
              - name: standard
                calendar: office
                pause_statuses: [pending_customer]
                targets:
                  first_response: 2h
                  resolution: {critical: 4h, high: 8h}
                  ola_l1: {high: 1h}
                rules:
                  first_response: {pause_statuses: [], stop_on: [first_response]}
                  resolution: {stop_on: closed, reopen_resumes: false}
            """;

    static SlaPolicy policy(String yaml) {
        return PolicyFile.parse(yaml, "p.yaml").policies().getFirst();
    }

    @Test
    void readsRulesAndFillsTheRestWithDefaults() {
        SlaPolicy p = policy(BASE);
        assertThat(p.rules(Metric.FIRST_RESPONSE)).isEqualTo(
                new MetricRules(Set.of(), Set.of(EventType.FIRST_RESPONSE), false));
        assertThat(p.rules(Metric.RESOLUTION)).isEqualTo(
                new MetricRules(Set.of("pending_customer"), Set.of(EventType.CLOSED), false));
        assertThat(p.reopenResumesResolution()).isFalse();
        assertThat(p.rules(new Metric.TierOla(Tier.L1))).isEqualTo(new MetricRules(Set.of("pending_customer"),
                Set.of(EventType.FIRST_RESPONSE, EventType.RESOLVED, EventType.CLOSED), true));
        assertThat(p.target(Metric.FIRST_RESPONSE, Priority.PLANNING)).contains(Duration.ofHours(2));
        assertThat(p.startTier()).isEqualTo(SlaPolicy.StartTier.TICKET);
        assertThat(p.sameTierChange()).isEqualTo(SlaPolicy.SameTierChange.IGNORE);
        assertThat(PolicyFile.parse(BASE, "p.yaml").data()).isEqualTo(ReadOptions.STRICT);
    }

    @Test
    void withoutRulesEveryMetricKeepsTheRulesItHadBefore() {
        SlaPolicy p = PolicyFile.load(Path.of("../docs/examples/policy.yaml")).policies().getFirst();
        Set<String> pauses = Set.of("pending_customer", "awaiting_vendor");
        assertThat(p.rules(Metric.FIRST_RESPONSE)).isEqualTo(new MetricRules(pauses,
                Set.of(EventType.FIRST_RESPONSE, EventType.RESOLVED, EventType.CLOSED), false));
        assertThat(p.rules(Metric.RESOLUTION)).isEqualTo(new MetricRules(pauses,
                Set.of(EventType.RESOLVED, EventType.CLOSED), true));
    }

    @Test
    void readsTierStartsAndTheDataSection() {
        PolicySet set = PolicyFile.parse(BASE.replace("    targets:", "    start_tier: none\n"
                + "    same_tier_change: new_stint\n    targets:")
                + "data: {zone: America/Los_Angeles, before_creation: clamp}\n", "p.yaml");
        assertThat(set.policies().getFirst().startTier()).isEqualTo(SlaPolicy.StartTier.NONE);
        assertThat(set.policies().getFirst().sameTierChange()).isEqualTo(SlaPolicy.SameTierChange.NEW_STINT);
        assertThat(set.data()).isEqualTo(new ReadOptions(ZoneId.of("America/Los_Angeles"),
                ReadOptions.BeforeCreation.CLAMP));
    }

    @Test
    void badRulesNameTheFileAndKeyPath() {
        assertError(BASE.replace("stop_on: [first_response]", "stop_on: [first_response, tier_change]"),
                "p.yaml: policies[0].rules.first_response.stop_on[1]: 'tier_change' cannot stop first_response; "
                        + "expected some of [first_response, resolved, closed]");
        assertError(BASE.replace("stop_on: [first_response]", "stop_on: [replied]"),
                "p.yaml: policies[0].rules.first_response.stop_on[0]: unknown event type 'replied'");
        assertError(BASE.replace("stop_on: [first_response]", "stop_on: []"),
                "p.yaml: policies[0].rules.first_response.stop_on: list at least one event that stops first_response");
        assertError(BASE.replace("stop_on: closed", "stop_on: first_response"),
                "p.yaml: policies[0].rules.resolution.stop_on: 'first_response' cannot stop resolution; "
                        + "expected some of [resolved, closed]");
        assertError(BASE.replace("{pause_statuses: [],", "{pause_status: [],"),
                "p.yaml: policies[0].rules.first_response.pause_status: unknown key; expected one of "
                        + "[pause_statuses, reopen_resumes, stop_on]");
        assertError(BASE.replace("pause_statuses: [], ", "pause_statuses: null, "),
                "p.yaml: policies[0].rules.first_response.pause_statuses: expected a list of statuses ([] for none)");
        assertError(BASE.replace("reopen_resumes: false", "reopen_resumes: sometimes"),
                "p.yaml: policies[0].rules.resolution.reopen_resumes: expected true or false");
        assertError(BASE + "      ola_l3: {reopen_resumes: false}\n",
                "p.yaml: policies[0].rules.ola_l3: targets has no ola_l3; add its targets or remove these rules");
        assertError(BASE + "      ola_l9: {reopen_resumes: false}\n",
                "p.yaml: policies[0].rules.ola_l9: unknown tier 'l9'");
        assertError(BASE.replace("    rules:", "    reopen_resumes_resolution: true\n    rules:"),
                "p.yaml: policies[0].rules.resolution.reopen_resumes: reopen_resumes_resolution is given too");
        assertError(BASE.replace("first_response: {pause_statuses: [], stop_on: [first_response]}",
                        "first_response: [first_response]"),
                "p.yaml: policies[0].rules.first_response: expected a mapping");
    }

    @Test
    void badTargetsTierStartsAndDataNameTheFileAndKeyPath() {
        assertError(BASE.replace("first_response: 2h", "first_response: 2x"),
                "p.yaml: policies[0].targets.first_response: '2x' is not a duration");
        assertError(BASE.replace("first_response: 2h", "first_response: [2h]"),
                "p.yaml: policies[0].targets.first_response: expected one duration for every priority (2h)");
        assertError(BASE.replace("    targets:", "    start_tier: L0\n    targets:"),
                "p.yaml: policies[0].start_tier: 'L0' is not one of ticket, none");
        assertError(BASE.replace("    targets:", "    same_tier_change: restart\n    targets:"),
                "p.yaml: policies[0].same_tier_change: 'restart' is not one of ignore, new_stint");
        assertError(BASE + "data: {zone: Mars/Olympus}\n",
                "p.yaml: data.zone: 'Mars/Olympus' is not a time zone");
        assertError(BASE + "data: {before_creation: shift}\n",
                "p.yaml: data.before_creation: 'shift' is not a rule for events before creation; expected reject or clamp");
        assertError(BASE + "data: {zones: UTC}\n", "p.yaml: data.zones: unknown key; expected one of [before_creation, zone]");
        assertError(BASE + "data: clamp\n", "p.yaml: data: expected a mapping with zone and before_creation");
    }
}
