package io.kafkaconnect.greenhouse.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a resource's sync tells about itself as it reads, for the task's metrics: the pages it read, the records the
 * task sent of it, when its last page came and how recent the data it has caught up to is, and the progress of a
 * long read under way ({@link #progress()}). Written on the sync's threads, read from any: no locks.
 */
public final class ResourceStats {
    private final LongAdder pages = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final ProgressLog progress;
    private volatile Instant lastPageAt;
    private volatile Instant caughtUpTo;

    /** @param progressInterval at most one progress line per interval; zero: none */
    public ResourceStats(String resource, Duration progressInterval, Clock clock) {
        this.progress = new ProgressLog(resource, progressInterval, clock);
    }

    /** A page was read, at {@code at}. */
    public void pageRead(Instant at) {
        pages.increment();
        lastPageAt = at;
    }

    /** {@code n} records of the resource were handed to Connect. */
    public void recordsSent(int n) {
        records.add(n);
    }

    /**
     * Everything the resource held up to {@code time} is read (a window's watermark; for an API without one, when
     * the last complete pass ended).
     */
    public void caughtUpTo(Instant time) {
        caughtUpTo = time;
    }

    /** The long read under way (a backfill, a pass), told at INFO now and then and read by the metrics. */
    public ProgressLog progress() {
        return progress;
    }

    public long pages() {
        return pages.sum();
    }

    public long records() {
        return records.sum();
    }

    /** When the last page came, or null before the first. */
    public Instant lastPageAt() {
        return lastPageAt;
    }

    /** See {@link #caughtUpTo(Instant)}; null while not known (before the first window or pass ends). */
    public Instant caughtUpTo() {
        return caughtUpTo;
    }
}
