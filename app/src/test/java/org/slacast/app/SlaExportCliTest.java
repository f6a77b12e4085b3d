package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: one {@code slacast sla} run reads an export as it is (DuckDB over CSV or Parquet, local timestamps,
 * triage stamped before intake) under seed-style definitions, and reproduces a published-style table. The export
 * and its policy are {@code docs/examples/export}, the worked example of docs/native-format.md.
 */
class SlaExportCliTest {
    static final String EXPORT = "../docs/examples/export";
    static final String TICKETS = "SELECT \"Case ID\" AS ticket_id, Opened AS created_at, Priority AS priority "
            + "FROM %s('%s')";
    static final String EVENTS = "SELECT \"Case ID\" AS ticket_id, \"Timestamp\" AS at, CASE Activity "
            + "WHEN 'Intake' THEN 'created' WHEN 'First Touch' THEN 'first_response' WHEN 'Route' THEN 'tier_change' "
            + "WHEN 'Resolved' THEN 'resolved' ELSE 'status_change' END AS type, "
            + "lower(replace(Status, ' ', '_')) AS status, Tier AS tier FROM %s('%s')";

    @TempDir
    Path dir;

    CliRun sla(String reader, String cases, String activities, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sla", "--policy", EXPORT + "/policy.yaml",
                "--jdbc", "jdbc:duckdb:", "--tickets-sql", TICKETS.formatted(reader, cases),
                "--events-sql", EVENTS.formatted(reader, activities), "--as-of", "2026-03-09T20:00:00Z",
                "--out", dir.resolve("sla.csv").toString(), "--stints", dir.resolve("stints.csv").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void seedStyleDefinitionsReproduceAPublishedStyleTableInOneRun() throws IOException {
        CliRun r = sla("read_csv", EXPORT + "/cases.csv", EXPORT + "/activities.csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "first_response   high              3         2   66.7%          2      50.0%    33.3%         33.3%",
                "resolution       medium            2         1   50.0%          2      50.0%     0.0%          0.0%",
                "resolution       low               1         0    0.0%          0          -   100.0%          0.0%",
                "2 events dated before their ticket's creation moved to it (before_creation: clamp)");
        List<String> rows = Files.readAllLines(dir.resolve("sla.csv"));
        // First touch is never paused: C2 waited on its customer from 15:10, and still breached at 150 minutes.
        assertThat(rows).anyMatch(l -> l.startsWith("C2,desk,first_response,high,120,2026-03-02T23:00:00Z,150,0,"))
                // Resolution is paused on customer wait: 10 + 180 minutes counted, 230 paused.
                .anyMatch(l -> l.startsWith("C2,desk,resolution,high,480,2026-03-02T23:00:00Z,190,230,"))
                // A first touch stamped 2 s before intake counts as 0 minutes.
                .anyMatch(l -> l.startsWith("C5,desk,first_response,medium,120,2026-03-04T17:00:00Z,0,0,"))
                // Resolved without a first touch: first response waits for one.
                .anyMatch(l -> l.startsWith("C6,desk,first_response,high,120,2026-03-05T21:00:00Z,1200,0,")
                        && l.contains(",running,true,"))
                // Cases start in no tier: no ola_l1 for a case never routed to L1.
                .noneMatch(l -> l.startsWith("C1,desk,ola_"));
        JsonNode s = new ObjectMapper().readTree(dir.resolve("sla.summary.json").toFile());
        assertThat(s.at("/metrics/first_response/byPriority/high/completedRate").asDouble()).isEqualTo(0.5);
        assertThat(s.at("/metrics/first_response/byPriority/high/rate").asDouble()).isEqualTo(0.6667);
        assertThat(s.at("/metrics/first_response/byPriority/high/runningBreachedShare").asDouble()).isEqualTo(0.3333);
        assertThat(s.at("/metrics/resolution/overall/completedRate").asDouble()).isEqualTo(0.2);
        assertThat(s.at("/stints/ola_l2/byPriority/medium/completedBreached").asInt()).isEqualTo(1);
        assertThat(s.path("clampedEvents").asInt()).isEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("stints.csv"))).containsExactly(
                "ticket_id,policy,tier,visit,priority,entered_at,left_at,business_minutes,paused_business_minutes,"
                        + "target_minutes,breached,state",
                "C2,desk,L1,1,high,2026-03-02T23:00:00Z,2026-03-03T01:30:00Z,10,140,60,false,completed",
                "C3,desk,L2,1,medium,2026-03-03T19:00:00Z,2026-03-05T20:00:00Z,1260,0,240,true,completed");
    }

    @Test
    void theFlagOverridesThePolicyFilesRuleForEarlyEvents() {
        CliRun r = sla("read_csv", EXPORT + "/cases.csv", EXPORT + "/activities.csv", "--before-creation", "reject");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 rows left out").doesNotContain("moved to it");
    }

    @Test
    void parquetReadsTheSameAsCsv() throws IOException, SQLException {
        Path cases = dir.resolve("cases.parquet");
        Path activities = dir.resolve("activities.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + EXPORT + "/cases.csv')) TO '" + cases + "' (FORMAT parquet)");
            st.execute("COPY (SELECT * FROM read_csv('" + EXPORT + "/activities.csv')) TO '" + activities
                    + "' (FORMAT parquet)");
        }
        assertThat(sla("read_csv", EXPORT + "/cases.csv", EXPORT + "/activities.csv").code()).isZero();
        List<String> fromCsv = Files.readAllLines(dir.resolve("sla.csv"));
        CliRun r = sla("read_parquet", cases.toString(), activities.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("sla.csv"))).isEqualTo(fromCsv).hasSize(15);
    }

    @Test
    void nativeFilesWithLocalTimestampsNeedAZone() throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), "ticket_id,created_at,priority\nA,2026-03-02 09:00:00,high\n");
        Files.writeString(dir.resolve("events.csv"), "ticket_id,at,type\nA,2026-03-02 09:20:00,first_response\n");
        Files.writeString(dir.resolve("p.yaml"), """
                calendars: {c: {zone: Europe/Berlin, hours: 24x7}}
                policies: [{name: p, calendar: c, targets: {first_response: 30m}}]
                """);
        String out = dir.resolve("out.csv").toString();
        CliRun zoned = CliRun.of("sla", "--data", dir.toString(), "--policy", dir + "/p.yaml", "--zone",
                "Europe/Berlin", "--out", out);
        assertThat(zoned.code()).as(zoned.err()).isZero();
        assertThat(Files.readAllLines(Path.of(out)).get(1))
                .startsWith("A,p,first_response,high,30,2026-03-02T08:00:00Z,20,");
        CliRun strict = CliRun.of("sla", "--data", dir.toString(), "--policy", dir + "/p.yaml", "--out", out);
        assertThat(strict.out()).contains("2 rows left out").contains("has no offset");
        assertThat(Files.readString(dir.resolve("out.rejects.csv"))).contains("or give the zone of local times");
        CliRun badZone = CliRun.of("sla", "--data", dir.toString(), "--policy", dir + "/p.yaml", "--zone", "Mars/X");
        assertThat(badZone.code()).isEqualTo(2);
        assertThat(badZone.err()).contains("'Mars/X' is not a time zone");
        CliRun badRule = CliRun.of("sla", "--data", dir.toString(), "--policy", dir + "/p.yaml",
                "--before-creation", "shift");
        assertThat(badRule.code()).isEqualTo(2);
        assertThat(badRule.err()).contains("'shift' is not a rule for events before creation; expected reject or clamp");
    }

    @Test
    void classifyWritesItsBandsToTheCurrentDirectoryNotBesideItsInput() throws IOException {
        Path input = dir.resolve("issue15-classify-tasks.csv");
        Files.copy(Path.of(SlaCliTest.EXAMPLES, "tasks.csv"), input);
        Path expected = Path.of("issue15-classify-tasks-bands.csv").toAbsolutePath();
        try {
            CliRun r = CliRun.of("sla", "classify", input.toString(), "--as-of", "2026-03-09");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(expected).exists();
            assertThat(dir.resolve("issue15-classify-tasks-bands.csv")).doesNotExist();
            assertThat(r.out()).contains("(bands -> issue15-classify-tasks-bands.csv)");
        } finally {
            Files.deleteIfExists(expected);
        }
    }
}
