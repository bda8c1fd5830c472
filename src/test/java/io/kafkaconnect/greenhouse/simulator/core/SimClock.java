package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The simulator's clock: the machine clock plus an adjustable offset, at millisecond precision. */
public final class SimClock {
    private final Clock machine;
    private volatile Duration offset;

    public SimClock(Clock machine, Duration offset) {
        this.machine = Objects.requireNonNull(machine);
        this.offset = Objects.requireNonNull(offset);
    }

    public Instant now() {
        return machine.instant().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    }

    public long nowMillis() {
        return now().toEpochMilli();
    }

    public Duration offset() {
        return offset;
    }

    public void setOffset(Duration offset) {
        this.offset = Objects.requireNonNull(offset);
    }
}
