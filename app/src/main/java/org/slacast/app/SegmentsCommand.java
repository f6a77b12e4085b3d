package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.policy.Metric;
import org.slacast.training.desk.Scenario;
import org.slacast.training.desk.SegmentTests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast segments}: which differences in breach rate between segments are real. */
@Command(name = "segments", mixinStandardHelpOptions = true, description = {
    "Test whether breach rates differ by hour of day, shift, team, priority, contract and customer tenure (time "
        + "since the customer's first ticket): a chi-square test per "
        + "dimension, and per segment against the rest Fisher's exact test (small counts) or chi-square, with "
        + "Holm's correction for the many comparisons and a Wilson 95%% interval for each rate. Only differences "
        + "marked as holding are worth acting on.",
    "", "Example:", "  slacast segments --data demo/data --policy demo/data/policy.yaml"})
public final class SegmentsCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private DeskSource source;

    @Option(names = "--metric", defaultValue = "resolution", paramLabel = "METRIC",
            description = "The SLA metric whose breaches are compared (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write segments.csv here.")
    private Path out;

    /** Creates the command. */
    public SegmentsCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        Metric m = DeskSource.metric(metric);
        Scenario.Desk desk = source.desk(source.load());
        SegmentTests tests = SegmentTests.of(desk.cases(m), desk::zone);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s breaches by segment; Holm-adjusted p below %.2f holds%n", m.label(), SegmentTests.ALPHA);
        for (SegmentTests.Dimension d : tests.dimensions()) {
            w.printf(Locale.ROOT, "%n%-9s chi-square %.1f, df %d, p %s, adjusted %s: %s%n", d.name(), d.chiSquare(),
                    d.df(), SegmentTests.format(d.p()), SegmentTests.format(d.adjusted()),
                    d.holds() ? "rates differ" : "no real difference");
            for (SegmentTests.Segment s : d.segments()) {
                if (d.holds() && s.holds()) {
                    w.printf(Locale.ROOT, "  %-24s %,7d tickets  %5.1f%% [%4.1f%%, %4.1f%%]  %s p %s, adjusted %s%n",
                            s.name(), s.tickets(), 100 * s.rate(), 100 * s.low(), 100 * s.high(), s.test(),
                            SegmentTests.format(s.p()), SegmentTests.format(s.adjusted()));
                }
            }
        }
        if (out != null) {
            write(tests);
        }
        return 0;
    }

    private void write(SegmentTests tests) {
        Path file = out.resolve("segments.csv");
        CsvFiles.write(file, csv -> {
            csv.writeNext(new String[] {"dimension", "dimension_p", "dimension_adjusted", "dimension_holds",
                "segment", "tickets", "breached", "rate", "low", "high", "test", "p", "adjusted", "holds"}, false);
            for (SegmentTests.Dimension d : tests.dimensions()) {
                for (SegmentTests.Segment s : d.segments()) {
                    csv.writeNext(new String[] {d.name(), num(d.p()), num(d.adjusted()), String.valueOf(d.holds()),
                        s.name(), String.valueOf(s.tickets()), String.valueOf(s.breached()), num(s.rate()),
                        num(s.low()), num(s.high()), s.test(), num(s.p()), num(s.adjusted()),
                        String.valueOf(d.holds() && s.holds())}, false);
                }
            }
        });
        spec.commandLine().getOut().println("table -> " + file);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
