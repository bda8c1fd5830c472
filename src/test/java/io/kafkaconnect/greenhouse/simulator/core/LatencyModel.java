package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Response delay = (fixed + perRecord x records) x (1 +/- jitter x random). */
public final class LatencyModel {
    private final long fixedNanos;
    private final long perRecordNanos;
    private final double jitter;

    public LatencyModel(Duration fixed, Duration perRecord, double jitter) {
        if (fixed.isNegative() || perRecord.isNegative() || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("latency must be >= 0 and jitter in [0,1]");
        }
        this.fixedNanos = fixed.toNanos();
        this.perRecordNanos = perRecord.toNanos();
        this.jitter = jitter;
    }

    public static LatencyModel none() {
        return new LatencyModel(Duration.ZERO, Duration.ZERO, 0.0);
    }

    public long delayNanos(int records) {
        double base = fixedNanos + (double) perRecordNanos * Math.max(0, records);
        if (base <= 0) {
            return 0;
        }
        double factor = 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return (long) (base * factor);
    }

    public void sleep(int records) {
        sleepNanos(delayNanos(records));
    }

    public static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
