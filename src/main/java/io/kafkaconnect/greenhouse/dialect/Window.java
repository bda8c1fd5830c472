package io.kafkaconnect.greenhouse.dialect;

import java.time.Instant;

/**
 * A range of change times {@code [from, to)}. {@code from} is null when reading from the beginning; {@code to}
 * is the pass's upper bound (sent to the API only by two-sided endpoints). Both null for snapshots.
 */
public record Window(Instant from, Instant to) {
    public static final Window ALL = new Window(null, null);
}
