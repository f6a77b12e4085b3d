package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.TicketData;
import org.slacast.core.ticket.EventType;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.TicketEvent;

/** {@code slacast score}'s moments ({@code --at}) and its history ({@code --history}). */
class ScoreCliTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path registry;

    @BeforeAll
    static void trainOnce() {
        data = tmp.resolve("desk");
        registry = tmp.resolve("models");
        assertThat(CliRun.of("generate", "--tickets", "2500", "--seed", "8", "--out", data.toString(), "--no-sla")
                .code()).isZero();
        CliRun train = CliRun.of("train", "--data", data.toString(), "--registry", registry.toString(), "--models",
                "logistic", "--no-report");
        assertThat(train.code()).as(train.err()).isZero();
    }

    static Map<String, String[]> score(String... more) throws Exception {
        Path out = Files.createTempFile(tmp, "scores", ".csv");
        List<String> args = new java.util.ArrayList<>(List.of("score", "--registry", registry.toString(), "--out",
                out.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(out); CSVReader csv = new CSVReader(in)) {
            csv.readNext();
            for (String[] row; (row = csv.readNext()) != null; ) {
                rows.put(row[0], row);
            }
        }
        return rows;
    }

    @Test
    void atEventKScoresEachTicketJustAfterItsKthEventNotCountingCreation() throws Exception {
        TicketData desk = TicketData.load(data);
        Map<String, String[]> rows = score("--data", data.toString(), "--at", "event:5");
        int expected = 0;
        for (Ticket t : desk.tickets()) {
            List<TicketEvent> later = desk.eventsOf(t.id()).stream().filter(e -> e.type() != EventType.CREATED)
                    .toList();
            if (later.size() >= 5) {
                expected++;
                assertThat(rows.get(t.id())[1]).as(t.id()).isEqualTo(later.get(4).at().toString());
            } else {
                assertThat(rows).doesNotContainKey(t.id());
            }
        }
        assertThat(rows).hasSize(expected).hasSizeLessThan(desk.tickets().size());
    }

    @Test
    void badMomentsAreUsageErrorsThatSayWhatToWrite() {
        CliRun r = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--at", "event:0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'event:0': write event:K with K 1 or more, e.g. event:3");
        assertThat(CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--at",
                "sometime").err()).contains("'sometime' is not creation, event:K or snapshot:INSTANT");
        CliRun both = CliRun.of("score", "--data", data.toString(), "--registry", registry.toString(), "--at",
                "creation", "--as-of", "2025-02-01");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give --at or --as-of, not both");
    }

    /**
     * A new batch scored with the desk it arrived at gets the probabilities it gets inside the whole data set;
     * without that history, its queue and recent-ticket features read an empty desk.
     */
    @Test
    void aBatchScoredWithItsHistoryScoresAsInsideTheWholeDesk() throws Exception {
        Path history = tmp.resolve("history");
        Path batch = tmp.resolve("batch");
        Set<String> late = split(history, batch);
        Map<String, String[]> whole = score("--data", data.toString());
        Map<String, String[]> withHistory = score("--data", batch.toString(), "--history", history.toString());
        Map<String, String[]> alone = score("--data", batch.toString());
        assertThat(late).hasSizeGreaterThan(500);
        assertThat(withHistory.keySet()).isEqualTo(late).isEqualTo(alone.keySet());
        int differ = 0;
        for (String id : late) {
            assertThat(withHistory.get(id)).as(id).isEqualTo(whole.get(id));
            differ += alone.get(id)[2].equals(whole.get(id)[2]) ? 0 : 1;
        }
        assertThat(differ).as("tickets scored differently without their history").isGreaterThan(late.size() / 2);
        // The same history from a desk store.
        String store = "jdbc:duckdb:" + tmp.resolve("history.duckdb");
        assertThat(CliRun.of("store", "load", "--data", history.toString(), "--store", store).code()).isZero();
        assertThat(score("--data", batch.toString(), "--history", store)).containsOnlyKeys(late)
                .allSatisfy((id, row) -> assertThat(row).isEqualTo(whole.get(id)));
    }

    /** Writes the first 70% of the tickets by creation to one directory and the rest to another. */
    private static Set<String> split(Path history, Path batch) throws Exception {
        List<String> created = TicketData.load(data).tickets().stream().map(t -> t.createdAt().toString()).sorted()
                .toList();
        String cut = created.get(created.size() * 7 / 10);
        Set<String> late = new HashSet<>();
        Files.createDirectories(history);
        Files.createDirectories(batch);
        Files.copy(data.resolve("policy.yaml"), batch.resolve("policy.yaml"));
        split("tickets.csv", history, batch, (header, row) -> {
            boolean isLate = row[List.of(header).indexOf("created_at")].compareTo(cut) >= 0;
            if (isLate) {
                late.add(row[0]);
            }
            return isLate;
        });
        split("events.csv", history, batch, (header, row) -> late.contains(row[0]));
        return late;
    }

    /** Copies a native file's rows into one of two directories, as the test says: true for the batch. */
    private static void split(String file, Path history, Path batch,
                              java.util.function.BiPredicate<String[], String[]> toBatch) throws Exception {
        try (CSVReader in = new CSVReader(Files.newBufferedReader(data.resolve(file)));
             Writer h = Files.newBufferedWriter(history.resolve(file));
             Writer b = Files.newBufferedWriter(batch.resolve(file));
             ICSVWriter hc = CsvFiles.writer(h); ICSVWriter bc = CsvFiles.writer(b)) {
            String[] header = in.readNext();
            hc.writeNext(header, false);
            bc.writeNext(header, false);
            for (String[] row; (row = in.readNext()) != null; ) {
                (toBatch.test(header, row) ? bc : hc).writeNext(row, false);
            }
        }
    }
}
