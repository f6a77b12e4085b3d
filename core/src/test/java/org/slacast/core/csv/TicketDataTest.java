package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;

class TicketDataTest {
    @TempDir
    Path dir;

    @Test
    void readsTheShippedExampleWithMultiLineFieldsAndDropsExactDuplicates() {
        TicketData d = TicketData.load(Path.of("../docs/examples"));
        assertThat(d.tickets()).hasSize(4);
        assertThat(d.tickets().get(1).subject()).isEqualTo("Batch report fails,\nsecond line of the description");
        assertThat(d.duplicates()).isEqualTo(1);
        assertThat(d.rejects()).isEmpty();
        assertThat(d.eventsOf("T-1003")).hasSize(4);
        assertThat(d.eventsOf("T-1003").get(2).priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void badRowsAreRejectedWithFileLineAndColumnAndTheRestKept() throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), """
                \uFEFFticket_id,created_at,priority
                A,2026-03-02T09:00:00Z,high
                B,yesterday,high
                C,2026-03-02T09:00:00Z,P9
                A,2026-03-02T10:00:00Z,low
                """);
        Files.writeString(dir.resolve("events.csv"), """
                ticket_id,at,type,status
                A,2026-03-02T09:05:00Z,first_response,
                A,2026-03-02T08:00:00Z,resolved,
                Z,2026-03-02T09:05:00Z,resolved,
                A,2026-03-02T09:06:00Z,exploded,
                A,2026-03-02T09:07:00Z,status_change,
                """);
        TicketData d = TicketData.load(dir);
        assertThat(d.tickets()).extracting(t -> t.id()).containsExactly("A");
        assertThat(d.eventsOf("A")).extracting(e -> e.type()).containsExactly(EventType.FIRST_RESPONSE);
        assertThat(d.rejects()).extracting(Reject::toString).containsExactly(
                dir.resolve("tickets.csv") + ":3 [created_at]: 'yesterday' is not an ISO-8601 instant such as 2026-03-02T09:15:00Z",
                dir.resolve("tickets.csv") + ":4 [priority]: unknown priority 'P9'; expected one of [critical, high, medium, low, planning] or a rank 1-5",
                dir.resolve("tickets.csv") + ":5 [ticket_id]: ticket A appears twice; the first is kept",
                dir.resolve("events.csv") + ":3 [at]: event at 2026-03-02T08:00:00Z is before its ticket was created (2026-03-02T09:00:00Z); fix the timestamp or the ticket's created_at, or move such events to the creation (--before-creation clamp)",
                dir.resolve("events.csv") + ":4 [ticket_id]: no ticket Z in " + dir.resolve("tickets.csv"),
                dir.resolve("events.csv") + ":5 [type]: unknown event type 'exploded'; expected one of [created, assigned, first_response, status_change, tier_change, reassigned, priority_change, resolved, reopened, closed]",
                dir.resolve("events.csv") + ":6: a status_change event needs a status");
    }

    @Test
    void aMissingColumnOrFileFailsAsAWhole() throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), "ticket_id,priority\nA,high\n");
        assertThatThrownBy(() -> TicketData.load(dir)).isInstanceOf(CsvFileException.class)
                .hasMessage(dir.resolve("tickets.csv") + ":1: missing column 'created_at'; the header has [ticket_id, priority]");
        assertThatThrownBy(() -> TicketData.load(dir.resolve("nope"))).hasMessageContaining("not a directory");
    }

    @Test
    void repeatedHeadersAreKeptUnderNumberedNames() {
        assertThat(CsvFiles.header(new String[] {"\uFEFFid", "Variant", "Variant"}).keySet())
                .containsExactly("id", "Variant", "Variant#2");
    }
}
