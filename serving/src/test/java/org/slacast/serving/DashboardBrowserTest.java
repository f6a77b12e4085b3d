package org.slacast.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium (Debian's package; .ci/run installs it) against a server filled through the
 * ingestion API: the queue's rows are the API's, the charts are drawn (uPlot's canvas elements exist) with no
 * console error, and each page is saved as a screenshot under target/dashboard. Chromium is driven from its
 * command line (--dump-dom after the scripts ran, --screenshot), which needs no WebDriver to match its version.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target/dashboard");

    /** A desk over five days, on its own clock: arrivals, resolutions on time and late, and one overdue ticket. */
    static void fill(TestApi api) throws Exception {
        StringBuilder tickets = new StringBuilder();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String created = java.time.Instant.parse("2026-03-02T06:00:00Z").plusSeconds(3L * 3600 * i).toString();
            String resolved = java.time.Instant.parse(created).plusSeconds(i % 3 == 0 ? 10 * 3600 : 2 * 3600)
                    .toString();
            tickets.append(i > 0 ? "," : "").append("{\"id\": \"T-").append(i).append("\", \"created_at\": \"")
                    .append(created).append("\", \"priority\": \"high\", \"contract\": \"gold\", \"team\": \"")
                    .append(i % 2 == 0 ? "Network" : "Desk").append("\", \"system\": \"S").append(i % 4)
                    .append("\"}");
            if (i < 35) {
                events.append(events.isEmpty() ? "" : ",").append("{\"ticket_id\": \"T-").append(i)
                        .append("\", \"at\": \"").append(resolved).append("\", \"type\": \"resolved\"}");
            }
        }
        DeskApiTest.ok(api.post("/v1/events", "{\"tickets\": [" + tickets + "], \"events\": [" + events + "]}"));
    }

    /** Root causes and business impact for fill's tickets, as 'slacast generate' writes them. */
    static Path linkedTables(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder causes = new StringBuilder("ticket_id,assigned_team,engineer,root_cause_category,fix_type,"
                + "is_repeat_incident\n");
        StringBuilder impact = new StringBuilder("ticket_id,system,failed_transactions,estimated_financial_loss,"
                + "affected_region,uptime_impact_minutes\n");
        String[] fixes = {"permanent", "patch", "workaround"};
        for (int i = 0; i < 40; i++) {
            causes.append("T-").append(i).append(",Desk,eng").append(i % 5).append(i % 2 == 0 ? ",hardware," : ",user "
                    + "error,").append(fixes[i % 3]).append(',').append(i % 7 == 0).append('\n');
            impact.append("T-").append(i).append(",S").append(i % 4).append(",1,10.5,EU,").append(15 * i).append('\n');
        }
        Files.writeString(dir.resolve("root_causes.csv"), causes);
        Files.writeString(dir.resolve("business_impact.csv"), impact);
        return dir;
    }

    @Test
    void thePagesRenderInChromiumWithTheApisQueueAndTheirCharts(@TempDir Path profile, @TempDir Path tables)
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), () -> "SKIPPED: no Chromium at " + CHROMIUM
                + "; .ci/run installs it (apt-get install chromium)");
        Files.createDirectories(SHOTS);
        ServingConfig base = QueueApiTest.deskClock("lr-a");
        ServingConfig.QueueSettings q = base.queue();
        ServingConfig c = base.withQueue(new ServingConfig.QueueSettings(q.clock(), q.tick(), null, q.zone(), null,
                q.snapshotAt(), linkedTables(tables)));
        try (TestApi api = TestApi.start(c)) {
            fill(api);
            String clock = "2026-03-06T21:00:00Z";
            QueueApiTest.queueAt(api, clock, "");
            Thread.sleep(300);
            List<String> apiRows = DeskApiTest.JSON.readTree(api.get("/v1/queue").body()).get("rows")
                    .findValuesAsText("ticket_id");
            assertThat(apiRows).isNotEmpty();

            Browsed queue = browse(profile, api.base + "/dashboard", "queue");
            assertThat(queue.errors()).isEmpty();
            Matcher m = Pattern.compile("data-ticket=\"([^\"]+)\"").matcher(queue.dom());
            List<String> pageRows = new ArrayList<>();
            while (m.find()) {
                pageRows.add(m.group(1));
            }
            assertThat(pageRows).isEqualTo(apiRows);

            Browsed trends = browse(profile, api.base + "/dashboard/trends", "trends");
            assertThat(trends.errors()).isEmpty();
            assertThat(trends.dom()).contains("class=\"uplot");
            assertThat(Pattern.compile("<canvas").matcher(trends.dom()).results().count()).isGreaterThanOrEqualTo(2);
            Browsed cockpit = browse(profile, api.base + "/dashboard/cockpit", "cockpit");
            assertThat(cockpit.errors()).isEmpty();
            assertThat(cockpit.dom()).contains("<svg").contains("<circle").contains("id=\"heat-causes\"");
            for (String page : List.of("teams", "heatmap", "model")) {
                Browsed b = browse(profile, api.base + "/dashboard/" + page, page);
                assertThat(b.errors()).as(page).isEmpty();
                assertThat(b.dom()).as(page).contains("<main>");
            }
            assertThat(SHOTS.resolve("trends.png")).isNotEmptyFile();
        }
    }

    /**
     * @param dom    the page's DOM after its scripts ran
     * @param errors console errors and uncaught exceptions Chromium logged
     */
    record Browsed(String dom, List<String> errors) {
    }

    private static Browsed browse(Path profile, String url, String name) throws IOException, InterruptedException {
        String dom = run(profile, List.of("--dump-dom", url)).stdout();
        Run shot = run(profile, List.of("--screenshot=" + SHOTS.resolve(name + ".png").toAbsolutePath(),
                "--window-size=1400,1000", url));
        List<String> errors = new ArrayList<>();
        for (String line : shot.stderr().lines().toList()) {
            if (line.contains(":CONSOLE") && (line.contains("Uncaught") || line.contains("Error"))
                    || line.contains("Uncaught ")) {
                errors.add(line);
            }
        }
        return new Browsed(dom, errors);
    }

    private record Run(String stdout, String stderr) {
    }

    private static Run run(Path profile, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000"));
        cmd.addAll(args);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + String.join(" ", cmd));
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
