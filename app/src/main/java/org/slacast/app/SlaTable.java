package org.slacast.app;

import java.io.PrintWriter;
import java.util.Map;
import org.slacast.core.clock.SlaSummary;

/** Prints an {@link SlaSummary} as the tables {@code slacast sla} shows. */
final class SlaTable {
    private static final String HEAD = "%-16s %-9s %9s %9s %7s %10s %10s %8s %13s%n";
    private static final String ROW = "%-16s %-9s %9d %9d %6.1f%% %10d %10s %7.1f%% %12.1f%%%n";

    private SlaTable() {
    }

    /**
     * Breach rates per metric × priority (for an OLA, one reading per ticket × tier), then per tier visit when
     * there are stints, then the percentiles of elapsed business minutes.
     *
     * @param w where to print
     * @param s the summary
     */
    static void print(PrintWriter w, SlaSummary s) {
        w.printf(HEAD, "metric", "priority", "measured", "breached", "rate", "completed", "done_rate", "running",
                "running_late");
        s.metrics().forEach((m, ms) -> rows(w, m, ms.byPriority()));
        if (!s.stints().isEmpty()) {
            w.printf("%n" + HEAD, "per tier visit", "priority", "stints", "breached", "rate", "completed",
                    "done_rate", "running", "running_late");
            s.stints().forEach((m, ss) -> rows(w, m, ss.byPriority()));
        }
        w.printf("rate: breached / measured; done_rate: breached / completed, to compare with a historical rate;%n"
                + "running, running_late: the share of measured still open, and open and already breached%n");
        w.printf("%n%-16s %10s %10s %10s   (elapsed business minutes)%n", "metric", "p50", "p90", "p95");
        s.metrics().forEach((m, ms) -> w.printf("%-16s %10.1f %10.1f %10.1f%n", m, ms.p50Minutes(), ms.p90Minutes(),
                ms.p95Minutes()));
    }

    private static void rows(PrintWriter w, String metric, Map<String, SlaSummary.Rate> byPriority) {
        byPriority.forEach((p, r) -> w.printf(ROW, metric, p, r.measured(), r.breached(), 100 * r.rate(),
                r.completed(), r.completed() == 0 ? "-" : String.format("%.1f%%", 100 * r.completedRate()),
                100 * r.runningShare(), 100 * r.runningBreachedShare()));
    }
}
