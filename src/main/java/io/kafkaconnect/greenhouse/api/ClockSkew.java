package io.kafkaconnect.greenhouse.api;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's clock minus ours, learned from the {@code Date} headers of successful answers. Each {@code Date} is
 * truncated to the second and read after the answer travelled, so each one says at most the true difference: the
 * largest seen is the closest. A {@code Date} a little behind the best (more than {@link #AGREE}) means the server's
 * clock was set back, and is taken as it is. One that differs by more than {@link #JUMP} may be an odd stamp (a proxy,
 * a cache) and is taken only once {@link #CONFIRMATIONS} answers in a row agree on it: a real change of the server's
 * clock is accepted after a few answers, a stray one never moves the estimate.
 */
final class ClockSkew {
    private static final Logger log = LoggerFactory.getLogger(ClockSkew.class);
    static final Duration JUMP = Duration.ofSeconds(10);
    static final Duration AGREE = Duration.ofSeconds(2);
    static final int CONFIRMATIONS = 3;

    private Duration best;
    /** A jump not yet confirmed, and how many answers in a row have shown it. */
    private Duration candidate;
    private int confirmations;

    synchronized void observe(Duration seen) {
        if (best == null) {
            best = seen;
            return;
        }
        if (seen.minus(best).abs().compareTo(JUMP) <= 0) {
            candidate = null;
            confirmations = 0;
            if (seen.compareTo(best) > 0 || seen.compareTo(best.minus(AGREE)) < 0) {
                best = seen;
            }
            return;
        }
        if (candidate != null && seen.minus(candidate).abs().compareTo(AGREE) <= 0) {
            confirmations++;
            candidate = seen.compareTo(candidate) > 0 ? seen : candidate;
        } else {
            candidate = seen;
            confirmations = 1;
        }
        if (confirmations >= CONFIRMATIONS) {
            log.warn("The API server's clock moved by {} ms against ours ({} answers in a row agree); following it",
                    candidate.minus(best).toMillis(), confirmations);
            best = candidate;
            candidate = null;
            confirmations = 0;
        } else {
            log.debug("Ignoring a Date header {} ms off the server clock's estimate until more answers agree",
                    seen.minus(best).toMillis());
        }
    }

    /** The estimate, or null before any answer. */
    synchronized Duration get() {
        return best;
    }
}
