package org.slacast.serving;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * The prediction log's cost a row, for bench/log.sh: ROWS score entries like the HTTP benchmark's (59 features, a
 * shadow's result, unique request ids) offered at RATE a second, then the log closed (its last checkpoint
 * included). Prints the process's CPU time a row, which includes making the entries, and its peak RSS.
 */
public final class PredictionLogLoad {
    private PredictionLogLoad() {
    }

    /**
     * @param args the log's JDBC URL, the number of rows and the rate
     * @throws Exception when the log cannot be written or /proc cannot be read
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 59; j++) {
            names.add("feature_" + j);
        }
        Random r = new Random(7);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long dropped;
        try (PredictionLog log = new PredictionLog(url, "predictions", 100_000)) {
            for (int i = 0; i < rows; i++) {
                log.offer(entry(r, i, names));
                if (i % 1000 == 999) {
                    LockSupport.parkNanos(start + (long) ((i + 1) * 1e9 / rate) - System.nanoTime());
                }
            }
            dropped = log.dropped();
        }
        System.out.printf("%s: %.2f µs of CPU a row, %d dropped, %.1f s, %s%n", url,
                (os.getProcessCpuTime() - cpu) / 1e3 / rows, dropped, (System.nanoTime() - start) / 1e9, peakRss());
    }

    private static PredictionLog.Entry entry(Random r, int i, List<String> names) {
        double[] x = new double[names.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = j % 3 == 0 ? r.nextDouble() : r.nextInt(500);
        }
        return new PredictionLog.Entry(Instant.now(), "req-" + i + "-" + r.nextLong(), "INC-" + r.nextInt(20_000),
                "random-forest-20261207-140116-e4424a", r.nextDouble(), "high", names, x,
                "gradient-boosting-20261207-140116-e4424a", r.nextDouble(), "medium");
    }

    private static String peakRss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> "peak RSS " + l.substring(6).trim()).findFirst().orElse("");
    }
}
