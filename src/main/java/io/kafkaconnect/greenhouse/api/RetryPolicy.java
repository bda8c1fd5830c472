package io.kafkaconnect.greenhouse.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter for transient failures.
 *
 * @param maxRetries   how many times one request is retried after a transient failure before giving up
 * @param initial      the first back-off
 * @param max          the cap of one back-off
 */
public record RetryPolicy(int maxRetries, Duration initial, Duration max) {

    /** The wait before retry number {@code attempt} (1-based): random in [base/2, base], base = initial·2^(attempt-1) capped. */
    public Duration backoff(int attempt) {
        long base = initial.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 1), max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
