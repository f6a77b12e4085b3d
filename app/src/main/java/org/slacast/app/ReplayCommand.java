package org.slacast.app;

import com.opencsv.ICSVWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slacast.app.replay.DeskClient;
import org.slacast.app.replay.Replay;
import org.slacast.app.replay.ReplayTimeline;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.csv.TicketData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast replay}: a data set into a running server, in time order. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {
    "Replay a data set's tickets and events after an instant, in time order, into a running server through POST "
        + "/v1/events. With --scores, each ticket is scored at its creation through GET /v1/tickets/{id}/score and "
        + "written as 'slacast score' writes it: a backtest of the live service.",
    "Load what comes before --from into the server's store first ('slacast store load --until').",
    "", "Example:", "  slacast replay --data demo/data --from 2025-05-01 --url http://127.0.0.1:7070 --speed 3600 "
        + "--scores live-scores.csv"})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private TicketSourceOptions source;

    @Option(names = "--from", paramLabel = "INSTANT|DATE", converter = InstantConverter.class,
            description = "Replay what happens at or after this instant (default: everything).")
    private Instant from;

    @Option(names = "--until", paramLabel = "INSTANT|DATE", converter = InstantConverter.class,
            description = "Stop before this instant (default: the end of the data).")
    private Instant until;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:7070",
            description = "The server (default: ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:SLACAST_API_KEY}",
            description = "A score key for the server (default: $SLACAST_API_KEY).")
    private String apiKey;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "0", description = {"Simulated seconds per second: "
        + "3600 replays an hour a second (default: 0, as fast as the server takes it)."})
    private double speed;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
            description = "Most tickets and events in one request (default: ${DEFAULT-VALUE}; at most the server's "
                + "--max-batch).")
    private int batch;

    @Option(names = "--scores", paramLabel = "FILE", description = "Score each replayed ticket at its creation and "
            + "write the scores here.")
    private Path scores;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to keep retrying a server that does not answer, e.g. while it restarts "
                + "(default: ${DEFAULT-VALUE}).")
    private Duration wait;

    @Override
    public Integer call() throws Exception {
        check();
        TicketData data = source.load();
        ReplayTimeline timeline = new ReplayTimeline(data, from, until);
        PrintWriter out = spec.commandLine().getOut();
        if (timeline.start() == null) {
            out.printf("nothing to replay: no ticket or event in %s lies in [%s, %s)%n", source.describe(),
                    from == null ? "the beginning" : from, until == null ? "the end" : until);
            return 0;
        }
        DeskClient client = new DeskClient(url, apiKey, wait);
        Replay.Summary s;
        BarProgress progress = new BarProgress(System.err);
        progress.start("replay", timeline.tickets() + (long) timeline.events());
        Replay.Options options = new Replay.Options(batch, speed, scores != null);
        if (scores == null) {
            s = Replay.run(timeline, client, options, r -> { }, progress::stepTo);
        } else {
            Path parent = scores.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(scores); ICSVWriter csv = CsvFiles.writer(w)) {
                csv.writeNext(ScoreCsv.COLUMNS.toArray(String[]::new), false);
                s = Replay.run(timeline, client, options, r -> csv.writeNext(ScoreCsv.row(r), false),
                        progress::stepTo);
            }
        }
        progress.finish();
        summarise(out, s);
        // What the server refused is data that a backtest did not see: a script must notice.
        return s.rejected() > 0 ? CliErrors.BAD_INPUT : 0;
    }

    private void check() {
        source.required();
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new UsageException("--url: give the server's address, e.g. http://127.0.0.1:7070, not '" + url
                    + "'");
        }
        if (batch < 1) {
            throw new UsageException("--batch: give 1 or more, not " + batch);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new UsageException("--speed: give 0 (as fast as possible) or a positive number, not " + speed);
        }
        if (from != null && until != null && !until.isAfter(from)) {
            throw new UsageException("--until " + until + " is not after --from " + from);
        }
    }

    private void summarise(PrintWriter out, Replay.Summary s) {
        double secs = Math.max(1e-3, s.took().toNanos() / 1e9);
        out.printf("replayed %,d tickets and %,d new events (%,d already stored) into %s in %.1f s (%,.0f items/s)%n",
                s.tickets(), s.events(), s.duplicates(), url, secs, (s.tickets() + s.events()) / secs);
        if (scores != null) {
            out.printf("%,d tickets scored at creation -> %s%n", s.scored(), scores);
        }
        if (s.rejected() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%,d items were refused by the server; the first:%n", s.rejected());
            s.errors().forEach(e -> err.println("  " + e));
        }
    }
}
