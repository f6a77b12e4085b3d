package org.slacast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slacast replay}'s refusals, against small stand-in servers; DeskParityTest replays into a real one. */
class ReplayCommandTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void desk() {
        data = tmp.resolve("desk");
        assertThat(CliRun.of("generate", "--tickets", "40", "--seed", "3", "--out", data.toString(), "--no-sla")
                .code()).isZero();
    }

    /** A server that answers every request with one status and body, and records the request paths. */
    static HttpServer answering(int status, String body, List<String> seen) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", x -> {
            seen.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        s.start();
        return s;
    }

    static String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    @Test
    void noServerEndsInOneLineThatSaysHowLongItTriedAndWhatToDo() {
        CliRun r = CliRun.of("replay", "--data", data.toString(), "--url", "http://127.0.0.1:9", "--wait", "1s");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no server answers POST /v1/events at http://127.0.0.1:9")
                .contains("after 1 s; start one with 'slacast serve', or give --url").doesNotContain("Exception");
    }

    @Test
    void aRefusedKeyNamesTheOptionThatGivesOne() throws IOException {
        List<String> seen = new ArrayList<>();
        HttpServer s = answering(401, "{\"status\":401,\"detail\":\"give an API key\"}", seen);
        try {
            CliRun r = CliRun.of("replay", "--data", data.toString(), "--url", url(s), "--api-key", "");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("refused POST /v1/events (401: give an API key); give a score key with "
                    + "--api-key or SLACAST_API_KEY");
            assertThat(seen).containsExactly("POST /v1/events");
        } finally {
            s.stop(0);
        }
    }

    @Test
    void itemsTheServerRefusesAreListedAndTheRunFailsAfterSendingTheRest() throws IOException {
        List<String> seen = new ArrayList<>();
        HttpServer s = answering(200, """
                {"stored":{"tickets":3,"events":4},"duplicates":1,"rejected":1,"errors":[{"status":400,\
                "detail":"invalid event","errors":[{"field":"events[2].at","message":"is not an instant"}]}]}""",
                seen);
        try {
            CliRun r = CliRun.of("replay", "--data", data.toString(), "--url", url(s), "--batch", "50");
            assertThat(r.code()).isEqualTo(1);
            assertThat(seen).hasSizeGreaterThan(1).allMatch("POST /v1/events"::equals);
            assertThat(r.out()).contains("replayed " + 3 * seen.size() + " tickets and " + 4 * seen.size()
                    + " new events (" + seen.size() + " already stored)");
            assertThat(r.err()).contains(seen.size() + " items were refused by the server; the first:")
                    .contains("  invalid event; events[2].at: is not an instant");
        } finally {
            s.stop(0);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.of("replay", "--data", data.toString(), "--url", "ftp://x").err())
                .contains("--url: give the server's address, e.g. http://127.0.0.1:7070");
        assertThat(CliRun.of("replay", "--data", data.toString(), "--speed", "-2").code()).isEqualTo(2);
        CliRun r = CliRun.of("replay", "--data", data.toString(), "--from", "2030-01-02", "--until", "2030-01-01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--until 2030-01-01T00:00:00Z is not after --from 2030-01-02T00:00:00Z");
    }
}
