package org.slacast.datasets.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.ConfigFileException;
import org.slacast.core.csv.TicketData;

/** Open attributes: declared in the mapping, read with their type, written as prefixed columns. */
class OpenAttributeImportTest {
    @TempDir
    Path dir;

    @Test
    void theBankExportsAttributesImportWithDecimalCommasAndEndAttributesMarked() throws IOException {
        Importer.Summary s = new Importer(ImportMapping.load(ExportFormatsTest.BANK), null)
                .run(ExportFormatsTest.BANK_SAMPLE, dir);
        assertThat(s.tickets()).isEqualTo(3);
        assertThat(s.changes()).as("a ticket export has no rows to compare").isEmpty();
        assertThat(Files.readAllLines(dir.resolve("tickets.csv"), java.nio.charset.StandardCharsets.UTF_8).getFirst())
                .endsWith(",body,cat.ci_name,cat.ci_type,end.num.reassignments,end.num.handle_hours,end.cat.closure_code");
        TicketData d = TicketData.load(dir);
        assertThat(d.rejects()).isEmpty();
        assertThat(d.tickets().getFirst().attributes()).isEqualTo(Map.of("cat.ci_name", "SUB000508",
                "cat.ci_type", "subapplication", "end.num.reassignments", "26", "end.num.handle_hours",
                "3871.691111", "end.cat.closure_code", "Other"));
    }

    @Test
    void anEventLogTakesTheFirstRowsValueAndWarnsWhenValuesChangeByTheEnd() throws IOException {
        Path log = Files.writeString(dir.resolve("log.csv"), String.join("\n",
                "case,at,activity,prio,ci,related",
                "A,2026-03-02T09:00:00Z,New,high,srv-1,0",
                "A,2026-03-02T10:00:00Z,Resolve,high,srv-1,3",
                "B,2026-03-02T09:00:00Z,New,high,srv-2,1",
                "B,2026-03-02T10:00:00Z,Resolve,high,srv-2,1",
                "C,2026-03-02T09:00:00Z,New,high,srv-2,x",
                ""));
        Path m = Files.writeString(dir.resolve("m.yaml"), """
                shape: event_log
                fields: {ticket_id: case, at: at, activity: activity, priority: prio}
                activities: {Resolve: resolved}
                attributes:
                  ci: {column: ci, type: category}
                  related: {column: related, type: number}
                """);
        Importer.Summary s = new Importer(ImportMapping.load(m), null).run(log, dir.resolve("o"));
        assertThat(s.rejects()).extracting(r -> r.line() + " " + r.column() + ": " + r.reason()).containsExactly(
                "6 related: 'x' is not a number with decimal '.' (attributes.related in " + m + " says number)");
        TicketData d = TicketData.load(dir.resolve("o"));
        assertThat(d.tickets()).extracting(t -> t.attributes().get("num.related")).containsExactly("0", "1");
        assertThat(s.changes()).containsExactly(new Importer.AttributeChange("cat.ci", 2, 0),
                new Importer.AttributeChange("num.related", 2, 1));
        assertThat(s.changes().get(0).warning()).isNull();
        assertThat(s.changes().get(1).warning()).isEqualTo("num.related changes between a case's first and last "
                + "row in 1 of 2 cases (50%); slacast takes the first row's value, known at open. An export that "
                + "holds one row per ticket would give the last one: there, mark it known_at: end");
    }

    @Test
    void aBadDeclarationNamesItsKey() throws IOException {
        String base = "shape: tickets\nfields: {ticket_id: id, created_at: at, priority: p}\nattributes:\n";
        String[][] cases = {
            {"  ci: {column: ci}", "attributes.ci.type: is required: category or number"},
            {"  ci: {column: ci, type: text}", "attributes.ci.type: 'text' is not a type; use category or number"},
            {"  ci: {column: ci, type: category, known_at: later}", "attributes.ci.known_at: 'later' is not a moment"},
            {"  CI: {column: ci, type: category}", "attributes.CI: 'CI' is not an attribute name"},
            {"  team: {column: ci, type: category}", "attributes.team: 'team' is a native field"},
            {"  ci: {column: ci, type: category, kind: x}", "attributes.ci.kind: unknown key"},
            {"  ci: ci", "attributes.ci: expected {column: SOURCE COLUMN"},
        };
        for (String[] c : cases) {
            Path m = Files.writeString(dir.resolve("bad.yaml"), base + c[0] + "\n");
            assertThatThrownBy(() -> ImportMapping.load(m)).as(c[0]).isInstanceOf(ConfigFileException.class)
                    .hasMessageStartingWith(m + ": " + c[1]);
        }
        Path m = Files.writeString(dir.resolve("ok.yaml"), base + "  ci: {column: CI Name, type: category}\n");
        Path csv = Files.writeString(dir.resolve("t.csv"), "id,at,p\n1,2026-03-02T09:00:00Z,high\n");
        assertThatThrownBy(() -> new Importer(ImportMapping.load(m), null).run(csv, dir.resolve("o")))
                .hasMessageStartingWith(m + ": attributes.ci.column: column 'CI Name' is not in " + csv);
    }
}
