package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What the parts of a {@link ParallelBackfill} that run work on the fetch pool besides the pieces' own reads (the
 * span counts at the start, {@link SpanCounts}; the second reads at the end, {@link EndSplits}) do through it: its
 * one lock, starting work on the pool, handing pages over, and letting reads start once some work ended.
 */
interface BackfillCoordinator {
    /** The backfill's one lock: it guards everything its fetch threads and its poll share. */
    ReentrantLock lock();

    /** Signalled whenever something a waiting thread needs changed. */
    Condition changed();

    /** Under the lock: whether the backfill was cancelled. */
    boolean cancelled();

    /**
     * Under the lock: runs {@code work} on the pool; whatever escapes it fails the backfill at the next poll.
     *
     * @throws RejectedExecutionException if the pool is shut down
     */
    Future<?> submit(Runnable work);

    /**
     * On a fetch thread: queues a page's records of {@code p}, carrying where the backfill stands before this page
     * (the last record: after it); {@code next} is the piece's position at its next page, empty after its last.
     */
    void queue(BackfillPiece p, List<SourceRecord> converted, Optional<Walking> next);

    /** Under the lock: some work on the pool ended: starts reads where they may start now, and wakes whoever waits. */
    void workEnded();
}
