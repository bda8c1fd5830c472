package io.kafkaconnect.greenhouse.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    private final Map<Object, Optional<Instant>> caughtUp = new HashMap<>();

    /** @param progressInterval at most one progress line per interval; zero: none */
    public ResourceStats(String resource, Duration progressInterval, Clock clock) {
        this.progress = new ProgressLog(resource, progressInterval, clock);
    }

    /** A page was read, at {@code at} (a page of the long read under way, if one is). */
    public void pageRead(Instant at) {
        pages.increment();
        lastPageAt = at;
        progress.pageRead();
    }

    /** {@code n} records of the resource were handed to Connect. */
    public void recordsSent(int n) {
        records.add(n);
    }

    /**
     * Everything {@code list} held up to {@code time} is read (a window's watermark; for an API without one, when
     * the last complete pass ended); null: not known yet. A resource read through several lists (see
     * {@code Resource#lists}) is caught up only as far as the list furthest behind, so each reports on its own.
     */
    public synchronized void caughtUpTo(Object list, Instant time) {
        caughtUp.put(list, Optional.ofNullable(time));
        Instant oldest = null;
        for (Optional<Instant> t : caughtUp.values()) {
            if (t.isEmpty()) {
                oldest = null;
                break;
            }
            oldest = oldest == null || t.get().isBefore(oldest) ? t.get() : oldest;
        }
        caughtUpTo = oldest;
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

    /** See {@link #caughtUpTo(Object, Instant)}; null while not known (before the first window or pass ends). */
    public Instant caughtUpTo() {
        return caughtUpTo;
    }
}
