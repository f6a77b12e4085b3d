package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slacast scenario}, {@code staffing} and {@code segments} on a generated desk: the stage decomposition,
 * the scenario table and proposals, the staffing gap and the segment tests.
 */
class ScenarioCommandTest {
    @TempDir
    static Path desk;
    static Path data;

    @BeforeAll
    static void generate() {
        data = desk.resolve("data");
        assertThat(CliRun.of("generate", "--tickets", "2000", "--seed", "5", "--out", data.toString(), "--no-sla")
                .code()).isZero();
    }

    @Test
    void aStageReductionTableOnAGeneratedDesk(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("tables");
        CliRun r = CliRun.of("scenario", "--data", data.toString(), "--policy", data.resolve("policy.yaml").toString(),
                "--faster", "awaiting_parts=20%", "--pause", "awaiting_change", "--drop-reopens", "25%", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2,000 tickets, every clock read at")
                .contains("Where the time goes until resolution").contains("Where the time goes until first response")
                .contains("Each change against the desk as it was").contains("--faster awaiting_parts=20%")
                .contains("Stages worth shortening first (each 20% faster)");
        List<String> stages = Files.readAllLines(out.resolve("stages.csv"));
        assertThat(stages.getFirst()).isEqualTo("metric,tier,category,tickets,p95_minutes,driver,status,paused,visits,"
                + "p50,p90,p95,share,tail_share");
        assertThat(stages).anyMatch(l -> l.startsWith("resolution,all,all,") && l.contains(",pending_customer,true,"));
        List<String[]> rows = Files.readAllLines(out.resolve("scenarios.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        assertThat(rows).extracting(c -> c[0] + " " + c[1]).contains("change --faster awaiting_parts=20%",
                "change --pause awaiting_change", "change --drop-reopens 25%");
        // Making a stage faster never causes a breach, and the proposals are ranked best first.
        List<String[]> proposals = rows.stream().filter(c -> c[0].equals("proposal") && c[7].equals("all")).toList();
        assertThat(proposals).isNotEmpty().allMatch(c -> Long.parseLong(c[11]) >= 0);
        String[] parts = rows.stream().filter(c -> c[1].equals("--faster awaiting_parts=20%") && c[6].equals(
                "resolution") && c[7].equals("all")).findFirst().orElseThrow();
        assertThat(Long.parseLong(parts[11])).isPositive();
        assertThat(Double.parseDouble(parts[3])).isPositive();
    }

    @Test
    void aBadChangeSaysWhatToWrite(@TempDir Path tmp) throws Exception {
        Path data = SnapshotCommandTest.desk(tmp);
        CliRun r = CliRun.of("scenario", "--data", data.toString(), "--policy", "../docs/examples/policy.yaml",
                "--faster", "awaiting_parts");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--faster awaiting_parts: write STATUS=SHARE, e.g. awaiting_parts=20%")
                .doesNotContain("Exception");
        CliRun p = CliRun.of("scenario", "--data", data.toString(), "--policy", "../docs/examples/policy.yaml",
                "--propose", "lots");
        assertThat(p.code()).isEqualTo(1);
        assertThat(p.err()).contains("--propose lots: give a share above 0% and at most 100%, e.g. 20%");
    }

    @Test
    void staffingSetsErlangCBesideTheRosterAndNamesTheShiftGap(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("staffing", "--data", data.toString(), "--policy", data.resolve("policy.yaml").toString(),
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Erlang C (L1) for 80% of tickets answered within PT1H")
                .contains("median in in_progress of tickets resolved in L1")
                .contains("Agents on duty minus required (negative: short), by weekday and local hour")
                .contains("Shifts by the penalty their arrivals lose to resolution breaches");
        List<String> grid = Files.readAllLines(tmp.resolve("staffing.csv"));
        assertThat(grid).hasSize(1 + 7 * 24);
        assertThat(grid.getFirst()).isEqualTo("weekday,hour,arrivals,required,rostered,gap");
        assertThat(Files.readAllLines(tmp.resolve("shifts.csv"))).hasSizeGreaterThan(1);
        CliRun bad = CliRun.of("staffing", "--data", data.toString(), "--policy", data.resolve("policy.yaml")
                .toString(), "--tier", "L7");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--tier L7: give L1 or all");
    }

    @Test
    void segmentsMarkWhichDifferencesHold(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("segments", "--data", data.toString(), "--policy", data.resolve("policy.yaml").toString(),
                "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resolution breaches by segment; Holm-adjusted p below 0.05 holds")
                .containsPattern("priority +chi-square [0-9.]+, df 4, p <0.0001, adjusted <0.0001: rates differ");
        List<String> rows = Files.readAllLines(tmp.resolve("segments.csv"));
        assertThat(rows.getFirst()).startsWith("dimension,dimension_p,dimension_adjusted,dimension_holds,segment");
        assertThat(rows).anyMatch(l -> l.startsWith("priority,") && l.contains(",critical,"));
    }
}
