package org.slacast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slacast.core.ConfigFileException;
import org.slacast.core.band.AtRiskThreshold;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.Tier;

class PolicyFileTest {
    static final String BASE = """
            calendars:
              office:
                zone: Europe/Berlin
                hours: {mon-fri: [08:00-12:00, 13:00-17:00], sat: 09:00-13:00}
                holidays: [12-25, first monday of september]
            policies:
              - name: standard
                calendar: office
                targets: {resolution: {critical: 4h, high: 1h30m}}
            """;

    static Ticket ticket(String contract, String category) {
        return new Ticket("T", Instant.EPOCH, Priority.HIGH, null, null, Tier.L1, null, category, null, null, null,
                contract, null, null, null, null);
    }

    @Test
    void theShippedHelpdeskPolicyLoads() {
        PolicySet set = PolicyFile.load(Path.of("../datasets/mappings/helpdesk-4tu-policy.yaml"));
        SlaPolicy p = set.select(Ticket.of("Case 1", Instant.parse("2012-10-09T12:50:17Z"), Priority.HIGH));
        assertThat(p.name()).isEqualTo("helpdesk");
        assertThat(p.target(Metric.RESOLUTION, Priority.HIGH)).contains(Duration.ofDays(14));
        assertThat(p.calendar().zone().getId()).isEqualTo("Europe/Rome");
    }

    @Test
    void theShippedExampleLoads() {
        PolicySet set = PolicyFile.load(Path.of("../docs/examples/policy.yaml"));
        assertThat(set.policies()).extracting(SlaPolicy::name).containsExactly("standard", "gold-24x7");
        SlaPolicy std = set.policies().getFirst();
        assertThat(std.target(Metric.FIRST_RESPONSE, Priority.CRITICAL)).contains(Duration.ofMinutes(15));
        assertThat(std.target(new Metric.TierOla(Tier.L3), Priority.LOW)).contains(Duration.ofHours(24));
        assertThat(std.pauses("Pending_Customer")).isTrue();
        assertThat(std.atRisk()).isEqualTo(new AtRiskThreshold.FractionRemaining(0.25));
        assertThat(set.select(ticket("gold", "Network")).name()).isEqualTo("gold-24x7");
        assertThat(set.select(ticket("standard", "Network")).name()).isEqualTo("standard");
    }

    @Test
    void readsTargetsHoursAndDefaults() {
        SlaPolicy p = PolicyFile.parse(BASE, "p.yaml").policies().getFirst();
        assertThat(p.target(Metric.RESOLUTION, Priority.HIGH)).contains(Duration.ofMinutes(90));
        assertThat(p.target(Metric.RESOLUTION, Priority.LOW)).isEmpty();
        assertThat(p.calendar().hours().on(java.time.DayOfWeek.SATURDAY)).hasSize(1);
        assertThat(p.reopenResumesResolution()).isTrue();
        assertThat(p.inactive("cancelled")).isTrue();
    }

    @Test
    void errorsNameTheFileAndKeyPath() {
        assertError(BASE.replace("high: 1h30m", "high: 90x"),
                "p.yaml: policies[0].targets.resolution.high: '90x' is not a duration");
        assertError(BASE.replace("critical: 4h", "urgentish: 4h"),
                "p.yaml: policies[0].targets.resolution.urgentish: unknown priority 'urgentish'");
        assertError(BASE.replace("calendar: office", "calendar: offices"),
                "p.yaml: policies[0].calendar: no calendar named 'offices'");
        assertError(BASE.replace("Europe/Berlin", "Europe/Atlantis"),
                "p.yaml: calendars.office.zone: 'Europe/Atlantis' is not a time zone");
        assertError(BASE.replace("first monday of september", "first moonday of september"),
                "p.yaml: calendars.office.holidays[1]: holiday 'first moonday of september'");
        assertError(BASE.replace("sat: 09:00-13:00", "sat: 13:00-09:00"), "p.yaml: calendars.office.hours.sat:");
        assertError(BASE.replace("targets:", "pause_status: [x]\n    targets:"),
                "p.yaml: policies[0].pause_status: unknown key");
        assertError(BASE.replace("resolution:", "resolutoin:"), "p.yaml: policies[0].targets.resolutoin: unknown metric");
        assertError("calendars: [\n", "p.yaml line 2, column 1: not valid YAML: while parsing a flow node; expected the node content");
    }

    @Test
    void aCalendarWithNoHoursIsAClearError() {
        assertError(BASE.replace("{mon-fri: [08:00-12:00, 13:00-17:00], sat: 09:00-13:00}", "{mon-sun: closed}"),
                "p.yaml: calendars.office.hours: calendar 'office' has no working hours");
    }

    @Test
    void overlappingPoliciesAreRejected() {
        String two = BASE + """
                  - name: gold
                    calendar: office
                    match: {contract: [gold]}
                    targets: {resolution: {critical: 2h}}
                  - name: network
                    calendar: office
                    match: {category: [network]}
                    targets: {resolution: {critical: 3h}}
                """;
        assertError(two, "p.yaml: policies[2].match: policies 'gold' {contract=[gold]} and 'network' "
                + "{category=[network]} can both match the same ticket and neither is narrower");
        String nested = BASE + """
                  - name: gold
                    calendar: office
                    match: {contract: [gold, platinum]}
                    targets: {resolution: {critical: 2h}}
                  - name: gold-network
                    calendar: office
                    match: {contract: [gold], category: [Network]}
                    targets: {resolution: {critical: 1h}}
                """;
        PolicySet set = PolicyFile.parse(nested, "p.yaml");
        assertThat(set.select(ticket("Gold", "network")).name()).isEqualTo("gold-network");
        assertThat(set.select(ticket("platinum", "network")).name()).isEqualTo("gold");
        assertThat(set.select(ticket(null, null)).name()).isEqualTo("standard");
    }

    @Test
    void aTicketNoPolicyCoversIsAClearError() {
        String only = BASE.replace("calendar: office\n", "calendar: office\n    match: {contract: [gold]}\n");
        PolicySet set = PolicyFile.parse(only, "p.yaml");
        assertThatThrownBy(() -> set.select(ticket("silver", null)))
                .hasMessageContaining("no policy covers ticket T").hasMessageContaining("contract=silver");
    }

    static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> PolicyFile.parse(yaml, "p.yaml")).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(message);
    }
}
