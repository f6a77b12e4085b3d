package org.slacast.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;

/**
 * The cockpit of a hand-made desk read at noon on 2026-03-10: four tickets on Core and one on Mail; ann's two Core
 * tickets 20 hours apart are a repeat, her third 30 hours later is not; G is older than the 30 days.
 */
class CockpitTest {
    static Cockpit read(Path dir) throws Exception {
        Files.writeString(dir.resolve("tickets.csv"), """
                ticket_id,created_at,priority,team,system,contract,requester
                A,2026-03-08T00:00:00Z,high,Net,Core,gold,ann
                B,2026-03-08T20:00:00Z,high,Net,Core,gold,ann
                C,2026-03-10T02:00:00Z,high,Net,Core,gold,ann
                D,2026-03-09T09:00:00Z,high,Ops,Mail,gold,bob
                E,2026-03-09T10:00:00Z,high,Ops,Core,gold,cy
                G,2026-01-01T00:00:00Z,high,Ops,Core,gold,ann
                """);
        Files.writeString(dir.resolve("events.csv"), """
                ticket_id,at,type
                A,2026-03-08T02:00:00Z,resolved
                B,2026-03-09T00:00:00Z,resolved
                D,2026-03-09T13:00:00Z,resolved
                """);
        Files.writeString(dir.resolve("root_causes.csv"), """
                ticket_id,assigned_team,engineer,root_cause_category,fix_type,is_repeat_incident
                A,Net,eve,configuration,workaround,false
                B,Net,eve,hardware,permanent,true
                C,Net,eve,software bug,patch,false
                D,Ops,max,user error,workaround,false
                G,Ops,max,hardware,permanent,false
                """);
        Files.writeString(dir.resolve("business_impact.csv"), """
                ticket_id,system,failed_transactions,estimated_financial_loss,affected_region,uptime_impact_minutes
                A,Core,3,120.5,EU,432
                B,Core,0,0,EU,0
                D,Mail,1,10,EU,4320
                G,Core,1,10,EU,99999
                """);
        return Cockpit.of(TicketData.load(dir), LinkedTables.load(dir),
                PolicyFile.load(Path.of("../docs/examples/policy.yaml")), Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void uptimeIsTheShareOfThirtyDaysUpLeastFirst(@TempDir Path dir) throws Exception {
        Cockpit c = read(dir);
        assertThat(c.uptime()).containsExactly(new Cockpit.Uptime("Mail", 0.9, 4320),
                new Cockpit.Uptime("Core", 0.99, 432));
    }

    @Test
    void rootCausesBySystemAndFixTypesMostFirst(@TempDir Path dir) throws Exception {
        Cockpit c = read(dir);
        assertThat(c.tickets()).isEqualTo(4);
        assertThat(c.causes()).containsExactly(
                Map.entry("Core", Map.of("configuration", 1L, "hardware", 1L, "software bug", 1L)),
                Map.entry("Mail", Map.of("user error", 1L)));
        assertThat(c.fixTypes()).containsExactly(Map.entry("workaround", 2L), Map.entry("patch", 1L),
                Map.entry("permanent", 1L));
    }

    @Test
    void engineersCountResolvedTicketsAndTheirMeanHours(@TempDir Path dir) throws Exception {
        Cockpit c = read(dir);
        assertThat(c.engineers()).containsExactly(new Cockpit.Engineer("eve", 2, 3.0),
                new Cockpit.Engineer("max", 1, 4.0));
    }

    @Test
    void repeatsAreTheSameRequesterAndSystemWithinADay(@TempDir Path dir) throws Exception {
        Cockpit c = read(dir);
        assertThat(c.repeats()).isEqualTo(1);
        assertThat(c.flaggedRepeats()).isEqualTo(1);
        // A (configuration, workaround) and D (user error, workaround); B is permanent, C a patch.
        assertThat(c.automatable()).isEqualTo(0.5);
    }

    @Test
    void aBadNumberNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        read(dir);
        Files.writeString(dir.resolve("business_impact.csv"), """
                ticket_id,system,uptime_impact_minutes
                A,Core,12
                B,Core,lots
                """);
        assertThatThrownBy(() -> LinkedTables.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("business_impact.csv:3").hasMessageContaining("uptime_impact_minutes 'lots'");
    }

    @Test
    void aMissingTableSaysWhatToGive(@TempDir Path dir) {
        assertThatThrownBy(() -> LinkedTables.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no root_causes.csv").hasMessageContaining("slacast generate");
    }
}
