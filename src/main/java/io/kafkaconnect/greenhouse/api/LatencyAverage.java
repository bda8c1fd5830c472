package io.kafkaconnect.greenhouse.api;

import java.time.Duration;

/** An exponentially weighted moving average of response times. */
final class LatencyAverage {
    private static final double WEIGHT = 0.2;
    private double averageNanos = -1;

    synchronized void record(long nanos) {
        averageNanos = averageNanos < 0 ? nanos : (1 - WEIGHT) * averageNanos + WEIGHT * nanos;
    }

    synchronized Duration average() {
        return averageNanos < 0 ? null : Duration.ofNanos((long) averageNanos);
    }
}
