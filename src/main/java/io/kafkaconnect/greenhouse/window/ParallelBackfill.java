package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.window.BackfillPiece.State;
import io.kafkaconnect.greenhouse.window.WindowOffset.Backfilling;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import io.kafkaconnect.greenhouse.window.plan.PieceCutter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads a large window {@code [from, to)} as consecutive pieces, several at once, each a closed window of its
 * own walked by {@link WindowWalker#readPiece}, and hands their records over page by page as they are read.
 *
 * <p><b>Offsets.</b> Pieces finish in any order, so where the backfill stands is the watermark (everything
 * before it is read), the pieces after it that are read completely ({@link Backfilling#done()}) and, for
 * each piece partly read, its own position: the page to read next ({@link Backfilling#reading()}). A page's
 * records carry that position as it was before the page, its last record the position after it (the same rule
 * as for any window), taken when the page is queued: positions only move forward, and a restart (or a piece
 * read again after a failure) goes on from each piece's next page.
 *
 * <p><b>Planning.</b> Pieces are planned one after the other at the start of the first span not planned yet
 * (the frontier), each when a read may start, by a {@link BackfillPlanner}, from what is known by then about how
 * many records the window holds per second of change time (exact counts of spans, scouts, the pieces read, the
 * window's first page). This class runs the reads it plans and tells it what they find.
 *
 * <p><b>The end.</b> Once nothing is left to plan, a read that is free takes the lower pages of the piece with the
 * most pages left and holds them until the piece's own read has passed the page above them
 * ({@link EndSplits}), so that the reads end about together; several pieces may be split at once.
 *
 * <p><b>Memory.</b> Nothing waits for an earlier piece: what is held is the pages in flight, the records
 * queued for {@link #poll} and, at the end, the pages second reads hold (at most
 * {@link EndSplit#MAX_HELD_PAGES} in all). While more than {@link HandOverQueue#QUEUED_PAGES} pages wait for {@link #poll},
 * no read starts, and a read that queues a page stops there and gives its thread back ({@link #pausesForRoom});
 * it goes on from its next page when there is room. Where the worker takes records more slowly than the reads bring
 * them, at most that many pages and one per read wait, and no page is fetched that has no room to wait in.
 *
 * <p><b>Threads.</b> Reads run on the fetch pool; {@link #poll} runs on the task's thread. What they share (the
 * pieces, the planner, the queue) is guarded by one {@link ReentrantLock}, and its {@link Condition} wakes
 * whoever waits for a change: a poll for a page, a second read for the piece's own read to stop. Reads start only
 * where something changed (a poll, a read's or a count's end), in {@link #schedule}.
 *
 * <p>What is here is the one protocol by which the fetch threads and the poll share state (start a read, end it,
 * hand a page over, stop for room, fail, cancel), each step a few lines under the lock. Planning
 * ({@link BackfillPlanner}, {@link PieceCutter}), the position ({@link BackfillProgress}) and its offset maps
 * ({@link OffsetMapCache}), the queue and its back-pressure ({@link HandOverQueue}), a piece's read ({@link PieceRead}),
 * the span counts ({@link SpanCounts}) and the end splits ({@link EndSplits}) are classes of their own; those that
 * run on the pool work through the {@link BackfillCoordinator} this class is to them.
 */
final class ParallelBackfill implements BackfillCoordinator {
    /** Records to hand over, and where the backfill stands once they are delivered. */
    record Batch(List<SourceRecord> records, WindowOffset after) {
    }

    private final WindowWalker walker;
    /** Converts a page's records (offsets not set), on the fetch thread that read it. */
    private final Function<List<ParsedRecord>, List<SourceRecord>> converter;
    private final ExecutorService pool;
    private final IntSupplier concurrency;
    private final Instant end;
    /** Guards everything below; {@link #changed} is signalled whenever something a waiting thread needs changed. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final BackfillPlanner planner;
    /** The pieces not read completely yet, the parts done, and from them the position. */
    private final BackfillProgress progress;
    /** The batches read and not polled yet, and the back-pressure they exert. */
    private final HandOverQueue handOver;
    private final SpanCounts spanCounts;
    private final EndSplits endSplits;
    private boolean cancelled;
    /**
     * What escaped a fetch thread's own bookkeeping (outside the reads, whose failures are the pieces'): it fails
     * the backfill at the next {@link #poll} instead of vanishing in a Future nobody reads.
     */
    private Throwable escaped;
    private final OffsetMapCache offsetMapCache = new OffsetMapCache();

    /**
     * @param converter   converts a page's records (offsets not set), on the fetch thread that read it
     * @param concurrency how many reads may be in flight at once now (asked whenever a read may start)
     * @param window      the window, what its first page shows and what a previous run read of it
     * @param reading     the pieces a previous run read partly, each at the page it reads next
     */
    ParallelBackfill(WindowWalker walker, Function<List<ParsedRecord>, List<SourceRecord>> converter, ExecutorService pool,
                     IntSupplier concurrency, int pageSize, BackfillPlanner.Start window, List<Walking> reading) {
        this.walker = walker;
        this.converter = converter;
        this.pool = pool;
        this.concurrency = concurrency;
        int recordsPerPage = Math.max(1, pageSize);
        this.end = window.to();
        this.planner = new BackfillPlanner(window, recordsPerPage);
        this.progress = new BackfillProgress(end, window.doneBefore(), planner::frontier);
        this.handOver = new HandOverQueue(recordsPerPage);
        this.spanCounts = new SpanCounts(walker, planner, this);
        this.endSplits = new EndSplits(walker, converter, recordsPerPage, this);
        reading.forEach(piece -> progress.add(new BackfillPiece(planner.resumed(piece.span()), piece)));
        planner.firstPieces().forEach(piece -> progress.add(new BackfillPiece(piece)));
    }

    /** Read to its end and everything handed over; never once cancelled (its window was not read). */
    boolean finished() {
        lock.lock();
        try {
            return !cancelled && progress.open().isEmpty() && planner.allPlanned() && handOver.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    Instant end() {
        return end;
    }

    @Override
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public Condition changed() {
        return changed;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** How many pieces had their lower pages read by a second read at the end. */
    int splits() {
        lock.lock();
        try {
            return endSplits.splits();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next records read, waiting for them at most {@code wait}; null if there are none yet. A batch may
     * hold no records and only move the position on.
     *
     * @throws RetriableException if reading a piece failed transiently (it is read again)
     * @throws ConnectException   if it failed for good, or a fetch thread failed outside a read
     */
    Batch poll(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (true) {
                if (escaped != null) {
                    Throwable cause = escaped;
                    cancel();
                    throw new ConnectException("A fetch thread of the backfill up to " + end + " failed: " + cause,
                            cause);
                }
                if (cancelled) {
                    return null;
                }
                schedule();
                Batch next = handOver.take();
                if (next != null) {
                    changed.signalAll();
                    return next;
                }
                BackfillPiece failed = progress.open().stream().filter(p -> p.state == State.FAILED).findFirst()
                        .orElse(null);
                if (failed != null) {
                    RuntimeException failure = failed.failure;
                    failed.failure = null; // read on from where it stands on the next poll
                    failed.state = State.WAITING;
                    if (failure instanceof RetriableException retriable) {
                        throw retriable;
                    }
                    cancel();
                    throw failure instanceof ConnectException ce ? ce : new ConnectException(failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || finished()) {
                    return null;
                }
                handOver.workerWaits(concurrency);
                changed.await(Math.max(1, left / 1_000_000), TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    void cancel() {
        lock.lock();
        try {
            cancelled = true;
            escaped = null;
            List<BackfillPiece> open = progress.open();
            open.stream().filter(p -> p.task != null && p.state == State.READING).forEach(p -> p.task.cancel(true));
            spanCounts.cancel();
            endSplits.cancel(open);
            progress.clear();
            handOver.clear();
            planner.stop();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: starts reads in plan order while fewer than {@code concurrency} are in flight and few
     * records wait to be handed over, planning new pieces at the frontier as needed.
     */
    private void schedule() {
        if (cancelled) {
            return;
        }
        int limit = handOver.readLimit(concurrency);
        if (handOver.full()) {
            return;
        }
        List<BackfillPiece> open = progress.open();
        int inFlight = (int) open.stream().filter(p -> p.state == State.READING).count()
                + spanCounts.running() + endSplits.running();
        for (BackfillPiece p : open) {
            if (inFlight >= limit) {
                return;
            }
            if (p.startable()) {
                start(p);
                inFlight++;
            }
        }
        if (planner.counting()) {
            while (inFlight < limit && spanCounts.left()) {
                spanCounts.startNext();
                inFlight++;
            }
        }
        if (!planner.mayPlan()) {
            return; // nothing is planned before the first spans are counted, or the first scouts read
        }
        while (inFlight < limit && !planner.allPlanned()) {
            BackfillPlanner.Piece piece = planner.next(limit, progress::left);
            if (piece == null) {
                return; // the spans counted so far do not reach far enough
            }
            BackfillPiece next = new BackfillPiece(piece);
            progress.add(next);
            start(next);
            inFlight++;
        }
        // what second reads hold is outside the queue's bound (EndSplit bounds it); none while the worker is the
        // slower side (reads then stop for room, and more reads would not help)
        while (inFlight < limit && planner.allPlanned() && !planner.counting() && !handOver.throttled()
                && endSplits.startOne(open)) {
            inFlight++;
        }
    }

    /**
     * After a read queued a page: whether it stops there because the hand-over queue is full
     * ({@link HandOverQueue#full}). It gives its thread back (the fetch pool is shared by the task's resources,
     * whose syncs are polled in turn, so a thread waiting for room here could keep another resource's reads from
     * starting until this one's turn) and goes on from its next page when there is room.
     */
    @Override
    public boolean pausesForRoom(Optional<Walking> next) {
        lock.lock();
        try {
            if (next.isEmpty() || !handOver.full() || cancelled) {
                return false;
            }
            handOver.stoppedForRoom(concurrency);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: starts a read of {@code p} on the pool. */
    private void start(BackfillPiece p) {
        p.state = State.READING;
        try {
            p.task = submit(() -> read(p));
        } catch (RejectedExecutionException e) {
            p.state = State.FAILED;
            p.failure = new ConnectException("The fetch pool is shut down", e);
        }
    }

    /** Under the lock: runs {@code work} on the pool; whatever escapes it fails the backfill at the next {@link #poll}. */
    @Override
    public Future<?> submit(Runnable work) {
        return pool.submit(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                lock.lock();
                try {
                    if (!cancelled && escaped == null) {
                        escaped = t;
                    }
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                throw t;
            }
        });
    }

    /** Runs on the pool: reads one piece ({@link PieceRead}), then lets the next read start. */
    private void read(BackfillPiece p) {
        PieceRead.Ended read = new PieceRead(walker, converter, endSplits, this, p).read();
        lock.lock();
        try {
            ended(p, read.read(), read.failure(), read.stoppedForSplit(), read.paused());
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: a read of {@code p} ended (stopped for a split or for room, failed, or read to its end). */
    private void ended(BackfillPiece p, WindowWalker.Piece read, RuntimeException failure, boolean stoppedForSplit,
                       boolean paused) {
        if (p.state == State.READING) { // (not if its last page finished it)
            p.state = stoppedForSplit ? State.STOPPED_FOR_SPLIT : State.WAITING;
        }
        if (cancelled) {
            return;
        }
        if (failure != null) {
            // no read starts in its place: the next poll reports the failure (and the task may back off
            // first), where reads starting here would plan and fail one piece after another at full speed
            p.state = State.FAILED;
            p.failure = failure;
            changed.signalAll();
            return;
        }
        if (read.refused()) {
            // more pages than allowed: cut again at once, in place
            progress.replace(p, planner.recut(p.planned, read.pagesIfRefused(), read.pagesKnown(), read.sample())
                    .stream().map(BackfillPiece::new).toList());
        } else {
            boolean stopped = stoppedForSplit || paused;
            if (!stopped && p.holds < 0 && !p.fromBefore) {
                learn(p, p.sent); // all it sent, over every read of it (after a failure or a pause too)
            }
            if (progress.isOpen(p) && !stopped) { // read to its end without a last page saying so
                progress.finish(p);
                handOver.add(new Batch(List.of(), progress.position()));
            }
        }
        workEnded();
    }

    /** Under the lock: a read, a second read or a count ended: starts what may start now, and wakes whoever waits. */
    @Override
    public void workEnded() {
        schedule();
        changed.signalAll();
    }

    /**
     * A piece holds {@code records} records: the density learns it as soon as it is known, which for a piece of
     * many pages is long before it is read to the end.
     */
    @Override
    public void learn(BackfillPiece p, long records) {
        lock.lock();
        try {
            p.holds = records;
            planner.counted(p.planned, records);
        } finally {
            lock.unlock();
        }
    }

    /**
     * On a fetch thread: queues a page's records, carrying where the backfill stands before this page (the last
     * record: after it); {@code next} is the piece's position at its next page, empty after its last.
     */
    @Override
    public void queue(BackfillPiece p, List<SourceRecord> converted, Optional<Walking> next) {
        lock.lock();
        try {
            if (cancelled) {
                throw new CancellationException("the backfill was stopped");
            }
            p.sent += converted.size();
            Map<String, Object> before = offsetMapCache.of(progress.position());
            if (next.isPresent()) {
                p.at = next.get();
            } else {
                progress.finish(p);
            }
            if (!converted.isEmpty() || next.isEmpty()) {
                WindowOffset now = progress.position();
                handOver.add(new Batch(SourceRecordFactory.withOffsets(converted, before, offsetMapCache.of(now)), now));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
