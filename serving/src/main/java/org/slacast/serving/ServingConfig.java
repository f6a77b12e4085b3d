package org.slacast.serving;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server runs. {@link #defaults(Path, Path)} gives sensible public defaults.
 *
 * @param port         TCP port; 0 picks a free one
 * @param registry     the model registry directory
 * @param policy       the SLA policy file
 * @param maxBatch     most tickets in one batch request
 * @param maxBodyBytes largest request body accepted
 * @param stopTimeout  how long a stop lets in-flight requests finish
 * @param reasons      reasons returned per score
 * @param keys         API keys; none means open
 */
public record ServingConfig(int port, Path registry, Path policy, int maxBatch, long maxBodyBytes,
                            Duration stopTimeout, int reasons, ApiKeys keys) {

    /**
     * @param registry the registry directory
     * @param policy   the policy file
     * @return port 7070, batches of 10,000, 16 MB bodies, a 10 s stop timeout, 3 reasons
     */
    public static ServingConfig defaults(Path registry, Path policy) {
        return new ServingConfig(7070, registry, policy, 10_000, 16L << 20, Duration.ofSeconds(10), 3,
                ApiKeys.none());
    }

    /**
     * @param p a port
     * @return this config on that port
     */
    public ServingConfig withPort(int p) {
        return new ServingConfig(p, registry, policy, maxBatch, maxBodyBytes, stopTimeout, reasons, keys);
    }

    /**
     * @param k API keys
     * @return this config with those keys
     */
    public ServingConfig withKeys(ApiKeys k) {
        return new ServingConfig(port, registry, policy, maxBatch, maxBodyBytes, stopTimeout, reasons, k);
    }
}
