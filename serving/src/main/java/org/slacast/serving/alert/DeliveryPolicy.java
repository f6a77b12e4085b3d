package org.slacast.serving.alert;

import java.time.Duration;

/**
 * How alerts are delivered: a failed delivery is retried after {@code firstRetry}, doubling up to
 * {@code maxRetry}, until {@code attempts} have failed, and then dead-lettered.
 *
 * @param attempts   deliveries tried before an alert is dead-lettered, from 1
 * @param firstRetry the wait after the first failure
 * @param maxRetry   the longest wait between two attempts
 * @param timeout    how long one attempt may take
 */
public record DeliveryPolicy(int attempts, Duration firstRetry, Duration maxRetry, Duration timeout) {
    /** @return 8 attempts, retried after 5 s doubling up to 10 min, 10 s each */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofSeconds(10));
    }

    /**
     * @param failed attempts failed so far, from 1
     * @return the wait before the next: exponential backoff, capped
     */
    public Duration backoff(int failed) {
        long ms = firstRetry.toMillis();
        for (int i = 1; i < failed && ms < maxRetry.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, maxRetry.toMillis()));
    }
}
