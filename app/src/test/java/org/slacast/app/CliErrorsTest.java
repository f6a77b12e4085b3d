package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad flags and bad files end in one line that names the place and what to do, with the exit code of its kind:
 * 1 bad input, 2 bad usage, never 3 and never a stack trace. One test per reproduction of issues 10 and 11.
 */
class CliErrorsTest {
    static final String EXAMPLES = "../docs/examples";
    static final String POLICY = EXAMPLES + "/policy.yaml";

    @TempDir
    Path dir;

    private static void assertFails(CliRun r, int code, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("slacast: ").contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void theHelpListsEveryCommand() {
        CliRun r = CliRun.of("--help");
        for (String c : new String[] {"sla", "generate", "import", "train", "evaluate", "score", "report", "models",
            "serve", "demo"}) {
            assertThat(r.out()).contains("  " + c + " ");
        }
        assertThat(CliRun.of("serve", "--help").out()).contains("--host").contains("--insecure-no-auth");
        assertThat(CliRun.of("demo", "--help").code()).isZero();
        assertThat(CliRun.of("train", "--help").out()).doesNotContain("--model ").doesNotContain("--model=");
    }

    @Test
    void ticketSourcesAreExclusiveAndOneIsRequired() {
        assertFails(CliRun.of("sla", "--policy", POLICY, "--data", EXAMPLES, "--jdbc", "jdbc:duckdb:"), 2,
                "mutually exclusive");
        assertFails(CliRun.of("sla", "--policy", POLICY), 2, "Missing required argument");
        assertFails(CliRun.of("sla", "--policy", POLICY, "--tickets", EXAMPLES + "/tickets.csv"), 2, "--events");
    }

    @Test
    void asOfTakesADateOrAnInstantWithinTheRange() throws IOException {
        assertFails(CliRun.of("sla", "--data", EXAMPLES, "--policy", POLICY, "--as-of", "+999999999-12-31T23:59:59Z"),
                2, "is not between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z");
        assertFails(CliRun.of("sla", "--data", EXAMPLES, "--policy", POLICY, "--as-of", "yesterday"), 2,
                "is not an instant such as");
        CliRun ok = CliRun.of("sla", "--data", EXAMPLES, "--policy", POLICY, "--as-of", "2026-03-28", "--out",
                dir.resolve("sla.csv").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("as of 2026-03-28T00:00:00Z");
    }

    @Test
    void servePortsOutOfRangeOrInUseAreNamed() throws IOException {
        assertFails(CliRun.of("serve", "--policy", POLICY, "--port", "99999"), 2, "--port 99999");
        assertFails(CliRun.of("serve", "--policy", POLICY, "--port", "-1"), 2, "--port -1");
        Path data = dir.resolve("desk");
        Path reg = dir.resolve("registry");
        assertThat(CliRun.of("generate", "--tickets", "1500", "--seed", "4", "--out", data.toString(), "--no-sla")
                .code()).isZero();
        assertThat(CliRun.of("train", "--data", data.toString(), "--registry", reg.toString(), "--models", "logistic",
                "--no-report").code()).isZero();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.of("serve", "--registry", reg.toString(), "--policy", data.resolve("policy.yaml")
                    .toString(), "--no-log", "--port", String.valueOf(taken.getLocalPort()));
            assertFails(r, 1, "is the port in use? pick another with --port");
        }
    }

    @Test
    void aTruncatedQuotedFieldRejectsItsRowAndKeepsTheRest() throws IOException {
        Path data = Files.createDirectories(dir.resolve("trunc"));
        Files.writeString(data.resolve("tickets.csv"), "ticket_id,created_at,priority\nA,2026-03-02T09:00:00Z,high\n"
                + "B,\"2026-03-02T09:00:00Z,high\n");
        Files.writeString(data.resolve("events.csv"), "ticket_id,at,type\nA,2026-03-02T10:00:00Z,resolved\n");
        CliRun r = CliRun.of("sla", "--data", data.toString(), "--policy", POLICY, "--out",
                dir.resolve("sla.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 rows left out").contains("tickets.csv:3: a quoted field opened on this line is "
                + "never closed").contains("1 tickets");
    }

    @Test
    void outputsInMissingDirectoriesOrOnFilesAreNamed() throws IOException {
        assertFails(CliRun.of("sla", "--data", EXAMPLES, "--policy", POLICY, "--out", "/nonexistent/dir/x.csv"), 1,
                "the directory /nonexistent/dir does not exist");
        Path file = Files.writeString(dir.resolve("out.txt"), "x");
        Path mapping = Files.writeString(dir.resolve("m.yaml"), "shape: tickets\nfields:\n  ticket_id: id\n"
                + "  created_at: opened\n  priority: prio\n");
        assertFails(CliRun.of("import", "--mapping", mapping.toString(), "--input", EXAMPLES + "/tickets.csv",
                "--out", file.toString()), 1, "is a file; give a directory");
        assertFails(CliRun.of("import", "--mapping", mapping.toString(), "--input", EXAMPLES, "--out",
                dir.resolve("o").toString()), 1, "is a directory; give the export file itself");
    }

    @Test
    void binaryConfigFilesAreNamedAsSuch() throws IOException {
        Path bin = Files.write(dir.resolve("bin.yaml"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10});
        Path latin = Files.write(dir.resolve("latin.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, 10});
        assertFails(CliRun.of("sla", "--data", EXAMPLES, "--policy", bin.toString()), 1, "a binary file, not a "
                + "policy file");
        assertFails(CliRun.of("sla", "--data", EXAMPLES, "--policy", latin.toString()), 1, "not UTF-8 text");
        assertFails(CliRun.of("import", "--mapping", bin.toString(), "--input", "x", "--out", "y"), 1,
                "a binary file, not a mapping file");
    }

    @Test
    void anUnusableRegistryIsRefusedBeforeAnyFitting() throws IOException {
        Path reg = Files.createDirectories(dir.resolve("reg"));
        Files.writeString(reg.resolve("registry.json"), "{\"champion\": \"../../etc\"}");
        assertFails(CliRun.of("train", "--data", EXAMPLES, "--policy", POLICY, "--registry", reg.toString()), 1,
                "'../../etc' is not a model id");
        Path notDir = Files.writeString(dir.resolve("plain-file"), "x");
        assertFails(CliRun.of("train", "--data", EXAMPLES, "--policy", POLICY, "--registry",
                notDir.resolve("sub").toString()), 1, "cannot write models here");
    }
}
