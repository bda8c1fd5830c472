package io.kafkaconnect.greenhouse.api;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests a window allows: as the API announces it ({@code X-RateLimit-Limit}), or, where the API sends no
 * headers but documents a limit (e.g. Ashby), that limit assumed. A throttle lowers an assumed limit by a fifth (once per
 * throttle: replies to requests already under way do not lower it again), and each window without a throttle in
 * which at least half of it was used raises it by a twentieth of the documented limit, never above it, so that the
 * pace finds the real limit and recovers when it rises again. Guarded by its budget's lock.
 */
final class RateLimit {
    /** The budget's log, where operators look for its waits and pace. */
    private static final Logger log = LoggerFactory.getLogger(RateBudget.class);
    private static final double THROTTLE_DECREASE = 0.8;
    private static final int RAISE_STEPS = 20;

    private Integer limit;
    /** The limit is the API's documented one (or below it after throttles), not announced by a header. */
    private boolean assumed;
    private int documented;
    private Instant lastThrottled = Instant.MIN;
    private Instant assumedSetAt = Instant.MIN;
    private int startedSinceSet;

    /** The requests per window, or null while unknown. */
    Integer get() {
        return limit;
    }

    /** The part of the limit a budget kept to {@code fraction} of it may use (at least one request). */
    int usable(double fraction) {
        return Math.max(1, (int) Math.floor(limit * fraction));
    }

    /** The API announced its limit: it holds from now on. */
    void announced(int announced) {
        limit = announced;
        assumed = false;
    }

    /** Paces at the documented limit until (if ever) the API announces its own. */
    void assume(int documentedLimit) {
        if (limit == null && documentedLimit > 0) {
            limit = documentedLimit;
            documented = documentedLimit;
            assumed = true;
        }
    }

    /** A request started. */
    void started() {
        startedSinceSet++;
    }

    /**
     * A throttle shows that the real budget is smaller than the one assumed (other clients of the key, or a tighter
     * limit): pace a fifth slower, unless it answers a request that was already under way at the last throttle.
     */
    void throttled(Instant now, boolean answersOneUnderWay, Duration window) {
        lastThrottled = now;
        if (!assumed || limit == null || limit <= 1 || answersOneUnderWay) {
            return;
        }
        limit = Math.max(1, (int) Math.floor(limit * THROTTLE_DECREASE));
        assumedSetAt = now;
        startedSinceSet = 0;
        log.info("Rate limited below the documented limit: pacing at {} requests per {} from now on", limit,
                WaitLog.span(window));
    }

    /**
     * Raises an assumed limit that throttles lowered by a step after each window without a throttle in which at
     * least half of it was used (a window barely used proves nothing), up to the documented limit.
     */
    void raiseIfDue(Instant now, Duration window, double fraction) {
        if (!assumed || limit == null || limit >= documented
                || now.isBefore(assumedSetAt.plus(window)) || now.isBefore(lastThrottled.plus(window))) {
            return;
        }
        if (startedSinceSet * 2 >= usable(fraction)) {
            limit = Math.min(documented, limit + Math.max(1, documented / RAISE_STEPS));
            log.info("No throttling for {}: pacing at {} requests per {}", WaitLog.span(window), limit,
                    WaitLog.span(window));
        }
        assumedSetAt = now;
        startedSinceSet = 0;
    }
}
