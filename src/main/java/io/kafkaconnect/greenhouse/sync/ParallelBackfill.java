package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.sync.BackfillPiece.State;
import io.kafkaconnect.greenhouse.sync.ResourceOffset.Walk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a large window {@code [from, to)} as consecutive pieces, several at once, each a closed window of its
 * own walked by {@link WindowWalker#readPiece}, and hands their records over page by page as they are read.
 *
 * <p><b>Offsets.</b> Pieces finish in any order, so where the backfill stands is the watermark (everything
 * before it is read), the pieces after it that are read completely ({@link ResourceOffset#done()}) and, for
 * each piece partly read, its own position: the page to read next ({@link ResourceOffset#reading()}). A page's
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
 * ({@link #readLowerPages}), so that the reads end about together.
 *
 * <p><b>Memory.</b> Nothing waits for an earlier piece: what is held is the pages in flight, the records
 * queued for {@link #poll} and, at the end, the pages a second read holds (one at a time, at most
 * {@link #MAX_SPLIT_PAGES}). While more than {@link #QUEUED_PAGES} pages wait for {@link #poll}, no read
 * starts, and a read that queues a page stops there and gives its thread back ({@link #pausesForRoom}); it goes
 * on from its next page when there is room. Where the worker takes records more slowly than the reads bring
 * them, at most that many pages and one per read wait, and no page is fetched that has no room to wait in.
 */
final class ParallelBackfill {
    private static final Logger log = LoggerFactory.getLogger(ParallelBackfill.class);
    /**
     * Pages' worth of records that may wait for {@link #poll}. Where the worker keeps up, a page waits a few
     * milliseconds; where it does not (the converter is slower than the budget), this bounds the heap.
     */
    private static final int QUEUED_PAGES = 4;
    /** A piece is split at the end only if its read has at least this many pages left. */
    private static final int MIN_SPLIT_PAGES = 4;
    /**
     * The most pages a second read takes from a piece (it holds them until the first read reaches them, outside
     * the queue's bound, so there is one second read at a time).
     */
    private static final int MAX_SPLIT_PAGES = 8;

    /** Records to hand over, and where the backfill stands once they are delivered. */
    record Batch(List<SourceRecord> records, ResourceOffset after) {
    }

    private final WindowWalker walker;
    /** Converts a page's records (offsets not set), on the fetch thread that read it. */
    private final Function<List<JsonNode>, List<SourceRecord>> converter;
    private final ExecutorService pool;
    private final IntSupplier concurrency;
    private final int pageSize;
    private final Instant end;
    /** Plans the pieces; called only under this object's lock. */
    private final BackfillPlanner planner;
    /** Pieces not read completely yet, in order of time. */
    private final LinkedList<BackfillPiece> plan = new LinkedList<>();
    /** Pieces read completely after the first piece still open: from → to, merged where they touch. */
    private final TreeMap<Instant, Instant> done = new TreeMap<>();
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    private long queuedRecords;
    /**
     * Reads allowed in flight while the worker takes records more slowly than they come (one fewer each time a
     * read stops for room in the queue, one more each time a poll finds the queue empty); null: as many as
     * {@link #concurrency} says. Every read holds a page or two while it runs, so where the worker is the
     * bottleneck, reads beyond what keeps it busy only fill the heap.
     */
    private Integer readsAllowed;
    private final List<Future<?>> probes = new ArrayList<>();
    private int probesRunning;
    private int splitsRunning;
    /** Pieces whose lower pages a second read handed over. */
    private int splits;
    private boolean cancelled;
    /**
     * What escaped a fetch thread's own bookkeeping (outside the reads, whose failures are the pieces'): it fails
     * the backfill at the next {@link #poll} instead of vanishing in a Future nobody reads.
     */
    private Throwable escaped;

    /**
     * @param converter   converts a page's records (offsets not set), on the fetch thread that read it
     * @param concurrency how many reads may be in flight at once now (asked whenever a read may start)
     * @param window      the window, what its first page shows and what a previous run read of it
     */
    ParallelBackfill(WindowWalker walker, Function<List<JsonNode>, List<SourceRecord>> converter, ExecutorService pool,
                     IntSupplier concurrency, int pageSize, BackfillPlanner.Start window) {
        this.walker = walker;
        this.converter = converter;
        this.pool = pool;
        this.concurrency = concurrency;
        this.pageSize = Math.max(1, pageSize);
        this.end = window.to();
        this.planner = new BackfillPlanner(window, this.pageSize);
        window.doneBefore().forEach(w -> done.put(w.from(), w.to()));
        window.readingBefore().forEach(piece -> insertInOrder(new BackfillPiece(planner.resumed(piece), piece)));
        planner.firstPieces().forEach(piece -> insertInOrder(new BackfillPiece(piece)));
    }

    /** Read to its end and everything handed over; never once cancelled (its window was not read). */
    synchronized boolean finished() {
        return !cancelled && plan.isEmpty() && planner.allPlanned() && queue.isEmpty();
    }

    Instant end() {
        return end;
    }

    /** How many pieces had their lower pages read by a second read at the end. */
    synchronized int splits() {
        return splits;
    }

    /**
     * The next records read, waiting for them at most {@code wait}; null if there are none yet. A batch may
     * hold no records and only move the position on.
     *
     * @throws RetriableException if reading a piece failed transiently (it is read again)
     * @throws ConnectException   if it failed for good, or a fetch thread failed outside a read
     */
    synchronized Batch poll(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (escaped != null) {
                Throwable cause = escaped;
                cancel();
                throw new ConnectException("A fetch thread of the backfill up to " + end + " failed: " + cause, cause);
            }
            if (cancelled) {
                return null;
            }
            schedule();
            Batch next = queue.pollFirst();
            if (next != null) {
                queuedRecords -= next.records().size();
                notifyAll();
                return next;
            }
            BackfillPiece failed = plan.stream().filter(p -> p.state == State.FAILED).findFirst().orElse(null);
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
            if (readsAllowed != null) { // the worker waits for records: allow one more read
                readsAllowed = readsAllowed + 1 >= concurrency.getAsInt() ? null : readsAllowed + 1;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void cancel() {
        cancelled = true;
        escaped = null;
        plan.stream().filter(p -> p.task != null && p.state == State.READING).forEach(p -> p.task.cancel(true));
        probes.stream().filter(f -> f != null).forEach(f -> f.cancel(true));
        plan.stream().filter(p -> p.split != null && p.split.read != null).forEach(p -> p.split.read.cancel(true));
        plan.clear();
        queue.clear();
        queuedRecords = 0;
        planner.stop();
        notifyAll();
    }

    /**
     * Starts reads in plan order while fewer than {@code concurrency} are in flight and few records wait to be
     * handed over, planning new pieces at the frontier as needed.
     */
    private void schedule() {
        if (cancelled) {
            return;
        }
        int limit = Math.max(1, concurrency.getAsInt());
        if (readsAllowed != null && readsAllowed < limit) {
            limit = readsAllowed;
        }
        if (queuedRecords > (long) QUEUED_PAGES * pageSize) {
            return;
        }
        int inFlight = (int) plan.stream().filter(p -> p.state == State.READING).count() + probesRunning
                + splitsRunning;
        for (BackfillPiece p : plan) {
            if (inFlight >= limit) {
                return;
            }
            if (p.startable()) {
                start(p);
                inFlight++;
            }
        }
        if (planner.counting()) {
            while (inFlight < limit && probes.size() < planner.probes()) {
                startProbe(probes.size());
                inFlight++;
            }
        }
        if (!planner.mayPlan()) {
            return; // nothing is planned before the first spans are counted, or the first scouts read
        }
        while (inFlight < limit && !planner.allPlanned()) {
            BackfillPlanner.Piece piece = planner.next(limit, this::leftInFlight);
            if (piece == null) {
                return; // the spans counted so far do not reach far enough
            }
            BackfillPiece next = new BackfillPiece(piece);
            insertInOrder(next);
            start(next);
            inFlight++;
        }
        // one second read at a time: what it holds is outside the queue's bound; none while the worker is the
        // slower side (reads then stop for room, which gives a split up, and more reads would not help)
        while (inFlight < limit && planner.allPlanned() && !planner.counting() && splitsRunning == 0
                && readsAllowed == null) {
            BackfillPiece longest = null;
            int pagesLeft = MIN_SPLIT_PAGES - 1;
            for (BackfillPiece p : plan) {
                Integer next = p.state == State.READING && p.split == null && p.holds >= 0 && p.at != null
                        ? WindowWalker.nextPageNumber(p.at) : null;
                if (next != null && next > pagesLeft) {
                    longest = p;
                    pagesLeft = next;
                }
            }
            if (longest == null) {
                return;
            }
            split(longest, pagesLeft);
            inFlight++;
        }
    }

    /**
     * At the end, when a read is free and nothing is left to plan: a second read takes the lower pages of the
     * piece with the most pages left ({@code next} down to 1; it takes up to half of them), so that the reads end
     * together. See {@link #readLowerPages}.
     */
    private void split(BackfillPiece p, int next) {
        int top = Math.min(MAX_SPLIT_PAGES, next / 2);
        BackfillPiece.Split split = new BackfillPiece.Split(top);
        p.split = split;
        ResourceOffset from = WindowWalker.atPageNumber(p.at, top, List.of());
        int pages = (int) Math.ceil((double) p.holds / pageSize);
        splitsRunning++;
        try {
            split.read = submit(() -> readLowerPages(p, split, from, pages));
        } catch (RejectedExecutionException e) {
            splitsRunning--;
            p.split = null;
        }
    }

    /** A page read by the second read of a split piece, held until the first read has passed the page above it. */
    private record HeldPage(List<JsonNode> json, List<SourceRecord> records, ResourceOffset after) {
    }

    /**
     * Runs on the pool: the second read of a split piece. It walks down from page {@code from} (call it k) to the
     * first page, holding what it reads, while the piece's own read goes on down to page k + 1 and stops. Read in
     * that order, a record that moved from page k + 1 to page k after k was read would be missed, so page k is
     * read once more after the first read has read k + 1: a record can move down by fewer pages than a piece's
     * records left it meanwhile divided by the page size, which is under one page if the piece still counts
     * {@code pages} pages (then nothing else can have been missed), and records already read on page k + 1 or
     * on k are recognised by id. The held pages are then handed over in order, as the first read would have
     * handed them over. If anything goes wrong, or the piece lost a page's worth of records, nothing held is
     * sent and the piece is read on from page k as if it had not been split.
     */
    private void readLowerPages(BackfillPiece p, BackfillPiece.Split split, ResourceOffset from, int pages) {
        List<HeldPage> held = new ArrayList<>();
        try {
            walker.readOn(from, (page, after) -> {
                held.add(held.isEmpty() ? new HeldPage(page, null, after)
                        : new HeldPage(null, converter.apply(page), after));
                return true;
            }, null);
            ResourceOffset firstStopped;
            synchronized (this) {
                while (p.split == split && p.state == State.READING && !cancelled) {
                    wait(1_000);
                }
                if (p.split != split || p.state != State.STOPPED_FOR_SPLIT || cancelled || held.isEmpty()) {
                    return;
                }
                firstStopped = p.at; // page k next, with the ids of page k + 1
            }
            HeldPage top = held.get(0);
            Set<Long> above = new HashSet<>(firstStopped.seen());
            Set<Long> seen = new HashSet<>(above);
            seen.addAll(walker.ids(top.json()));
            WindowWalker.Step again = walker.next(firstStopped.atPage(firstStopped.nextPage(), Walk.PREV,
                    new ArrayList<>(seen)));
            Integer count = WindowWalker.pageCount(again.page());
            if (count == null || count != pages) {
                log.debug("piece [{}, {}) now holds {} pages, not {}: read on without the split", p.planned.from(),
                        p.planned.to(), count, pages);
                return;
            }
            List<JsonNode> pageK = new ArrayList<>(walker.withoutIds(top.json(), above));
            pageK.addAll(again.toSend());
            List<Long> readOnK = new ArrayList<>(walker.ids(top.json()));
            readOnK.addAll(walker.ids(again.toSend()));
            ResourceOffset afterK = top.after().inWindow()
                    ? top.after().atPage(top.after().nextPage(), Walk.PREV, readOnK) : top.after();
            synchronized (this) {
                if (p.split != split || cancelled) {
                    return;
                }
                queue(p, converter.apply(pageK), afterK);
                for (HeldPage h : held.subList(1, held.size())) {
                    queue(p, h.records(), h.after());
                }
                splits++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("the second read of piece [{}, {}) failed; the piece is read on without it: {}",
                    p.planned.from(), p.planned.to(), e.toString());
        } finally {
            synchronized (this) {
                splitsRunning--;
                if (p.split == split) {
                    p.split = null;
                    if (p.state == State.STOPPED_FOR_SPLIT) {
                        p.state = State.WAITING; // read on from page k: the held pages were not sent
                    }
                }
                schedule();
                notifyAll();
            }
        }
    }

    /**
     * After a read queued a page: whether it stops there because more than {@link #QUEUED_PAGES} pages wait for
     * {@link #poll}. It gives its thread back (the fetch pool is shared by the task's resources, whose syncs are
     * polled in turn, so a thread waiting for room here could keep another resource's reads from starting until
     * this one's turn) and goes on from its next page when there is room.
     */
    private synchronized boolean pausesForRoom(ResourceOffset after) {
        if (!after.inWindow() || queuedRecords <= (long) QUEUED_PAGES * pageSize || cancelled) {
            return false;
        }
        int reads = readsAllowed != null ? readsAllowed : concurrency.getAsInt();
        readsAllowed = Math.max(1, reads - 1);
        return true;
    }

    /** After the first read of a split piece queued a page: whether it stops there (the second read goes on). */
    private synchronized boolean stopsForSplit(BackfillPiece p, ResourceOffset after) {
        Integer next = WindowWalker.nextPageNumber(after);
        return p.split != null && next != null && next <= p.split.stopAt;
    }

    private void start(BackfillPiece p) {
        p.state = State.READING;
        try {
            p.task = submit(() -> read(p));
        } catch (RejectedExecutionException e) {
            p.state = State.FAILED;
            p.failure = new ConnectException("The fetch pool is shut down", e);
        }
    }

    /** Runs {@code work} on the pool; whatever escapes it fails the backfill at the next {@link #poll}. */
    private Future<?> submit(Runnable work) {
        return pool.submit(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                synchronized (this) {
                    if (!cancelled && escaped == null) {
                        escaped = t;
                    }
                    notifyAll();
                }
                throw t;
            }
        });
    }


    private void startProbe(int i) {
        Window span = planner.probeSpan(i);
        probesRunning++;
        try {
            probes.add(submit(() -> probe(i, span.from(), span.to())));
        } catch (RejectedExecutionException e) {
            probesRunning--;
            probes.add(null);
            planner.probed(i, null);
        }
    }

    /** Runs on the pool: counts one span. A count that cannot be had means planning without the curve. */
    private void probe(int i, Instant from, Instant to) {
        Long count = null;
        try {
            count = walker.count(from, to);
        } catch (RuntimeException e) {
            log.debug("counting [{}, {}) failed; planning without the counts: {}", from, to, e.toString());
        }
        synchronized (this) {
            probesRunning--;
            planner.probed(i, count);
            schedule();
            notifyAll();
        }
    }

    /** Runs on the pool: reads one piece, handing its pages over as they come, then lets the next read start. */
    private void read(BackfillPiece p) {
        WindowWalker.Piece read = null;
        RuntimeException failure = null;
        long[] records = {0};
        boolean[] stoppedForSplit = {false};
        boolean[] paused = {false};
        ResourceOffset at = p.at;
        try {
            WindowWalker.PageSink sink = new WindowWalker.PageSink() {
                @Override
                public boolean accept(List<JsonNode> page, ResourceOffset after) {
                    records[0] += page.size();
                    queue(p, converter.apply(page), after);
                    stoppedForSplit[0] = stopsForSplit(p, after);
                    paused[0] = !stoppedForSplit[0] && pausesForRoom(after);
                    return !stoppedForSplit[0] && !paused[0];
                }

                @Override
                public void counted(long count) {
                    learn(p, count);
                }
            };
            if (at != null) {
                walker.readOn(at, sink, null);
                read = WindowWalker.Piece.READ;
            } else {
                read = walker.readPiece(ResourceOffset.windowStart(p.planned.from(), p.planned.to()),
                        p.planned.guessPages(), p.planned.maxPages(), sink);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Throwable e) { // an Error (out of memory...) must fail the task, not leave the piece "running"
            failure = new ConnectException("Reading a backfill piece failed", e);
        }
        if (log.isDebugEnabled()) {
            log.debug("piece [{}, {}) planned {} records from page {} (max {}): {}", p.planned.from(), p.planned.to(),
                    p.planned.expected(), p.planned.guessPages(), p.planned.maxPages(),
                    failure != null ? failure.toString() : read.refused()
                            ? "refused, " + read.pagesIfRefused() + " pages" : records[0] + " records");
        }
        synchronized (this) {
            if (p.state == State.READING) { // (not if its last page finished it)
                p.state = stoppedForSplit[0] ? State.STOPPED_FOR_SPLIT : State.WAITING;
            }
            if (cancelled) {
                return;
            }
            if (failure != null) {
                // no read starts in its place: the next poll reports the failure (and the task may back off
                // first), where reads starting here would plan and fail one piece after another at full speed
                p.state = State.FAILED;
                p.failure = failure;
                notifyAll();
                return;
            }
            if (read.refused()) {
                refused(p, read);
            } else {
                boolean stopped = stoppedForSplit[0] || paused[0];
                if (!stopped && p.holds < 0 && !p.fromBefore) {
                    learn(p, p.sent); // all it sent, over every read of it (after a failure or a pause too)
                }
                if (plan.contains(p) && !stopped) { // read to its end without a last page saying so
                    finish(p);
                    queue.addLast(new Batch(List.of(), position()));
                }
            }
            schedule();
            notifyAll();
        }
    }

    /**
     * A piece holds {@code records} records: the density learns it as soon as it is known, which for a piece of
     * many pages is long before it is read to the end.
     */
    private synchronized void learn(BackfillPiece p, long records) {
        p.holds = records;
        planner.counted(p.planned, records);
    }

    /**
     * On a fetch thread: queues a page's records, carrying where the backfill stands before this page (the last
     * record: after it); {@code after} is the piece's position after the page.
     */
    private void queue(BackfillPiece p, List<SourceRecord> converted, ResourceOffset after) {
        synchronized (this) {
            if (cancelled) {
                throw new CancellationException("the backfill was stopped");
            }
            p.sent += converted.size();
            Map<String, Object> before = position().toMap();
            if (after.inWindow()) {
                p.at = after;
            } else {
                finish(p);
            }
            if (!converted.isEmpty() || !after.inWindow()) {
                ResourceOffset now = position();
                queue.addLast(new Batch(RecordMaker.withOffsets(converted, before, now.toMap()), now));
                queuedRecords += converted.size();
                notifyAll();
            }
        }
    }

    /** A piece read completely: its span joins the parts done. */
    private void finish(BackfillPiece p) {
        plan.remove(p);
        p.state = State.DONE;
        p.at = null;
        Instant from = BackfillPlanner.key(p.planned.from());
        Instant to = p.planned.to();
        Map.Entry<Instant, Instant> before = done.floorEntry(from);
        if (before != null && !before.getValue().isBefore(from)) {
            from = before.getKey();
        }
        Instant after = done.remove(to);
        if (after != null) {
            to = after;
        }
        done.put(from, to);
        Instant watermark = watermark();
        if (watermark != null) {
            done.headMap(watermark, true).values().removeIf(end -> !end.isAfter(watermark));
        }
    }

    /** A piece with more pages than allowed: cut again at once, in place ({@link BackfillPlanner#recut}). */
    private void refused(BackfillPiece p, WindowWalker.Piece read) {
        int at = plan.indexOf(p);
        if (at < 0) {
            return;
        }
        plan.remove(at);
        plan.addAll(at, planner.recut(p.planned, read.pagesIfRefused(), read.pagesKnown(), read.sample()).stream()
                .map(BackfillPiece::new).toList());
    }

    /**
     * Everything before it is read: the start of the first piece still open or of the first span not planned,
     * whichever is earlier; null while nothing is read from the window's open start.
     */
    private Instant watermark() {
        Instant w = end;
        Instant frontier = planner.frontier();
        if (frontier != null) {
            w = frontier;
        }
        if (!plan.isEmpty()) {
            Instant first = BackfillPlanner.key(plan.getFirst().planned.from());
            w = first.isBefore(w) ? first : w;
        }
        return w.equals(Instant.MIN) ? null : w;
    }

    /** Where the backfill stands: the watermark, the pieces done after it and the pieces partly read. */
    private ResourceOffset position() {
        Instant watermark = watermark();
        if (watermark != null && !watermark.isBefore(end)) {
            return ResourceOffset.at(end);
        }
        List<Window> parts = new ArrayList<>(done.size());
        done.forEach((from, to) -> parts.add(new Window(from, to)));
        List<ResourceOffset> reading = plan.stream().filter(p -> p.at != null).map(p -> p.at).toList();
        return ResourceOffset.backfill(watermark, end, parts, reading);
    }

    /** Adds a piece to the plan, which is kept in order of time. */
    private void insertInOrder(BackfillPiece p) {
        java.util.ListIterator<BackfillPiece> it = plan.listIterator();
        while (it.hasNext()) {
            BackfillPiece q = it.next();
            if (p.planned.from() == null || (q.planned.from() != null && q.planned.from().isAfter(p.planned.from()))) {
                it.previous();
                break;
            }
        }
        it.add(p);
    }

    /** Records the pieces planned still hold (as counted, or as expected), less what they sent. */
    private double leftInFlight() {
        double left = 0;
        for (BackfillPiece q : plan) {
            left += q.left();
        }
        return left;
    }
}
