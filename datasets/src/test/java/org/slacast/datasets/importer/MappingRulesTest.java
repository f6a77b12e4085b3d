package org.slacast.datasets.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ConfigFileException;
import org.slacast.core.ticket.EventType;

/** A mapping key that the import would ignore, or a value it cannot use, stops the import and names the key. */
class MappingRulesTest {
    static final String TICKETS = "shape: tickets\nfields: {ticket_id: id, created_at: opened, priority: prio";
    static final String LOG = "shape: event_log\nfields: {ticket_id: id, at: when, activity: what, priority: prio";

    @TempDir
    Path dir;

    private String failure(String yaml) throws IOException {
        Path m = Files.writeString(dir.resolve("m.yaml"), yaml);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ImportMapping.load(m));
        assertThat(t).isInstanceOf(ConfigFileException.class);
        assertThat(t.getMessage()).startsWith(m + ": ");
        return t.getMessage().substring((m + ": ").length());
    }

    @Test
    void fieldsTheShapeDoesNotUseAreErrors() throws IOException {
        assertThat(failure(TICKETS + ", agent: owner}\n")).isEqualTo("fields.agent: is not used by shape tickets (one "
                + "row per ticket); remove it, or use shape event_log");
        assertThat(failure(LOG + ", reopen_count: reopens}\n")).startsWith("fields.reopen_count: is mapped but not used; "
                + "add changes: {reopen_count: reopened}");
        assertThat(failure(TICKETS + "}\nformats: {resolved_at: [ISO]}\n")).isEqualTo("formats.resolved_at: "
                + "fields.resolved_at is not mapped, so this would be ignored; map the field or remove the key");
        assertThat(failure(TICKETS + "}\nformats: {due: [ISO]}\n")).startsWith("formats.due: not a time field");
        assertThat(failure(TICKETS + "}\nvalues: {tier: {One: L1}}\n")).startsWith("values.tier: fields.tier is not mapped");
        assertThat(failure(TICKETS + "}\nactivities: {Solved: resolved}\n")).startsWith("activities: only event logs");
        assertThat(failure(TICKETS + "}\nchanges: {priority: priority_change}\n")).startsWith("changes: only event logs");
    }

    @Test
    void changesNameAFieldAndTheEventItsChangeMakes() throws IOException {
        assertThat(failure(LOG + "}\nchanges: {team: reassigned}\n")).startsWith("changes.team: fields.team is not mapped");
        assertThat(failure(LOG + ", team: grp}\nchanges: {team: tier_change}\n")).isEqualTo("changes.team: a change of "
                + "team is a reassigned event; write team: reassigned");
        assertThat(failure(LOG + ", region: r}\nchanges: {region: reassigned}\n")).startsWith("changes.region: a change "
                + "of this field makes no event");
        Path ok = Files.writeString(dir.resolve("ok.yaml"), LOG + ", team: grp, agent: who, tier: t, reopen_count: n}\n"
                + "changes: {priority: priority_change, team: reassigned, agent: reassigned, tier: tier_change, "
                + "reopen_count: reopened}\n");
        assertThat(ImportMapping.load(ok).changes()).containsEntry("reopen_count", EventType.REOPENED)
                .containsEntry("agent", EventType.REASSIGNED).hasSize(5);
    }

    @Test
    void formatKeysTakeOnlyWhatCanBeRead() throws IOException {
        assertThat(failure(TICKETS + "}\ndelimiter: \":\"\n")).startsWith("delimiter: ':' is not a delimiter; use \",\", "
                + "\";\", tab or \"|\"");
        assertThat(failure(TICKETS + "}\ndecimal: \"'\"\n")).startsWith("decimal: ''' is not a decimal separator");
        assertThat(failure(TICKETS + "}\nencoding: EBCDIC\n")).isEqualTo("encoding: 'EBCDIC' is not an encoding slacast "
                + "reads; use one of [UTF-8, Windows-1252, ISO-8859-1] (or convert the file to UTF-8)");
        Path m = Files.writeString(dir.resolve("f.yaml"), TICKETS + "}\ndelimiter: tab\ndecimal: \",\"\n"
                + "encoding: iso-8859-1\nsheet: Data\n");
        ImportMapping mapping = ImportMapping.load(m);
        assertThat(mapping.format().delimiter()).isEqualTo('\t');
        assertThat(mapping.format().decimal()).isEqualTo(',');
        assertThat(mapping.format().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(mapping.format().sheet()).isEqualTo("Data");
        Files.writeString(m, TICKETS + "}\ndelimiter: \"\\t\"\n");
        assertThat(ImportMapping.load(m).format().delimiter()).isEqualTo('\t');
    }

    @Test
    void everyShippedMappingLoads() {
        for (String f : new String[] {"helpdesk-4tu", "servicenow", "zendesk", "bank-incidents"}) {
            assertThat(ImportMapping.load(Path.of("mappings/" + f + ".yaml")).fields()).containsKey("ticket_id");
        }
    }
}
