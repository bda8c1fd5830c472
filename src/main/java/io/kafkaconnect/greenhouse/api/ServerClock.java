package io.kafkaconnect.greenhouse.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The API server's clock as seen through its {@code Date} headers. The worker's clock is never trusted for
 * window bounds: Greenhouse and the worker may disagree by minutes.
 *
 * <p>The skew estimate is conservative: {@code Date} is truncated to the second and is read after the
 * response travelled, so {@code Date - receivedAt} never overestimates the server's time.
 */
public final class ServerClock {
    private final Clock local;
    private volatile Duration skew;

    public ServerClock(Clock local) {
        this.local = local;
    }

    public void observe(Instant serverDate, Instant receivedAt) {
        if (serverDate != null) {
            skew = Duration.between(receivedAt, serverDate);
        }
    }

    public boolean isKnown() {
        return skew != null;
    }

    /** The server's current time, if a response has told us its clock. */
    public Optional<Instant> now() {
        Duration s = skew;
        return s == null ? Optional.empty() : Optional.of(local.instant().plus(s));
    }

    public Clock local() {
        return local;
    }
}
