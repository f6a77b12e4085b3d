package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.ReadOptions.BeforeCreation;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.TicketEvent;

/** Issue 15: reading exports as they are, with local timestamps and events stamped before the intake record. */
class ReadOptionsTest {
    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dir;

    void write(String tickets, String events) throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), tickets);
        Files.writeString(dir.resolve("events.csv"), events);
    }

    @Test
    void eventsBeforeCreationAreRejectedOrClampedAndCounted() throws IOException {
        write("ticket_id,created_at,priority\nA,2026-03-02T09:00:00Z,high\n", """
                ticket_id,at,type,status
                A,2026-03-02T08:59:55Z,status_change,triage
                A,2026-03-02T08:59:58Z,first_response,
                A,2026-03-02T09:30:00Z,resolved,
                """);
        TicketData strict = TicketData.load(dir);
        assertThat(strict.eventsOf("A")).hasSize(1);
        assertThat(strict.rejects()).hasSize(2);
        assertThat(strict.clamped()).isZero();
        TicketData clamped = TicketData.load(dir, new ReadOptions(null, BeforeCreation.CLAMP));
        assertThat(clamped.rejects()).isEmpty();
        assertThat(clamped.clamped()).isEqualTo(2);
        assertThat(clamped.eventsOf("A")).extracting(TicketEvent::at).containsExactly(
                Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T09:30:00Z"));
        assertThat(clamped.eventsOf("A").get(1).type()).isEqualTo(EventType.FIRST_RESPONSE);
    }

    @Test
    void localTimestampsAreReadInTheGivenZone() throws IOException {
        write("""
                ticket_id,created_at,priority
                A,2026-03-02 09:00:00,high
                B,2026-03-08T02:30,high
                C,2026-11-01T01:30:00,high
                D,2026-03-02T09:00:00Z,high
                """, "ticket_id,at,type\nA,2026-03-02T09:15:00.5,first_response\n");
        TicketData d = TicketData.load(dir, new ReadOptions(LA, BeforeCreation.REJECT));
        assertThat(d.rejects()).isEmpty();
        assertThat(d.tickets()).extracting(t -> t.createdAt().toString()).containsExactly(
                "2026-03-02T17:00:00Z",
                "2026-03-08T10:30:00Z",  // 02:30 does not exist that day: shifted forward an hour, to 03:30 PDT
                "2026-11-01T08:30:00Z",  // 01:30 happens twice: the earlier, in PDT
                "2026-03-02T09:00:00Z"); // an offset written wins over the zone
        assertThat(d.eventsOf("A").getFirst().at()).isEqualTo(Instant.parse("2026-03-02T17:15:00.500Z"));
    }

    @Test
    void withoutAZoneALocalTimestampIsRejectedWithWhatToDo() throws IOException {
        write("ticket_id,created_at,priority\nA,2026-03-02T09:00:00,high\nB,2026-03-02 09:00,high\n",
                "ticket_id,at,type\n");
        assertThat(TicketData.load(dir).rejects()).extracting(Reject::toString).containsExactly(
                dir.resolve("tickets.csv") + ":2 [created_at]: '2026-03-02T09:00:00' has no offset; write one "
                        + "(2026-03-02T09:00Z) or give the zone of local times (data.zone in the policy file, or --zone)",
                dir.resolve("tickets.csv") + ":3 [created_at]: '2026-03-02 09:00' has no offset; write one "
                        + "(2026-03-02T09:00Z) or give the zone of local times (data.zone in the policy file, or --zone)");
    }

    @Test
    void jdbcTimestampColumnsWithoutAZoneAreTakenInTheGivenZone() {
        String tickets = "SELECT 'A' AS ticket_id, TIMESTAMP '2026-03-02 09:00:00' AS created_at, 'high' AS priority";
        String events = "SELECT 'A' AS ticket_id, TIMESTAMP '2026-03-02 08:59:59' AS \"at\", 'first_response' AS type";
        TicketData utc = TicketData.load(new JdbcRows("jdbc:duckdb:", tickets, "tickets"),
                new JdbcRows("jdbc:duckdb:", events, "events"));
        assertThat(utc.tickets().getFirst().createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(utc.rejects()).hasSize(1);
        TicketData la = TicketData.load(new JdbcRows("jdbc:duckdb:", tickets, "tickets", LA),
                new JdbcRows("jdbc:duckdb:", events, "events", LA), new ReadOptions(LA, BeforeCreation.CLAMP));
        assertThat(la.tickets().getFirst().createdAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        assertThat(la.eventsOf("A").getFirst().at()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        assertThat(la.clamped()).isEqualTo(1);
    }
}
