package org.slacast.datasets.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.TicketData;

/** Event logs: time fields from columns, and events from column changes between consecutive rows of a case. */
class EventLogChangesTest {
    static final String MAPPING = """
            shape: event_log
            delimiter: tab
            decimal: ","
            fields:
              ticket_id: number
              at: sys_updated_on
              activity: state
              agent: assigned_to
              created_at: opened_at
              resolved_at: resolved_at
              priority: priority
              team: assignment_group
              tier: u_tier
              reopen_count: reopen_count
            formats:
              at: ["yyyy-MM-dd HH:mm:ss"]
              created_at: ["yyyy-MM-dd HH:mm:ss"]
              resolved_at: ["yyyy-MM-dd HH:mm:ss"]
            values:
              priority: {"2 - High": high, "3 - Moderate": medium}
            activities:
              Resolved: resolved
            changes:
              priority: priority_change
              team: reassigned
              tier: tier_change
              reopen_count: reopened
            """;

    @TempDir
    Path dir;

    @Test
    void columnChangesBetweenConsecutiveRowsBecomeEventsAndTimeColumnsAreRead() throws IOException {
        Path log = Files.writeString(dir.resolve("audit.tsv"), String.join("\n",
                "number\tsys_updated_on\tstate\topened_at\tresolved_at\tpriority\tassignment_group\tu_tier\treopen_count\tassigned_to",
                "INC1\t2026-03-02 09:00:00\tNew\t2026-03-02 08:55:00\t\t3 - Moderate\tService Desk\tL1\t0\t",
                "INC1\t2026-03-02 10:00:00\tIn Progress\t2026-03-02 08:55:00\t\t2 - High\tCore Platforms\tL2\t0\talan",
                "INC1\t2026-03-02 09:10:00\tIn Progress\t2026-03-02 08:55:00\t\t2 - High\tService Desk\tL1\t0\tada",
                "INC1\t2026-03-02 11:00:00\tResolved\t2026-03-02 08:55:00\t2026-03-02 11:00:00\t2 - High\tCore Platforms\tL2\t0,0\talan",
                "INC1\t2026-03-02 12:00:00\tIn Progress\t2026-03-02 08:55:00\t2026-03-02 11:00:00\t\t\t\t1,0\talan",
                "INC1\t2026-03-02 13:30:00\tWork Notes\t2026-03-02 08:55:00\t2026-03-02 13:00:00\t2 - High\tCore Platforms\tL2\t1\talan",
                "INC2\t2026-03-03 09:00:00\tNew\t2026-03-03 09:00:00\t\t3 - Moderate\tService Desk\tL1\t1.0\t",
                "INC2\t2026-03-03 09:30:00\tNew\t2026-03-03 09:00:00\t03/03/2026\t3 - Moderate\tService Desk\tL1\t0\t",
                "INC2\t2026-03-03 10:00:00\tIn Progress\t2026-03-03 09:00:00\t\t7 - Unknown\tService Desk\tL1\t0\t",
                "\t\t\t\t\t\t\t\t\t", ""));
        Path m = Files.writeString(dir.resolve("sn-audit.yaml"), MAPPING);
        Importer.Summary s = new Importer(ImportMapping.load(m), null).run(log, dir.resolve("o"));
        assertThat(s.empty()).isEqualTo(1);
        assertThat(s.rejects()).extracting(r -> r.line() + " " + r.column() + ": " + r.reason()).containsExactly(
                "8 reopen_count: '1.0' is not a number with decimal ','; check decimal in " + m,
                "9 resolved_at: '03/03/2026' matches none of the formats given under formats.resolved_at in " + m,
                "10 priority: unknown priority '7 - Unknown'; expected one of [critical, high, medium, low, planning] "
                        + "or a rank 1-5; add it under values.priority in " + m);
        TicketData d = TicketData.load(dir.resolve("o"));
        assertThat(d.rejects()).isEmpty();
        assertThat(d.tickets()).extracting(t -> t.id() + " " + t.createdAt() + " " + t.priority())
                .containsExactly("INC1 2026-03-02T08:55:00Z MEDIUM");
        assertThat(d.eventsOf("INC1")).extracting(e -> e.at().toString().substring(11, 16) + " " + e.type()
                + (e.priority() != null ? " " + e.priority() : "") + (e.tier() != null ? " " + e.tier() : "")
                + (e.type().label().equals("reassigned") ? " " + e.team() + "/" + e.agent() : "")).containsExactly(
                "08:55 CREATED",
                "09:00 STATUS_CHANGE",
                "09:10 STATUS_CHANGE",
                "09:10 PRIORITY_CHANGE HIGH",
                "10:00 STATUS_CHANGE",
                "10:00 REASSIGNED Core Platforms/alan",
                "10:00 TIER_CHANGE L2",
                "11:00 RESOLVED",
                "12:00 STATUS_CHANGE",
                "12:00 REOPENED",
                "13:00 RESOLVED",
                "13:30 STATUS_CHANGE");
    }

    @Test
    void withoutChangesTheSameLogKeepsOnlyItsActivities() throws IOException {
        Path log = Files.writeString(dir.resolve("audit.tsv"), String.join("\n",
                "number\tsys_updated_on\tstate\tpriority\tassignment_group",
                "INC1\t2026-03-02 09:00:00\tNew\t3 - Moderate\tService Desk",
                "INC1\t2026-03-02 10:00:00\tIn Progress\t2 - High\tCore Platforms",
                "INC1\t2026-03-02 10:30:00\tIn Progress\t7 - Unknown\tCore Platforms", ""));
        Path m = Files.writeString(dir.resolve("plain.yaml"), """
                shape: event_log
                fields: {ticket_id: number, at: sys_updated_on, activity: state, priority: priority, team: assignment_group}
                formats: {at: ["yyyy-MM-dd HH:mm:ss"]}
                values: {priority: {"2 - High": high, "3 - Moderate": medium}}
                """);
        Importer.Summary s = new Importer(ImportMapping.load(m), null).run(log, dir.resolve("o"));
        assertThat(s.readAs()).isEqualTo("tab-separated (detected), UTF-8");
        assertThat(s.rejects()).isEmpty(); // a later row's unknown priority is not read, as before
        assertThat(TicketData.load(dir.resolve("o")).eventsOf("INC1")).extracting(e -> e.type().label())
                .containsExactly("status_change", "status_change", "status_change");
    }
}
