package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.TicketData;
import org.slacast.models.ModelBundle;
import org.slacast.models.Registry;

/**
 * Open attributes through {@code train} and {@code score}: a category and a number known at open are features,
 * an attribute known only at the end is not, and a number that grows with the time a ticket stays open is flagged.
 */
class OpenAttributesCliTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path registry;
    static CliRun train;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = tmp.resolve("desk");
        registry = tmp.resolve("models");
        assertThat(CliRun.of("generate", "--tickets", "2500", "--seed", "8", "--out", data.toString(), "--no-sla")
                .code()).isZero();
        addAttributes(data);
        train = CliRun.of("train", "--data", data.toString(), "--registry", registry.toString(), "--models",
                "logistic", "--frequency-encoding");
        assertThat(train.code()).as(train.err()).isZero();
    }

    /**
     * cat.service: system and category together, known at open; num.events_total and end.num.work_notes: the
     * number of events the ticket ends with, once as if known at open (a leak) and once marked as known at end.
     */
    static void addAttributes(Path dir) throws IOException {
        TicketData d = TicketData.load(dir);
        Path file = dir.resolve("tickets.csv");
        List<String[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); CSVReader csv = new CSVReader(in)) {
            csv.forEach(rows::add);
        }
        List<String> header = Arrays.asList(rows.getFirst());
        try (Writer out = Files.newBufferedWriter(file); ICSVWriter w = CsvFiles.writer(out)) {
            w.writeNext(concat(rows.getFirst(), "cat.service", "num.events_total", "end.num.work_notes"), false);
            for (String[] r : rows.subList(1, rows.size())) {
                String id = r[header.indexOf("ticket_id")];
                String n = Integer.toString(d.eventsOf(id).size());
                w.writeNext(concat(r, r[header.indexOf("system")] + "/" + r[header.indexOf("category")], n, n), false);
            }
        }
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    @Test
    void attributesKnownAtOpenAreFeaturesAndTheOneKnownAtTheEndIsNot() throws IOException {
        Registry r = new Registry(registry);
        ModelBundle champion = r.load(r.roles().champion());
        List<String> names = champion.manifest().schema().names();
        assertThat(names).contains("attr_service", "attr_service_breach_rate", "attr_service_frequency",
                "attr_events_total", "attr_events_total_missing", "system_frequency")
                .noneMatch(n -> n.contains("work_notes"));
        assertThat(champion.manifest().schema().attributes()).containsExactly("cat.service", "num.events_total");
    }

    @Test
    void theReportListsEveryAttributeAndFlagsTheNumberThatGrowsWhileATicketIsOpen() throws IOException {
        Path dir = new Registry(registry).path(new Registry(registry).roles().champion());
        JsonNode audits = ModelBundle.json().readTree(dir.resolve("report.json").toFile()).at("/facts/attributes");
        assertThat(audits).hasSize(3);
        assertThat(audits.get(0).get("key").asText()).isEqualTo("cat.service");
        assertThat(audits.get(0).get("warning").isNull()).isTrue();
        assertThat(audits.get(1).get("key").asText()).isEqualTo("end.num.work_notes");
        assertThat(audits.get(1).get("feature").asBoolean()).isFalse();
        JsonNode leak = audits.get(2);
        assertThat(leak.get("key").asText()).isEqualTo("num.events_total");
        assertThat(leak.get("tie").asDouble()).isEqualTo(1.0);
        assertThat(leak.get("warning").asText()).isEqualTo("its rank correlation with the number of events a "
                + "ticket ends with is 1.00: a count that grows while a ticket is open looks like this");
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## Open attributes", "3 open attributes: 2 used as features, 1 known only at the "
                + "end and kept out of them. 1 may be known only at the end", "| end.num.work_notes | known at end: "
                + "not a feature |");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<h2>Open attributes</h2>");
    }

    @Test
    void scoreReadsTheAttributesFromTheData() throws IOException {
        Path out = tmp.resolve("scores.csv");
        CliRun run = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--out",
                out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2501);
    }
}
