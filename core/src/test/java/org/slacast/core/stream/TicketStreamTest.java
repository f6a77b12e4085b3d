package org.slacast.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.NativeFormat;
import org.slacast.core.csv.ReadOptions;
import org.slacast.core.csv.RowSource;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.Ticket;

/** The streamed reader hands out what the in-memory reader holds: the same tickets, events, rejects and counts. */
class TicketStreamTest {
    @TempDir
    Path dir;

    private static final String TICKETS = """
            ticket_id,created_at,priority,team,subject,body,cat.ci,num.n
            A,2026-03-02T09:00:00Z,high,Équipe Zürich,"a subject, with a comma","two
            lines",srv-1,2.5
            B,yesterday,high,,,,,
            C,2026-03-02T09:30:00.250Z,low,,,,srv-1,
            A,2026-03-02T10:00:00Z,low,,,,,
            D,2026-03-02T10:00:00+01:00,medium,,,,,7
            E,2026-03-02T11:00:00Z,planning,,,,,
            """;
    private static final String EVENTS = """
            ticket_id,at,type,status,priority,tier,team,agent
            C,2026-03-02T09:31:00Z,assigned,,,,Desk,ann
            A,2026-03-02T09:05:00Z,first_response,,,,,
            A,2026-03-02T08:00:00Z,resolved,,,,,
            Z,2026-03-02T09:05:00Z,resolved,,,,,
            A,2026-03-02T09:06:00Z,exploded,,,,,
            C,2026-03-02T09:32:00.5Z,tier_change,,,L2,,
            A,2026-03-02T09:05:00Z,first_response,,,,,
            D,2026-03-02T09:10:00Z,status_change,pending_customer,,,,
            C,2026-03-02T09:31:00Z,assigned,,,,Desk,ann
            C,2026-03-02T09:33:00Z,priority_change,,critical,,,
            """;

    @Test
    void groupsEveryTicketsEventsAsTheInMemoryReaderHoldsThemAcrossParts() throws IOException {
        write(TICKETS, EVENTS);
        for (ReadOptions options : List.of(ReadOptions.STRICT,
                ReadOptions.STRICT.override(null, ReadOptions.BeforeCreation.CLAMP))) {
            for (int part : List.of(1, 2, 3, 100)) {
                assertSameAsInMemory(options, part);
            }
        }
    }

    @Test
    void anyEventOrderGivesTheSameGroups() throws IOException {
        write(TICKETS, EVENTS);
        List<List<TicketGroup>> first = groups(ReadOptions.STRICT, 2);
        List<String> lines = new ArrayList<>(EVENTS.lines().toList());
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new Random(3));
        rows.sort(java.util.Comparator.comparing(r -> r.split(",")[0])); // grouped, each ticket's rows in a new order
        write(TICKETS, lines.getFirst() + "\n" + String.join("\n", rows) + "\n");
        List<List<TicketGroup>> grouped = groups(ReadOptions.STRICT, 2);
        assertThat(grouped).hasSameSizeAs(first);
        for (int k = 0; k < first.size(); k++) {
            for (int i = 0; i < first.get(k).size(); i++) {
                assertThat(grouped.get(k).get(i).ticket()).isEqualTo(first.get(k).get(i).ticket());
                assertThat(grouped.get(k).get(i).events()).containsExactlyInAnyOrderElementsOf(
                        first.get(k).get(i).events());
            }
        }
    }

    @Test
    void longUnicodeAndManyDistinctValuesComeBackEqual() throws IOException {
        StringBuilder tickets = new StringBuilder("ticket_id,created_at,priority,body\n");
        tickets.append("T0,2026-03-02T09:00:00Z,high,\"").append("ü€".repeat(40_000)).append("\"\n");
        StringBuilder events = new StringBuilder("ticket_id,at,type,status,priority,tier,team,agent\n");
        for (int i = 0; i < 70_000; i++) { // more distinct agents than the spill's dictionary holds
            events.append("T0,2026-03-02T09:00:00Z,assigned,,,,team ").append(i % 3).append(",agent ").append(i)
                    .append('\n');
        }
        write(tickets.toString(), events.toString());
        assertSameAsInMemory(ReadOptions.STRICT, 1);
    }

    @Test
    void isReadOnceAndCountsWhatItRead() throws IOException {
        write(TICKETS, EVENTS);
        try (TicketStream s = open(ReadOptions.STRICT, 2)) {
            assertThat(s.tickets()).isEqualTo(4);
            assertThat(s.latest()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
            s.forEachBatch(b -> { });
            assertThat(s.duplicates()).isEqualTo(2);
            assertThatThrownBy(() -> s.forEachBatch(b -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    private void assertSameAsInMemory(ReadOptions options, int part) {
        TicketData d = TicketData.load(dir, options);
        try (TicketStream s = open(options, part)) {
            List<Ticket> tickets = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            s.forEachBatch(batch -> {
                sizes.add(batch.size());
                for (TicketGroup g : batch) {
                    tickets.add(g.ticket());
                    assertThat(g.events()).as(g.ticket().id()).isEqualTo(d.eventsOf(g.ticket().id()));
                }
            });
            assertThat(tickets).isEqualTo(d.tickets());
            assertThat(sizes).allMatch(n -> n <= part);
            assertThat(s.rejects()).isEqualTo(d.rejects());
            assertThat(s.duplicates()).isEqualTo(d.duplicates());
            assertThat(s.clamped()).isEqualTo(d.clamped());
            assertThat(s.latest()).isEqualTo(org.slacast.core.clock.SlaClock.latestInstant(d.tickets(), d.events()));
        }
    }

    private List<List<TicketGroup>> groups(ReadOptions options, int part) {
        List<List<TicketGroup>> out = new ArrayList<>();
        try (TicketStream s = open(options, part)) {
            s.forEachBatch(out::add);
        }
        return out;
    }

    private TicketStream open(ReadOptions options, int part) {
        return TicketStream.open(RowSource.csv(dir.resolve(NativeFormat.TICKETS_FILE)),
                RowSource.csv(dir.resolve(NativeFormat.EVENTS_FILE)), options, part);
    }

    private void write(String tickets, String events) throws IOException {
        Files.writeString(dir.resolve(NativeFormat.TICKETS_FILE), tickets);
        Files.writeString(dir.resolve(NativeFormat.EVENTS_FILE), events);
    }
}
