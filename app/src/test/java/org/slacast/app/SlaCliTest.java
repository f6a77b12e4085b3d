package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaCliTest {
    static final String EXAMPLES = "../docs/examples";

    @TempDir
    Path dir;

    @Test
    void slaWritesOneRowPerTicketAndMetricAndASummary() throws IOException {
        Path out = dir.resolve("sla.csv");
        CliRun r = CliRun.of("sla", "--data", EXAMPLES, "--policy", EXAMPLES + "/policy.yaml", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(13);
        assertThat(lines).contains(
                "T-1001,standard,resolution,high,480,2026-03-02T08:30:00Z,390,360,2026-03-03T15:30:00Z,90,completed,false,,2026-03-03T14:00:00Z,completed_on_time",
                "T-1003,gold-24x7,resolution,high,480,2026-03-27T14:00:00Z,660,0,2026-03-27T22:00:00Z,-180,completed,true,2026-03-27T22:00:00Z,2026-03-28T01:00:00Z,completed_late");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("sla.summary.json").toFile());
        assertThat(summary.path("tickets").asInt()).isEqualTo(4);
        assertThat(summary.at("/metrics/resolution/byPriority/high/rate").asDouble()).isEqualTo(0.5);
        assertThat(summary.at("/metrics/first_response/p50Minutes").asDouble()).isEqualTo(35.0);
        assertThat(r.out()).contains("1 exact duplicate event rows dropped");
    }

    @Test
    void classifyPrintsCountsAsJson() {
        CliRun r = CliRun.of("sla", "classify", EXAMPLES + "/tasks.csv", "--as-of", "2026-03-09", "--at-risk-within",
                "2d", "--json", "--out", dir.resolve("bands.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("{\"counts\":{\"on_track\":1,\"at_risk\":3,\"overdue\":1,"
                + "\"completed_on_time\":1,\"completed_late\":1,\"paused\":1,\"not_active\":1,\"no_target\":1},\"total\":10}");
    }

    @Test
    void errorsAreOneLineWithNonZeroCodes() {
        CliRun noPolicy = CliRun.of("sla", "--data", EXAMPLES);
        assertThat(noPolicy.code()).isEqualTo(2);
        assertThat(noPolicy.err().strip()).isEqualTo("slacast: Missing required option: '--policy=FILE' (see 'slacast sla --help')");
        CliRun missing = CliRun.of("sla", "--data", EXAMPLES, "--policy", "nope.yaml");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("slacast: nope.yaml: no such policy file");
        CliRun badDate = CliRun.of("sla", "classify", EXAMPLES + "/tasks.csv", "--as-of", "2026-13-01");
        assertThat(badDate.code()).isEqualTo(1);
        assertThat(badDate.err()).startsWith("slacast: '2026-13-01' is not a date").doesNotContain("Exception");
        assertThat(CliRun.of("sla", "--help").out()).contains("--policy=FILE", "classify");
        assertThat(CliRun.of("sla", "classify", "--help").code()).isZero();
    }
}
