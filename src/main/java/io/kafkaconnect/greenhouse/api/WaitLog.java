package io.kafkaconnect.greenhouse.api;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of a rate budget's waits: any wait longer than a window at WARN, once, with its reason and end (so that
 * nothing waits long unexplained); one of over a second at INFO; and a wait a header asked for that was cut short,
 * at WARN once per header in {@value RateBudget#MAX_WAIT_WINDOWS} windows (a server may say it on every answer).
 */
final class WaitLog {
    /** The budget's log, where operators look for its waits and pace. */
    private static final Logger log = LoggerFactory.getLogger(RateBudget.class);

    private Instant warnedUntil;
    /** When a wait cut short was last warned of, per header. */
    private final Map<String, Instant> clampWarnedAt = new HashMap<>();

    /** No request may start for {@code duration}, until {@code until}, because of {@code reason}. */
    void waiting(Duration duration, Instant until, String reason, Duration window) {
        if (duration.compareTo(window) > 0) {
            synchronized (this) {
                if (until.equals(warnedUntil)) {
                    return;
                }
                warnedUntil = until;
            }
            log.warn("Rate budget: no request until {} ({} s): {}", until, duration.toSeconds(), reason);
        } else if (duration.compareTo(Duration.ofSeconds(1)) > 0) {
            log.info("Rate budget: waiting {} ms before the next request ({})", duration.toMillis(), reason);
        }
    }

    /** {@code header} said {@code said}, a wait beyond {@code until}, which is waited for instead. */
    synchronized void cutShort(String header, String said, Instant now, Instant until, Duration window) {
        Instant last = clampWarnedAt.get(header);
        if (last == null || !now.isBefore(last.plus(window.multipliedBy(RateBudget.MAX_WAIT_WINDOWS)))) {
            clampWarnedAt.put(header, now);
            log.warn("The API asked to wait longer than {} windows ({} said '{}'): taken as a mistake, waiting until {}"
                    + " at the latest", RateBudget.MAX_WAIT_WINDOWS, header, said, until);
        }
    }

    /** A span as people read it: whole seconds, else milliseconds. */
    static String span(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
