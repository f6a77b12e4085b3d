package org.slacast.datasets.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ConfigFileException;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Priority;

class ImporterTest {
    static final Path SN = Path.of("mappings/servicenow.yaml");
    static final Path SN_SAMPLE = Path.of("sample/servicenow-incidents.csv");

    @TempDir
    Path dir;

    @Test
    void serviceNowExportImportsWithRejectsNamingFileLineAndColumn() throws IOException {
        Importer.Summary s = new Importer(ImportMapping.load(SN), null).run(SN_SAMPLE, dir);
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.tickets()).isEqualTo(3);
        assertThat(s.rejects()).extracting(r -> r.line() + " " + r.column()).containsExactly("5 opened_at",
                "6 u_first_response", "7 priority");
        assertThat(s.rejects().get(2).reason()).contains("add it under values.priority");
        assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).hasSize(4);
        assertThat(Files.readAllLines(dir.resolve("outcomes.csv"))).containsExactly("ticket_id,breached",
                "INC0010001,false", "INC0010002,true", "INC0010003,false");
        TicketData d = TicketData.load(dir);
        assertThat(d.rejects()).isEmpty();
        assertThat(d.tickets().get(0).priority()).isEqualTo(Priority.HIGH);
        assertThat(d.tickets().get(2).createdAt()).hasToString("2026-03-03T08:05:00Z");
        assertThat(d.eventsOf("INC0010003")).extracting(e -> e.type()).containsExactly(EventType.CREATED,
                EventType.FIRST_RESPONSE, EventType.RESOLVED);
    }

    @Test
    void zendeskExportImports() {
        Importer.Summary s = new Importer(ImportMapping.load(Path.of("mappings/zendesk.yaml")), null)
                .run(Path.of("sample/zendesk-tickets.csv"), dir);
        assertThat(s.tickets()).isEqualTo(4);
        assertThat(s.rejects()).isEmpty();
        assertThat(TicketData.load(dir).tickets().get(2).priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void anEventLogBecomesOneTicketPerCaseWithPausesResumedByTheNextActivity() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, """
                Case ID,Activity,Resource,Complete Timestamp,Variant,Variant,seriousness_2,customer,product,workgroup,service_level,service_type,support_section,Variant index,seriousness,responsible_section
                Case 2,Assign seriousness,R1,2012/10/10 09:00:00.000,V,V,Value 2,C1,P1,W1,L1,T1,S1,7,Value 1,Value 2
                Case 1,Take in charge ticket,R2,2012/10/09 15:00:00.000,V,V,Value 1,C2,P2,W1,L1,T1,S1,12,Value 1,Value 3
                Case 1,Assign seriousness,R1,2012/10/09 14:50:17.000,V,V,Value 1,C2,P2,W1,L1,T1,S1,12,Value 1,Value 3
                Case 1,Wait,R2,2012/10/09 16:00:00.000,V,V,Value 1,C2,P2,W1,L1,T1,S1,12,Value 1,Value 3
                Case 1,Take in charge ticket,R2,2012/10/11 09:00:00.000,V,V,Value 1,C2,P2,W1,L1,T1,S1,12,Value 1,Value 3
                Case 1,Resolve ticket,R2,2012/10/11 10:00:00.000,V,V,Value 1,C2,P2,W1,L1,T1,S1,12,Value 1,Value 3
                Case 2,Resolve ticket,R1,13/10/2012,V,V,Value 2,C1,P1,W1,L1,T1,S1,7,Value 1,Value 2
                """);
        Path out = dir.resolve("out");
        Importer.Summary s = new Importer(ImportMapping.load(Path.of("mappings/helpdesk-4tu.yaml")), null).run(log, out);
        assertThat(s.tickets()).isEqualTo(2);
        assertThat(s.rejects()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(8);
            assertThat(r.column()).isEqualTo("Complete Timestamp");
        });
        TicketData d = TicketData.load(out);
        assertThat(d.tickets().getFirst().id()).isEqualTo("Case 2");
        assertThat(d.tickets().get(1).createdAt()).hasToString("2012-10-09T12:50:17Z");
        assertThat(d.tickets().get(1).attributes()).isEqualTo(java.util.Map.of("cat.responsible_section", "Value 3",
                "cat.seriousness", "Value 1", "end.num.variant", "12"));
        assertThat(d.eventsOf("Case 1")).extracting(e -> e.type() + ":" + e.status()).containsExactly(
                "CREATED:null", "FIRST_RESPONSE:null", "STATUS_CHANGE:pending_customer", "STATUS_CHANGE:in_progress",
                "FIRST_RESPONSE:null", "RESOLVED:null");
    }

    @Test
    void aWrongMappingFailsAtOnceNamingTheKey() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(SN).replace("priority: priority", "priority: prio"));
        assertThatThrownBy(() -> new Importer(ImportMapping.load(bad), null).run(SN_SAMPLE, dir.resolve("o")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(bad + ": fields.priority: column 'prio' is not in " + SN_SAMPLE);
        Files.writeString(bad, Files.readString(SN).replace("\"d/M/yyyy H:mm\", ISO]\n  first", "\"d/M/yyyy H:mm {\", ISO]\n  first"));
        assertThatThrownBy(() -> ImportMapping.load(bad)).hasMessageStartingWith(bad + ": formats.created_at[1]: 'd/M/yyyy H:mm {' is not a date pattern");
        Files.writeString(bad, "shape: tickets\nfields: {ticket_id: a, created_at: b, priority: c, colour: d}\n");
        assertThatThrownBy(() -> ImportMapping.load(bad)).hasMessageStartingWith(bad + ": fields.colour: not a native field");
        Files.writeString(bad, "shape: tickets\nfields: [\n");
        assertThatThrownBy(() -> ImportMapping.load(bad)).isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(bad + " line 3, column 1: not valid YAML: while parsing a flow node");
    }

    @Test
    void anonymisedTokensAreStableAcrossFilesAndKeyedAndContactDetailsAreScrubbed() {
        byte[] key = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
        Importer.Summary s = new Importer(ImportMapping.load(SN), new Anonymiser(key)).run(SN_SAMPLE, dir.resolve("a"));
        new Importer(ImportMapping.load(SN), new Anonymiser(key)).run(SN_SAMPLE, dir.resolve("b"));
        assertThat(s.tickets()).isEqualTo(3);
        TicketData a = TicketData.load(dir.resolve("a"));
        TicketData b = TicketData.load(dir.resolve("b"));
        assertThat(a.tickets()).isEqualTo(b.tickets());
        assertThat(a.tickets().get(0).customer()).isEqualTo(a.tickets().get(1).customer()).startsWith("org-").hasSize(16);
        assertThat(a.tickets().get(0).requester()).startsWith("person-").isNotEqualTo(a.tickets().get(1).requester());
        assertThat(a.tickets().get(1).subject()).isEqualTo("Batch job failed; call me on [phone]");
        assertThat(a.tickets().get(2).subject()).isEqualTo("Password reset for [email]");
        Anonymiser other = new Anonymiser("another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(other.token("org", "Acme Bank")).isNotEqualTo(new Anonymiser(key).token("org", "Acme Bank"));
        assertThat(new Anonymiser(key).token("org", "Acme Bank")).isEqualTo(a.tickets().get(0).customer());
        assertThatThrownBy(() -> new Anonymiser(new byte[4])).hasMessageContaining("at least 16 bytes");
    }

    @Test
    void aRepeatedTicketInATicketExportIsRejectedNotDropped() throws IOException {
        Path in = dir.resolve("zd.csv");
        Files.writeString(in, Files.readString(Path.of("sample/zendesk-tickets.csv"))
                + "1201,2026-03-05 09:00:00,,,Low,problem,Web App,email,Umbrella,Jane Roe,Support,Same id again\n");
        Importer.Summary s = new Importer(ImportMapping.load(Path.of("mappings/zendesk.yaml")), null)
                .run(in, dir.resolve("out"));
        assertThat(s.tickets()).isEqualTo(4);
        assertThat(s.rejects()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(6);
            assertThat(r.column()).isEqualTo("Id");
            assertThat(r.reason()).isEqualTo("ticket 1201 appears twice; the first is kept");
        });
    }

    @Test
    void aMappedColumnMissingFromAHeaderOnlyFileIsStillNamed() throws IOException {
        Path in = dir.resolve("empty.csv");
        Files.writeString(in, "Id,Created at\n");
        assertThatThrownBy(() -> new Importer(ImportMapping.load(Path.of("mappings/zendesk.yaml")), null)
                .run(in, dir.resolve("out"))).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("fields.first_response_at: column 'First reply time' is not in " + in);
    }

    @Test
    void bomAndDuplicatedHeadersAreHandled() throws IOException {
        assertThat(Files.readAllBytes(SN_SAMPLE)[0]).isEqualTo((byte) 0xEF);
        List<String> header = List.of(Files.readAllLines(SN_SAMPLE).getFirst().split(","));
        assertThat(header).filteredOn(h -> h.equals("category")).hasSize(2);
    }
}
