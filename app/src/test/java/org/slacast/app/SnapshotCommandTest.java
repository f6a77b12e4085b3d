package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slacast snapshot}: a day's health as CSV, JSON and HTML, on tickets and on a checkpoint list. */
class SnapshotCommandTest {
    static Path desk(Path dir) throws Exception {
        Path d = Files.createDirectories(dir.resolve("data"));
        Files.writeString(d.resolve("tickets.csv"), """
                ticket_id,created_at,priority,team,system,contract
                A,2026-03-10T00:00:00Z,high,Net,Core,gold
                B,2026-03-10T10:00:00Z,high,Net,Core,gold
                C,2026-03-09T09:00:00Z,high,Ops,Mail,gold
                D,2026-03-09T00:00:00Z,high,Ops,Core,gold
                E,2026-03-10T05:00:00Z,high,Ops,Mail,gold
                """);
        Files.writeString(d.resolve("events.csv"), """
                ticket_id,at,type
                C,2026-03-09T12:00:00Z,resolved
                D,2026-03-09T10:00:00Z,resolved
                """);
        return d;
    }

    @Test
    void writesTheDaysHealthAsCsvJsonAndAPage(@TempDir Path tmp) throws Exception {
        Path data = desk(tmp);
        Path out = tmp.resolve("snaps");
        CliRun r = CliRun.of("snapshot", "--data", data.toString(), "--policy", "../docs/examples/policy.yaml",
                "--as-of", "2026-03-10T12:00:00Z", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("snapshot -> " + out.resolve("snapshot-2026-03-10.csv"));
        var csv = Files.readAllLines(out.resolve("snapshot-2026-03-10.csv"));
        assertThat(csv.getFirst()).isEqualTo("section,name,measure,value");
        assertThat(csv).contains("band,overdue,open,1", "band,at_risk,open,1", "band,on_track,open,1",
                "at_risk_by_team,Net,open,1", "breach_today,A,breached_at,2026-03-10T08:00:00Z",
                "day,2026-03-09,breach_rate,0.5", "day,2026-03-10,backlog,3", "team,Ops,mttr_hours,6.5",
                "system,Core,breached,2", "arrivals,Tue 00,tickets,1");
        JsonNode json = new ObjectMapper().readTree(out.resolve("snapshot-2026-03-10.json").toFile());
        assertThat(json.get("date").asText()).isEqualTo("2026-03-10");
        assertThat(json.at("/day/2026-03-09/opened").asInt()).isEqualTo(2);
        assertThat(json.at("/day/2026-03-10/breach_rate").isNull()).isTrue();
        String html = Files.readString(out.resolve("snapshot-2026-03-10.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Desk health on 2026-03-10")
                .contains("id=\"breaches-today\"").contains("id=\"heat-arrivals\"").doesNotContain("<script");
    }

    @Test
    void countsACheckpointListsBandsAsClassifyDoes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("snaps");
        CliRun r = CliRun.of("snapshot", "--tasks", "../docs/examples/tasks.csv", "--as-of", "2026-03-10", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode classify = new ObjectMapper().readTree(CliRun.of("sla", "classify", "../docs/examples/tasks.csv",
                "--as-of", "2026-03-10", "--json", "--out", tmp.resolve("bands.csv").toString()).out());
        JsonNode snap = new ObjectMapper().readTree(out.resolve("snapshot-2026-03-10.json").toFile());
        classify.get("counts").fields().forEachRemaining(e -> assertThat(snap.at("/band/" + e.getKey() + "/items")
                .asInt()).as(e.getKey()).isEqualTo(e.getValue().asInt()));
    }

    @Test
    void aWrongDateOrAMissingPolicyIsAUsageError(@TempDir Path tmp) throws Exception {
        Path data = desk(tmp);
        CliRun bad = CliRun.of("snapshot", "--data", data.toString(), "--policy", "../docs/examples/policy.yaml",
                "--as-of", "yesterday");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--as-of yesterday: give a date").doesNotContain("Exception");
        CliRun noPolicy = CliRun.of("snapshot", "--data", data.toString(), "--as-of", "2026-03-10");
        assertThat(noPolicy.code()).isEqualTo(2);
        assertThat(noPolicy.err()).contains("--policy");
        CliRun metric = CliRun.of("snapshot", "--data", data.toString(), "--policy", "../docs/examples/policy.yaml",
                "--as-of", "2026-03-10", "--metric", "speed", "--out", tmp.resolve("x").toString());
        assertThat(metric.code()).isNotZero();
        assertThat(metric.err()).contains("unknown metric 'speed'");
    }
}
