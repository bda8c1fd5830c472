package io.kafkaconnect.greenhouse.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The API server's clock as seen through its {@code Date} headers. The worker's clock is never trusted for
 * window bounds: Greenhouse and the worker may disagree by minutes.
 *
 * <p>Only the {@code Date} of a successful (2xx) answer is to be observed: error pages and 429s may come from
 * proxies that stamp their own time. How the estimate follows the observations (conservatively, and a jump only
 * once confirmed) is {@link ClockSkew}'s.
 */
public final class ServerClock {
    private final Clock local;
    private final ClockSkew skew = new ClockSkew();

    public ServerClock(Clock local) {
        this.local = local;
    }

    public void observe(Instant serverDate, Instant receivedAt) {
        if (serverDate != null) {
            skew.observe(Duration.between(receivedAt, serverDate));
        }
    }

    public boolean isKnown() {
        return skew.get() != null;
    }

    /** The server's current time, if a response has told us its clock. */
    public Optional<Instant> now() {
        Duration s = skew.get();
        return s == null ? Optional.empty() : Optional.of(local.instant().plus(s));
    }

    public Clock local() {
        return local;
    }
}
