package org.slacast.app;

import java.time.Duration;
import org.slacast.serving.ApiKeys;
import org.slacast.serving.ServingConfig;
import picocli.CommandLine.Option;

/** Where and how the API listens, and the bounds on what one request may ask: shared by serve and demo. */
final class ServeOptions {
    private static final ServingConfig.Limits LIMITS = ServingConfig.Limits.defaults();

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = {"Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).",
                "0.0.0.0 listens on every interface, and then needs API keys or --insecure-no-auth."})
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "TCP port, 1 to 65535; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--api-keys", paramLabel = "KEY:ROLE,...", defaultValue = "${env:SLACAST_API_KEYS}",
            description = {"API keys with roles score or admin (default: $SLACAST_API_KEYS; prefer the variable, "
                + "which other users cannot read from the process list).", "Without keys the API is open."})
    String apiKeys;

    @Option(names = "--insecure-no-auth", description = "Serve without API keys on an address other than loopback.")
    boolean insecureNoAuth;

    @Option(names = "--max-body", defaultValue = "16777216", paramLabel = "BYTES",
            description = "Largest request body (default: ${DEFAULT-VALUE}); a larger one is read on and dropped, "
                    + "up to as many bytes again (64 MiB at most), so that its client sees the 413.")
    long maxBody;

    @Option(names = "--max-batch", defaultValue = "" + 10_000, paramLabel = "N",
            description = "Most tickets in one batch request (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-events", defaultValue = "1000", paramLabel = "N",
            description = "Most events in one ticket (default: ${DEFAULT-VALUE}).")
    int maxEvents;

    @Option(names = "--max-text", defaultValue = "10000", paramLabel = "CHARS",
            description = "Longest string field (default: ${DEFAULT-VALUE}).")
    int maxText;

    @Option(names = "--deadline", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest a request may compute before it is answered 503 (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(names = "--desk-horizon", defaultValue = "30d", paramLabel = "DURATION",
            converter = DurationConverter.class, description = "A ticket with no news for this long leaves the live "
            + "open queue (default: ${DEFAULT-VALUE}).")
    Duration deskHorizon;

    @Option(names = "--desk-max-tickets", defaultValue = "200000", paramLabel = "N",
            description = "Most tickets the live desk remembers as open (default: ${DEFAULT-VALUE}).")
    int deskMaxTickets;

    @Option(names = "--desk-max-pending", defaultValue = "10000", paramLabel = "N",
            description = "Most scored requests whose tickets wait to be written to the desk store; past it a scored "
                + "ticket is not remembered, and slacast_desk_unremembered_total counts it (default: ${DEFAULT-VALUE}).")
    int deskMaxPending;

    @Option(names = "--store-poll", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often to read what other replicas wrote to the desk store (default: ${DEFAULT-VALUE}).")
    Duration storePoll;

    @Option(names = "--webhook", paramLabel = "NAME=MAPPING", description = {"Take a ticketing tool's webhook at "
        + "POST /v1/webhooks/NAME, read through an import mapping whose fields are payload paths, e.g. "
        + "jira=datasets/mappings/jira-webhook.yaml (repeatable; see docs/import.md)."})
    java.util.Map<String, java.nio.file.Path> webhooks = new java.util.LinkedHashMap<>();

    @Option(names = "--policy-mismatch", paramLabel = "refuse|warn", defaultValue = "refuse",
            description = {"When a model was trained under another policy file than --policy: refuse (default: the "
                + "server does not start, and POST /v1/models/{id}/activate answers 409) or warn and serve it. A "
                + "model from before bundles recorded their policy is served with a warning."})
    String policyMismatch;

    @Option(names = "--queue-clock", paramLabel = "wall|desk", defaultValue = "wall",
            description = {"The at-risk queue's clock: wall (default: a live desk, whose quiet tickets still turn "
                + "overdue) or desk (a replayed desk, whose clock is the latest creation or event it holds)."})
    String queueClock;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = ZoneConverter.class,
            description = "Zone whose days and hours the dashboard and the snapshots count (default: ${DEFAULT-VALUE}).")
    java.time.ZoneId zone;

    @Option(names = "--snapshot-dir", paramLabel = "DIR", description = "Write each day's health there (as 'slacast "
            + "snapshot' does) once the queue's clock passes --snapshot-at.")
    java.nio.file.Path snapshotDir;

    @Option(names = "--snapshot-at", paramLabel = "HH:MM", defaultValue = "00:05",
            description = "Local time after which the day before is written (default: ${DEFAULT-VALUE}).")
    java.time.LocalTime snapshotAt;

    @Option(names = "--cockpit", paramLabel = "DIR", description = {"Tables linked to tickets (root_causes.csv, "
            + "business_impact.csv, as 'slacast generate' writes them) for the dashboard's service-delivery cockpit."})
    java.nio.file.Path cockpit;

    @Option(names = "--alerts", paramLabel = "FILE", description = {"Early-warning rules and their webhooks "
            + "(docs/alerts.md; example: docs/examples/alerts.yaml). Each rule fires once per ticket."})
    java.nio.file.Path alerts;

    /** @return the first configured API key, for a client of this server in the same process, or null */
    String firstKey() {
        if (apiKeys == null || apiKeys.isBlank()) {
            return null;
        }
        String pair = apiKeys.split(",")[0];
        return pair.substring(0, Math.max(0, pair.lastIndexOf(':'))).strip();
    }

    /** Applies these options to a configuration. */
    ServingConfig apply(ServingConfig base) {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port " + port + ": give a TCP port from 1 to 65535 (0 picks a free one)");
        }
        positive("--max-body", maxBody);
        positive("--max-batch", maxBatch);
        positive("--max-events", maxEvents);
        positive("--max-text", maxText);
        positive("--desk-max-tickets", deskMaxTickets);
        positive("--desk-max-pending", deskMaxPending);
        ServingConfig.Limits limits = new ServingConfig.Limits(maxBody, maxBatch, maxEvents, maxText,
                LIMITS.earliest(), LIMITS.latest(), deadline, LIMITS.maxLogQueue());
        webhooks.keySet().forEach(name -> {
            if (!name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
                throw new UsageException("--webhook " + name + "=...: a name is 1 to 32 lowercase letters, digits, "
                        + "'-' or '_', e.g. jira");
            }
        });
        return base.withWebhooks(webhooks).withHost(host).withPort(port).withKeys(ApiKeys.parse(apiKeys), insecureNoAuth)
                .withLimits(limits).withDesk(new ServingConfig.DeskLimits(deskHorizon, deskMaxTickets, storePoll,
                        deskMaxPending)).withPolicyMismatch(org.slacast.models.PolicyCheck.Mode.parse(policyMismatch))
                .withQueue(new ServingConfig.QueueSettings(queueClock(), base.queue().tick(), alerts, zone,
                        snapshotDir, snapshotAt, cockpit));
    }

    private String queueClock() {
        if (!queueClock.equals("wall") && !queueClock.equals("desk")) {
            throw new UsageException("--queue-clock " + queueClock + ": use wall (a live desk) or desk (a replayed one)");
        }
        return queueClock;
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new UsageException(option + " must be at least 1, not " + value);
        }
    }
}
