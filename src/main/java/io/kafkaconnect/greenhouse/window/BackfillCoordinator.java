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
 * What the work a {@link ParallelBackfill} runs on the fetch pool (a piece's read, {@link PieceRead}; the span
 * counts at the start, {@link SpanCounts}; the second reads at the end, {@link EndSplits}) does through it: its
 * one lock, starting work on the pool, handing pages over, stopping for room, telling what a piece holds, and
 * letting reads start once some work ended.
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

    /**
     * On a fetch thread, after a read queued a page ({@code next}: the piece's position at its next page): whether
     * the read stops there because the hand-over queue is full; it goes on from its next page when there is room.
     */
    boolean pausesForRoom(Optional<Walking> next);

    /** On a fetch thread: piece {@code p} holds {@code records} records (the planner learns it at once). */
    void learn(BackfillPiece p, long records);

    /** Under the lock: some work on the pool ended: starts reads where they may start now, and wakes whoever waits. */
    void workEnded();
}
