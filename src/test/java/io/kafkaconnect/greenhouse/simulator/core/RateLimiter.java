package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-credential request budget on the simulator clock. A fixed window is aligned to multiples of its length
 * since the epoch (so {@code X-RateLimit-Reset} is the same for every credential); a rolling window counts the
 * requests accepted in the last {@code window}. Rejected requests (429) do not consume budget.
 */
public final class RateLimiter {

    /** How the window moves. */
    public enum Mode { FIXED, ROLLING }

    /** A limit of {@code limit} requests per {@code window}. */
    public record Policy(int limit, Duration window, Mode mode) {
        public Policy {
            if (limit < 1 || window.toMillis() < 1) {
                throw new IllegalArgumentException("rate limit must be >= 1 per >= 1ms");
            }
            Objects.requireNonNull(mode);
        }

        /** What "no limit" looks like: headers with a very large budget. */
        public static Policy unlimited() {
            return new Policy(1_000_000, Duration.ofSeconds(10), Mode.FIXED);
        }
    }

    /** The outcome of one request, with everything needed for the X-RateLimit-* headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private Policy policy;
    private final SimClock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public RateLimiter(Policy policy, SimClock clock) {
        this.policy = Objects.requireNonNull(policy);
        this.clock = clock;
    }

    public synchronized Policy policy() {
        return policy;
    }

    /** Changes the limit from now on (an account's limit raised, or another client of the key gone). */
    public synchronized void limit(int limit) {
        policy = new Policy(limit, policy.window(), policy.mode());
    }

    /** Consume one request for {@code credential} if the budget allows it. */
    public synchronized Decision acquire(String credential) {
        return bucket(credential).take(clock.nowMillis(), true);
    }

    /** The current state for {@code credential} without consuming anything. */
    public synchronized Decision peek(String credential) {
        return bucket(credential).take(clock.nowMillis(), false);
    }

    public synchronized void reset() {
        buckets.clear();
    }

    private Bucket bucket(String credential) {
        return buckets.computeIfAbsent(credential == null ? "" : credential, k -> new Bucket());
    }

    private final class Bucket {
        private long windowStart = Long.MIN_VALUE;
        private int count;
        private final ArrayDeque<Long> accepted = new ArrayDeque<>();

        Decision take(long now, boolean consume) {
            long windowMs = policy.window().toMillis();
            int limit = policy.limit();
            if (policy.mode() == Mode.FIXED) {
                long start = now - Math.floorMod(now, windowMs);
                if (start != windowStart) {
                    windowStart = start;
                    count = 0;
                }
                long end = start + windowMs;
                long reset = ceilDiv(end, 1000);
                if (consume && count >= limit) {
                    return new Decision(false, limit, 0, reset, Math.max(1, ceilDiv(end - now, 1000)));
                }
                if (consume) {
                    count++;
                }
                return new Decision(true, limit, Math.max(0, limit - count), reset, 0);
            }
            while (!accepted.isEmpty() && (accepted.peekFirst() <= now - windowMs || accepted.peekFirst() > now)) {
                accepted.pollFirst();
            }
            if (consume && accepted.size() >= limit) {
                long freeAt = accepted.peekFirst() + windowMs;
                return new Decision(false, limit, 0, ceilDiv(freeAt, 1000), Math.max(1, ceilDiv(freeAt - now, 1000)));
            }
            if (consume) {
                accepted.addLast(now);
            }
            long reset = ceilDiv((accepted.isEmpty() ? now : accepted.peekFirst()) + windowMs, 1000);
            return new Decision(true, limit, Math.max(0, limit - accepted.size()), reset, 0);
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
