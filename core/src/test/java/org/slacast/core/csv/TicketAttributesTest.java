package org.slacast.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ticket.OpenAttribute;

/** Open attributes in tickets.csv: prefixed columns or one JSON column, read, checked and written back. */
class TicketAttributesTest {
    @TempDir
    Path dir;

    @Test
    void prefixedColumnsAreReadAndABadNumberRejectsItsRowByLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), """
                ticket_id,created_at,priority,cat.ci_type,num.related,end.num.handle_hours
                A,2026-03-02T09:00:00Z,high,server,2,3.50
                B,2026-03-02T09:00:00Z,high,,,
                C,2026-03-02T09:00:00Z,high,app,two,
                """);
        Files.writeString(dir.resolve("events.csv"), "ticket_id,at,type\n");
        TicketData d = TicketData.load(dir);
        assertThat(d.tickets()).extracting(t -> t.id()).containsExactly("A", "B");
        assertThat(d.tickets().get(0).attributes()).containsExactly(Map.entry("cat.ci_type", "server"),
                Map.entry("end.num.handle_hours", "3.5"), Map.entry("num.related", "2"));
        assertThat(d.tickets().get(1).attributes()).isEmpty();
        assertThat(d.tickets().get(0).attribute("cat.ci_type")).isEqualTo("server");
        assertThat(d.attributes()).containsExactly(new OpenAttribute("ci_type", false, false),
                new OpenAttribute("handle_hours", true, true), new OpenAttribute("related", true, false));
        assertThat(d.rejects()).extracting(Reject::toString).containsExactly(dir.resolve("tickets.csv")
                + ":4 [num.related]: 'two' is not a number (write it with a '.' decimal point, no thousands "
                + "separators)");
    }

    @Test
    void oneNameWithTwoTypesIsRefused() throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), """
                ticket_id,created_at,priority,cat.ci,num.ci
                A,2026-03-02T09:00:00Z,high,x,1
                """);
        Files.writeString(dir.resolve("events.csv"), "ticket_id,at,type\n");
        assertThat(TicketData.load(dir).rejects()).extracting(Reject::toString).singleElement().asString()
                .endsWith("attribute 'ci' is also cat.ci; an attribute has one type and one moment, so keep one of them");
    }

    @Test
    void theWriterPutsThemAfterTheNativeColumnsAndTheyReadBackEqual() throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), """
                ticket_id,created_at,priority,attributes
                A,2026-03-02T09:00:00Z,high,"{""cat.ci_type"": ""server"", ""num.related"": 2}"
                B,2026-03-02T09:00:00Z,high,
                """);
        Files.writeString(dir.resolve("events.csv"), "ticket_id,at,type\n");
        TicketData d = TicketData.load(dir);
        assertThat(d.rejects()).isEmpty();
        assertThat(d.tickets().getFirst().attributes()).containsEntry("num.related", "2");
        Path out = dir.resolve("out");
        try (NativeFormat.Writer w = new NativeFormat.Writer(out, List.of("cat.ci_type", "num.related"))) {
            d.tickets().forEach(w::write);
        }
        assertThat(Files.readAllLines(out.resolve("tickets.csv")).getFirst()).endsWith(",body,cat.ci_type,num.related");
        assertThat(TicketData.load(out).tickets()).isEqualTo(d.tickets());
        assertThat(TicketAttributes.toJson(d.tickets().getFirst().attributes()))
                .isEqualTo("{\"cat.ci_type\":\"server\",\"num.related\":\"2\"}");
    }

    @Test
    void aBadJsonColumnNamesTheColumnAndTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TicketAttributes.fromJson("{\"ci\": 1}"))
                .isInstanceOf(RowException.class).hasMessageContaining("key 'ci' is not cat.NAME, num.NAME");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TicketAttributes.fromJson("[1]"))
                .hasMessageContaining("is not a JSON object");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TicketAttributes.fromJson("{\"num.n\": {\"a\": 1}}"))
                .hasMessageContaining("'num.n' must be text or a number");
    }
}
