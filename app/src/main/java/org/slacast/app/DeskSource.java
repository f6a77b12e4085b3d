package org.slacast.app;

import java.nio.file.Path;
import org.slacast.core.csv.TicketData;
import org.slacast.core.policy.Metric;
import org.slacast.core.policy.PolicyFile;
import org.slacast.training.desk.Scenario;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The tickets and the policy that {@code scenario}, {@code staffing} and {@code segments} read a desk from. */
final class DeskSource {
    @Mixin
    private TicketSourceOptions source;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "SLA policy YAML file.")
    private Path policy;

    /** Filled by picocli. */
    DeskSource() {
        // picocli fills the fields
    }

    /** @return the tickets and events */
    TicketData load() {
        return source.load();
    }

    /** @param data the tickets, as {@link #load} read them; @return the desk, every clock read once */
    Scenario.Desk desk(TicketData data) {
        return new Scenario.Desk(data, PolicyFile.load(policy));
    }

    /** @return the --data directory, or null */
    Path dataDir() {
        return source.dataDir();
    }

    /**
     * @param text a metric's label, from a --metric flag
     * @return the metric
     * @throws UsageException naming the flag
     */
    static Metric metric(String text) {
        try {
            return Metric.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metric " + text + ": " + e.getMessage());
        }
    }
}
