package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slacast.core.clock.SlaRun;
import org.slacast.core.clock.SlaSummary;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.Reject;
import org.slacast.core.csv.RowSource;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.PolicyFile;
import org.slacast.core.policy.PolicySet;
import org.slacast.core.stream.TicketStream;

/**
 * Issue 17: {@code slacast sla} streams one ticket at a time, and what it writes is byte for byte what the
 * in-memory path writes (the path that train, score, generate and whatif still use, so it stays and is the
 * reference). A generated desk (seed 17) is read in three event orders (as generated, in time order; grouped by
 * ticket; shuffled) and with hostile rows added: exact duplicates, an unknown ticket, an event before its ticket's
 * creation, a bad timestamp, a repeated ticket id.
 */
class StreamedSlaParityTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    static Path tmp;
    static Path desk;
    static Path policy;
    static PolicySet policies;

    @BeforeAll
    static void generate() {
        desk = tmp.resolve("desk");
        CliRun g = CliRun.of("generate", "--tickets", "2500", "--seed", "17", "--out", desk.toString(), "--no-sla");
        assertThat(g.code()).as(g.err()).isZero();
        policy = desk.resolve("policy.yaml");
        policies = PolicyFile.load(policy);
    }

    @Test
    void theCommandWritesWhatTheInMemoryPathWritesForTheGeneratedDesk() throws IOException {
        assertCommandMatchesInMemory(desk, "as-generated");
    }

    @Test
    void hostileRowsAreRejectedAndCountedAlikeWithTheirFileAndLine() throws IOException {
        Path dir = variant("hostile", events -> {
            events.add(events.get(10)); // exact duplicates, far from the first copy
            events.add(events.get(11));
            events.add(events.get(10));
            events.add("NOPE-1,2025-01-07T10:00:00Z,status_change,open,,,,");
            events.add(events.get(1).split(",")[0] + ",2000-01-01T00:00:00Z,assigned,,,,Service Desk,agent-1");
            events.add(events.get(1).split(",")[0] + ",yesterday,assigned,,,,,");
        });
        List<String> tickets = new ArrayList<>(Files.readAllLines(dir.resolve("tickets.csv")));
        tickets.add(String.join(",", tickets.get(1).split(",", -1)[0], "2025-01-08T10:00:00Z", "high"));
        Files.write(dir.resolve("tickets.csv"), tickets);
        CliRun run = assertCommandMatchesInMemory(dir, "hostile");
        assertThat(run.out()).contains("3 exact duplicate event rows dropped").contains("4 rows left out");
        assertThat(Files.readString(tmp.resolve("hostile.rejects.csv")))
                .contains("tickets.csv," + tickets.size() + ",ticket_id,")
                .contains("no ticket NOPE-1 in").contains("is before its ticket was created");
    }

    @Test
    void theEventsOrderChangesNothing() throws IOException {
        Path grouped = variant("grouped", events -> events.sort(Comparator.comparing(e -> e.split(",")[0])));
        Path shuffled = variant("shuffled", events -> Collections.shuffle(events, new Random(17)));
        assertCommandMatchesInMemory(grouped, "grouped");
        assertCommandMatchesInMemory(shuffled, "shuffled");
        byte[] generated = Files.readAllBytes(inMemory(desk, "order-ref"));
        assertThat(Files.readAllBytes(tmp.resolve("grouped.csv"))).isEqualTo(generated);
        assertThat(Files.readAllBytes(tmp.resolve("shuffled.csv"))).isEqualTo(generated);
    }

    @Test
    void smallPartsCrossManyBoundariesAndGiveTheSameFiles() throws IOException {
        Path shuffled = variant("shuffled-small", events -> Collections.shuffle(events, new Random(5)));
        Path out = tmp.resolve("small-parts.csv");
        Path stints = tmp.resolve("small-parts.stints.csv");
        SlaRun.Streamed s;
        try (TicketStream d = TicketStream.open(RowSource.csv(shuffled.resolve("tickets.csv")),
                RowSource.csv(shuffled.resolve("events.csv")), policies.data(), 7);
             SlaRun.Output o = new SlaRun.Output(out, stints)) {
            s = new SlaRun().run(d, policies, null, o::add);
        }
        Path ref = inMemory(shuffled, "small-parts-ref");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(ref));
        assertThat(Files.readAllBytes(stints)).isEqualTo(Files.readAllBytes(sibling(ref, ".stints.csv")));
        assertThat(JSON.writeValueAsString(s.summary())).isEqualTo(Files.readString(sibling(ref, ".summary.json")));
    }

    @Test
    void aDeskStoreStreamsGroupedByItsQueryAndGivesTheInMemoryFiles() throws IOException {
        String store = "jdbc:duckdb:" + tmp.resolve("desk.duckdb");
        CliRun load = CliRun.of("store", "load", "--data", desk.toString(), "--store", store);
        assertThat(load.code()).as(load.err()).isZero();
        Path out = tmp.resolve("store.csv");
        CliRun run = CliRun.of("sla", "--store", store, "--policy", policy.toString(), "--out", out.toString(),
                "--stints", sibling(out, ".stints.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path ref = tmp.resolve("store-ref.csv");
        TicketData d;
        try (org.slacast.core.store.DeskStore s = org.slacast.core.store.DeskStore.open(store)) {
            d = s.load(null);
        }
        SlaRun.Outcome o = new SlaRun().run(d, policies, null);
        SlaRun.write(ref, o.results());
        SlaRun.writeStints(sibling(ref, ".stints.csv"), o.results());
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(ref));
        assertThat(Files.readAllBytes(sibling(out, ".stints.csv")))
                .isEqualTo(Files.readAllBytes(sibling(ref, ".stints.csv")));
        assertThat(Files.readString(sibling(out, ".summary.json"))).isEqualTo(JSON.writeValueAsString(
                SlaSummary.of(o)));
    }

    /** Runs the command, and the in-memory path, on one directory, and compares every file they write. */
    private static CliRun assertCommandMatchesInMemory(Path dir, String name) throws IOException {
        Path out = tmp.resolve(name + ".csv");
        CliRun run = CliRun.of("sla", "--data", dir.toString(), "--policy", policy.toString(), "--out",
                out.toString(), "--stints", sibling(out, ".stints.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path ref = inMemory(dir, name + "-ref");
        for (String suffix : List.of(".csv", ".stints.csv", ".summary.json", ".rejects.csv")) {
            Path mine = sibling(out, suffix);
            Path theirs = sibling(ref, suffix);
            assertThat(Files.exists(mine)).as(suffix).isEqualTo(Files.exists(theirs));
            if (Files.exists(theirs)) {
                assertThat(Files.readAllBytes(mine)).as(name + suffix).isEqualTo(Files.readAllBytes(theirs));
            }
        }
        return run;
    }

    /** What sla wrote before it streamed: everything read, measured and then written. */
    private static Path inMemory(Path dir, String name) throws IOException {
        Path out = tmp.resolve(name + ".csv");
        TicketData d = TicketData.load(dir, policies.data());
        SlaRun.Outcome o = new SlaRun().run(d, policies, null);
        SlaRun.write(out, o.results());
        SlaRun.writeStints(sibling(out, ".stints.csv"), o.results());
        JSON.writeValue(sibling(out, ".summary.json").toFile(), SlaSummary.of(o));
        List<Reject> rejects = new ArrayList<>(d.rejects());
        rejects.addAll(o.rejects());
        if (!rejects.isEmpty()) {
            CsvFiles.writeRejects(sibling(out, ".rejects.csv"), rejects);
        }
        return out;
    }

    private static Path sibling(Path csv, String suffix) {
        String n = csv.getFileName().toString();
        return csv.resolveSibling(n.substring(0, n.length() - ".csv".length()) + suffix);
    }

    /** A copy of the desk with its event lines (header kept first) changed. */
    private static Path variant(String name, java.util.function.Consumer<List<String>> change) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.copy(desk.resolve("tickets.csv"), dir.resolve("tickets.csv"));
        List<String> lines = Files.readAllLines(desk.resolve("events.csv"));
        List<String> events = new ArrayList<>(lines.subList(1, lines.size()));
        change.accept(events);
        events.addFirst(lines.getFirst());
        Files.write(dir.resolve("events.csv"), events);
        return dir;
    }
}
