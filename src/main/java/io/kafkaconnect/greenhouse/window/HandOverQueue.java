package io.kafkaconnect.greenhouse.window;

import java.util.ArrayDeque;
import java.util.function.IntSupplier;

/**
 * The batches a {@link ParallelBackfill} has read and {@code poll()} has not taken yet, in the order their
 * positions were taken, and the back-pressure they exert: while more than {@link #QUEUED_PAGES} pages wait, no
 * read starts and a read that queued a page stops there; while the worker is the slower side, fewer reads are
 * allowed (one fewer each time a read stops for room, one more each time a poll finds nothing queued). Not
 * thread-safe (the backfill calls it under its lock).
 */
final class HandOverQueue {
    /**
     * Pages' worth of records that may wait for a poll. Where the worker keeps up, a page waits a few
     * milliseconds; where it does not (the converter is slower than the budget), this bounds the heap.
     */
    static final int QUEUED_PAGES = 4;

    private final int pageSize;
    private final ArrayDeque<ParallelBackfill.Batch> batches = new ArrayDeque<>();
    private long records;
    /**
     * Reads allowed in flight while the worker takes records more slowly than they come; null: as many as the
     * concurrency says. Every read holds a page or two while it runs, so where the worker is the bottleneck,
     * reads beyond what keeps it busy only fill the heap.
     */
    private Integer readsAllowed;

    HandOverQueue(int pageSize) {
        this.pageSize = pageSize;
    }

    void add(ParallelBackfill.Batch batch) {
        batches.addLast(batch);
        records += batch.records().size();
    }

    /** The first batch waiting, taken; null if none. */
    ParallelBackfill.Batch take() {
        ParallelBackfill.Batch next = batches.pollFirst();
        if (next != null) {
            records -= next.records().size();
        }
        return next;
    }

    boolean isEmpty() {
        return batches.isEmpty();
    }

    void clear() {
        batches.clear();
        records = 0;
    }

    /** More than {@link #QUEUED_PAGES} pages wait: no read starts, and a read that queued a page stops. */
    boolean full() {
        return records > (long) QUEUED_PAGES * pageSize;
    }

    /** Whether fewer reads are allowed than the concurrency says (the worker is the slower side). */
    boolean throttled() {
        return readsAllowed != null;
    }

    /** How many reads may be in flight now, given {@code concurrency} (asked once). */
    int readLimit(IntSupplier concurrency) {
        int limit = Math.max(1, concurrency.getAsInt());
        return readsAllowed != null && readsAllowed < limit ? readsAllowed : limit;
    }

    /** A read stopped for room: one read fewer is allowed. */
    void stoppedForRoom(IntSupplier concurrency) {
        int reads = readsAllowed != null ? readsAllowed : concurrency.getAsInt();
        readsAllowed = Math.max(1, reads - 1);
    }

    /** A poll found nothing queued, the worker waits for records: one read more is allowed. */
    void workerWaits(IntSupplier concurrency) {
        if (readsAllowed != null) {
            readsAllowed = readsAllowed + 1 >= concurrency.getAsInt() ? null : readsAllowed + 1;
        }
    }
}
