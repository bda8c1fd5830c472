package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.sync.ResourceOffset.Walk;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleBiFunction;
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
 * (the frontier), each when a read may start, and sized from what is known by then about how many records the
 * window holds per second of change time:
 * <ul>
 * <li>on a page-number endpoint, from exact counts: before anything is planned, {@link #PROBES} spans of the
 * window, each half as long as the one before it (edits lean towards the recent past), are counted with one
 * request each for a page of one record ({@link WindowWalker#count}); a {@link ChangeCurve} through those counts
 * cuts pieces of {@link #COUNTED_PIECE_PAGES} pages less half a page. Near the end a piece gets each read's share of all
 * that is left to read (the spans not planned and what the pieces in flight still hold: their own counts are
 * known from their first request), at least {@link #MIN_PIECE_PAGES} pages, so that the reads end about
 * together. A piece's walk starts at its expected last page, so it costs as many requests as it has pages when
 * the guess is right, one more when not;</li>
 * <li>on a cursor endpoint (no count, no page numbers), from scouts: small pieces read first at the bounds of
 * spans by age ({@link ScoutPlan}), whose exact counts draw the curve; planned as above, but a cursor piece
 * starts at its first page and is walked whole, page by page (it cannot be cut once begun);</li>
 * <li>without counts (a count failed, or the window is small): from the pieces already counted just before the
 * frontier ({@link ChangeDensity}), and before any is counted from the window's first page, a sample of its
 * change times, each standing for its share of the window's records; those pieces aim at a part of one
 * page.</li>
 * </ul>
 * A piece that turns out to hold many more pages than planned is refused after one request and cut again,
 * in place, by its page count; a piece too short to cut (thousands of records changed in the same second) is
 * walked whole. Where a cursor window cannot be scouted (fewer than two scouts fit: a window of a few seconds,
 * or a restart that has read their places), it is cut as a whole by the sample at the start, and a piece walked well past its plan is given up
 * (its pages are held back until it ends, so nothing of it was sent) and cut evenly into pieces of about one
 * page.
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
    /** Pages a piece is aimed at once the density is learned from pieces read (fewer near the end). */
    static final int PIECE_PAGES = 24;
    /**
     * Pages a piece is aimed at where the window's spans are counted (fewer near the end): its size is then
     * known within a few per cent, so pieces can be longer without ending far apart.
     */
    static final int COUNTED_PIECE_PAGES = 40;
    /** The fewest pages a piece sized by the density is aimed at, near the end of the window. */
    private static final int MIN_PIECE_PAGES = 4;
    /** Pieces cut by a sample (before the density is known) aim at this part of one page. */
    private static final double SAMPLE_FILL = 0.6;
    /** A piece planned for n pages is walked up to this many times n (at least 2) before it is cut again. */
    private static final int MAX_PAGES_FACTOR = 3;
    /**
     * Pages' worth of records that may wait for {@link #poll}. Where the worker keeps up, a page waits a few
     * milliseconds; where it does not (the converter is slower than the budget), this bounds the heap.
     */
    private static final int QUEUED_PAGES = 4;
    private static final long MIN_PIECE_SECONDS = 1;
    /** Pages' worth of read pieces the density is learned from (twice: near the frontier, and before that). */
    private static final int RATE_PAGES = 8;
    /** Spans counted before planning, on a page-number endpoint (see {@link ChangeCurve#boundsByAge}). */
    private static final int PROBES = 8;
    /** A piece is split at the end only if its read has at least this many pages left. */
    private static final int MIN_SPLIT_PAGES = 4;
    /**
     * The most pages a second read takes from a piece (it holds them until the first read reaches them, outside
     * the queue's bound, so there is one second read at a time).
     */
    private static final int MAX_SPLIT_PAGES = 8;
    /** Windows of fewer pages are planned by their first page's sample: counting them would cost too much. */
    private static final int PROBE_MIN_PAGES = 6 * PROBES;

    /** Records to hand over, and where the backfill stands once they are delivered. */
    record Batch(List<SourceRecord> records, ResourceOffset after) {
    }

    private static final class Planned {
        final Instant from;
        final Instant to;
        /** The page the walk starts at (its expected last page); 1 to start at the first page. */
        final int guessPages;
        /** More pages than this and the piece is cut again instead. */
        final int maxPages;
        /** Records expected in it. */
        final long expected;
        /** Sized by the learned density (so cut evenly by time if it is refused). */
        boolean byRate;
        Future<?> task;
        boolean running;
        RuntimeException failure;
        /**
         * Records it holds, once counted (from its last page, usually long before it is read to the end; -1
         * before); records queued from it so far.
         */
        long holds = -1;
        long sent;
        /** While a second read holds its lower pages: that read's mark (see {@link #split}); null otherwise. */
        Object splitBy;
        /** Its own read stops once the page it would read next is this one (the second read's top page). */
        int stopAt;
        /** Its own read stopped there. */
        boolean stoppedForSplit;
        /** Its read stopped because the queue was full: it goes on from {@link #at} when there is room. */
        boolean paused;
        /** Begun by a previous run (a restart): what it sends now is not all it holds. */
        boolean fromBefore;
        Future<?> second;
        /** Its position after the last page queued; null before its first page. */
        ResourceOffset at;

        Planned(Instant from, Instant to, int guessPages, int maxPages, long expected) {
            this.from = from;
            this.to = to;
            boolean cuttable = from == null || Duration.between(from, to).toSeconds() >= 2 * MIN_PIECE_SECONDS;
            this.guessPages = Math.max(1, guessPages);
            this.maxPages = cuttable ? Math.max(2, maxPages) : Integer.MAX_VALUE;
            this.expected = Math.max(1, expected);
        }

        boolean waiting() {
            return !running && failure == null && splitBy == null;
        }
    }

    private final WindowWalker walker;
    /** Converts a page's records (offsets not set), on the fetch thread that read it. */
    private final Function<List<JsonNode>, List<SourceRecord>> converter;
    private final ExecutorService pool;
    private final IntSupplier concurrency;
    private final int pageSize;
    /** Whether the window's pages are numbered (a page-number endpoint); false for a cursor endpoint. */
    private final boolean pageNumbers;
    private final Instant end;
    /** The window's records, as far as its first page tells (a guess without a page count). */
    private final long windowRecords;
    /** The window's first page's change times, sorted. */
    private final List<Instant> sample;
    /** Pieces not read completely yet, in order of time. */
    private final LinkedList<Planned> plan = new LinkedList<>();
    /** Pieces read completely after the first piece still open: from → to, merged where they touch. */
    private final TreeMap<Instant, Instant> done = new TreeMap<>();
    /**
     * Spans of the window no piece is planned for yet (from → to, {@link Instant#MIN} for an open start): the
     * window at first, less what a previous run read or began.
     */
    private final TreeMap<Instant, Instant> unplanned = new TreeMap<>();
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    private long queuedRecords;
    /**
     * Reads allowed in flight while the worker takes records more slowly than they come (one fewer each time a
     * read stops for room in the queue, one more each time a poll finds the queue empty); null: as many as
     * {@link #concurrency} says. Every read holds a page or two while it runs, so where the worker is the
     * bottleneck, reads beyond what keeps it busy only fill the heap.
     */
    private Integer readsAllowed;
    /** Records per second of change time, learned from the pieces read. */
    private final ChangeDensity density;
    /** Bounds of the spans counted before planning (null: not counted); the first span starts at {@code from}. */
    private final List<Instant> probeBounds;
    private final Long[] probeCounts;
    private final List<Future<?>> probes = new ArrayList<>();
    private int probesRunning;
    /** On a cursor endpoint: the scouts' pieces, in order of time, until they are all read (null otherwise). */
    private List<Planned> scouts;
    /** Where those scouts are, and which span each one's count measures (for the curve). */
    private List<ScoutPlan.Scout> scoutSpans;
    private int splitsRunning;
    /** Pieces whose lower pages a second read handed over. */
    private int splits;
    /** Spans are being counted: nothing is planned at the frontier until they all are (or one cannot be). */
    private boolean counting;
    /** The window's records over change time, from the counted spans; null without them. */
    private ChangeCurve curve;
    /**
     * While spans are still being counted, {@link #curve} holds the first ones counted, and pieces are planned
     * only before the start of the last of them (where every span used has its neighbours counted).
     */
    private Instant curveUpTo;
    private boolean cancelled;
    /**
     * What escaped a fetch thread's own bookkeeping (outside the reads, whose failures are the pieces'): it fails
     * the backfill at the next {@link #poll} instead of vanishing in a Future nobody reads.
     */
    private Throwable escaped;

    /**
     * @param pages       how many pages the window holds (from its first page)
     * @param pagesKnown  whether {@code pages} is the count from a {@code last} link (false: a guess)
     * @param sample      change times of the window's first page
     * @param doneBefore  parts of the window a previous run read completely (a restart): not read again
     * @param readingBefore pieces a previous run read partly: read on from where they stand
     * @param concurrency how many reads may be in flight at once now (asked whenever a read may start)
     */
    ParallelBackfill(WindowWalker walker, Function<List<JsonNode>, List<SourceRecord>> converter, ExecutorService pool,
                     IntSupplier concurrency, int pageSize, Instant from, Instant to, int pages, boolean pagesKnown,
                     List<Instant> sample, List<Window> doneBefore, List<ResourceOffset> readingBefore) {
        this.walker = walker;
        this.converter = converter;
        this.pool = pool;
        this.concurrency = concurrency;
        this.pageSize = Math.max(1, pageSize);
        this.pageNumbers = pagesKnown;
        this.density = new ChangeDensity(this.pageSize, RATE_PAGES, 0.5 * PIECE_PAGES * this.pageSize);
        this.end = to;
        this.sample = sample.stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        this.windowRecords = Math.max(1, (long) pages * this.pageSize - this.pageSize / 2);
        unplanned.put(key(from), to);
        doneBefore.forEach(w -> {
            done.put(w.from(), w.to());
            removeFromUnplanned(w.from(), w.to());
        });
        for (ResourceOffset piece : readingBefore) {
            Planned p = new Planned(piece.watermark(), piece.windowEnd(), 1, Integer.MAX_VALUE, pageSize);
            p.at = piece;
            p.fromBefore = true;
            insertInOrder(p);
            removeFromUnplanned(piece.watermark(), piece.windowEnd());
        }
        boolean probe = pagesKnown && !this.sample.isEmpty() && pages >= PROBE_MIN_PAGES
                && this.sample.get(0).isBefore(to.minusSeconds(PROBES));
        this.probeBounds = probe ? ChangeCurve.boundsByAge(from != null ? from
                : this.sample.get(0).truncatedTo(ChronoUnit.SECONDS), to, PROBES) : null;
        this.probeCounts = probe ? new Long[probeBounds.size() - 1] : null;
        this.counting = probe;
        if (!pagesKnown) {
            placeScouts(from, to);
        }
        if (scouts == null && (!pagesKnown || this.sample.isEmpty())) {
            // no count or no sample to size pieces by as they are planned: cut what is to be read as a whole by
            // what there is, and learn the density from the first pieces read
            for (Map.Entry<Instant, Instant> span : unplanned.entrySet()) {
                Instant start = span.getKey().equals(Instant.MIN) ? null : span.getKey();
                cut(start, span.getValue(), pages, this.sample, 1).forEach(this::insertInOrder);
            }
            unplanned.clear();
        }
    }

    /** Read to its end and everything handed over; never once cancelled (its window was not read). */
    synchronized boolean finished() {
        return !cancelled && plan.isEmpty() && unplanned.isEmpty() && queue.isEmpty();
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
            Planned failed = plan.stream().filter(p -> p.failure != null).findFirst().orElse(null);
            if (failed != null) {
                RuntimeException failure = failed.failure;
                failed.failure = null; // read on from where it stands on the next poll
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
        plan.stream().filter(p -> p.task != null && p.running).forEach(p -> p.task.cancel(true));
        probes.stream().filter(f -> f != null).forEach(f -> f.cancel(true));
        plan.stream().filter(p -> p.second != null).forEach(p -> p.second.cancel(true));
        plan.clear();
        queue.clear();
        queuedRecords = 0;
        unplanned.clear();
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
        int inFlight = (int) plan.stream().filter(p -> p.running).count() + probesRunning + splitsRunning;
        for (Planned p : plan) {
            if (inFlight >= limit) {
                return;
            }
            if (p.waiting()) {
                start(p);
                inFlight++;
            }
        }
        if (counting) {
            while (inFlight < limit && probes.size() < probeCounts.length) {
                startProbe(probes.size());
                inFlight++;
            }
            if (curve == null) {
                return; // nothing is planned before the first spans are counted
            }
        }
        if (scouts != null && curve == null) {
            return; // nothing is planned before the first scouts are read
        }
        while (inFlight < limit && !unplanned.isEmpty()) {
            Planned next = planAtFrontier(limit);
            if (next == null) {
                return; // the spans counted so far do not reach far enough
            }
            insertInOrder(next);
            start(next);
            inFlight++;
        }
        // one second read at a time: what it holds is outside the queue's bound; none while the worker is the
        // slower side (reads then stop for room, which gives a split up, and more reads would not help)
        while (inFlight < limit && unplanned.isEmpty() && !counting && splitsRunning == 0 && readsAllowed == null) {
            Planned longest = null;
            int pagesLeft = MIN_SPLIT_PAGES - 1;
            for (Planned p : plan) {
                Integer next = p.running && p.splitBy == null && p.holds >= 0 && p.at != null
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
    private void split(Planned p, int next) {
        int top = Math.min(MAX_SPLIT_PAGES, next / 2);
        Object mark = new Object();
        p.splitBy = mark;
        p.stopAt = top;
        ResourceOffset from = WindowWalker.atPageNumber(p.at, top, List.of());
        int pages = (int) Math.ceil((double) p.holds / pageSize);
        splitsRunning++;
        try {
            p.second = submit(() -> readLowerPages(p, mark, from, pages));
        } catch (RejectedExecutionException e) {
            splitsRunning--;
            p.splitBy = null;
            p.stopAt = 0;
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
    private void readLowerPages(Planned p, Object mark, ResourceOffset from, int pages) {
        List<HeldPage> held = new ArrayList<>();
        try {
            walker.readOn(from, (page, after) -> {
                held.add(held.isEmpty() ? new HeldPage(page, null, after)
                        : new HeldPage(null, converter.apply(page), after));
                return true;
            }, null);
            ResourceOffset firstStopped;
            synchronized (this) {
                while (p.splitBy == mark && !p.stoppedForSplit && p.running && p.failure == null && !cancelled) {
                    wait(1_000);
                }
                if (p.splitBy != mark || !p.stoppedForSplit || cancelled || held.isEmpty()) {
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
                log.debug("piece [{}, {}) now holds {} pages, not {}: read on without the split", p.from, p.to,
                        count, pages);
                return;
            }
            List<JsonNode> pageK = new ArrayList<>(walker.withoutIds(top.json(), above));
            pageK.addAll(again.toSend());
            List<Long> readOnK = new ArrayList<>(walker.ids(top.json()));
            readOnK.addAll(walker.ids(again.toSend()));
            ResourceOffset afterK = top.after().inWindow()
                    ? top.after().atPage(top.after().nextPage(), Walk.PREV, readOnK) : top.after();
            synchronized (this) {
                if (p.splitBy != mark || cancelled) {
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
            log.debug("the second read of piece [{}, {}) failed; the piece is read on without it: {}", p.from, p.to,
                    e.toString());
        } finally {
            synchronized (this) {
                splitsRunning--;
                if (p.splitBy == mark) {
                    p.splitBy = null;
                    p.stopAt = 0;
                    p.second = null;
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
    private synchronized boolean pausesForRoom(Planned p, ResourceOffset after) {
        if (!after.inWindow() || queuedRecords <= (long) QUEUED_PAGES * pageSize || cancelled) {
            return false;
        }
        p.paused = true;
        int reads = readsAllowed != null ? readsAllowed : concurrency.getAsInt();
        readsAllowed = Math.max(1, reads - 1);
        return true;
    }

    /** After the first read of a split piece queued a page: whether it stops there (the second read goes on). */
    private synchronized boolean stopsForSplit(Planned p, ResourceOffset after) {
        Integer next = WindowWalker.nextPageNumber(after);
        if (p.splitBy == null || next == null || next > p.stopAt) {
            return false;
        }
        p.stoppedForSplit = true;
        notifyAll();
        return true;
    }

    private void start(Planned p) {
        p.running = true;
        p.failure = null;
        p.stoppedForSplit = false;
        p.paused = false;
        try {
            p.task = submit(() -> read(p));
        } catch (RejectedExecutionException e) {
            p.running = false;
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
        Instant from = i == 0 && unplanned.containsKey(Instant.MIN) ? null : probeBounds.get(i);
        Instant to = probeBounds.get(i + 1);
        probesRunning++;
        try {
            probes.add(submit(() -> probe(i, from, to)));
        } catch (RejectedExecutionException e) {
            probesRunning--;
            probes.add(null);
            probed(i, null);
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
            probed(i, count);
            schedule();
            notifyAll();
        }
    }

    private void probed(int i, Long count) {
        if (!counting) {
            return;
        }
        if (count == null) {
            // plan by the sample and the pieces read, as without counts (a curve of the first spans alone would
            // never reach the end of the window)
            counting = false;
            curve = null;
            curveUpTo = null;
            return;
        }
        probeCounts[i] = count;
        List<ChangeCurve.Span> spans = new ArrayList<>();
        for (int k = 0; k < probeCounts.length && probeCounts[k] != null; k++) {
            spans.add(new ChangeCurve.Span(probeBounds.get(k), probeBounds.get(k + 1), probeCounts[k]));
        }
        if (spans.size() == probeCounts.length) {
            curve = new ChangeCurve(spans);
            curveUpTo = null;
            counting = false;
            log.debug("counted {}", spans);
        } else if (spans.size() >= 2) {
            curve = new ChangeCurve(spans);
            curveUpTo = spans.get(spans.size() - 1).from();
        }
    }

    /**
     * On a cursor endpoint: plans the scouts ({@link ScoutPlan}) that fall wholly in spans not planned yet (all of
     * them on a first run), unless fewer than two do.
     */
    private void placeScouts(Instant from, Instant to) {
        List<ScoutPlan.Scout> placed = ScoutPlan.place(from, to, sample, pageSize).stream()
                .filter(s -> unplannedCovers(s.readFrom(), s.to())).toList();
        if (placed.size() < 2) {
            return;
        }
        scoutSpans = placed;
        scouts = new ArrayList<>();
        for (ScoutPlan.Scout s : placed) {
            Planned p = new Planned(s.readFrom(), s.to(), 1, Integer.MAX_VALUE, pageSize / 2);
            scouts.add(p);
            insertInOrder(p);
            removeFromUnplanned(s.readFrom(), s.to());
        }
    }

    private boolean unplannedCovers(Instant from, Instant to) {
        Map.Entry<Instant, Instant> span = unplanned.floorEntry(key(from));
        return span != null && !span.getValue().isBefore(to);
    }

    /**
     * A scout was read: the curve is drawn through the scouts read so far without a gap from the first, and
     * pieces are planned only before the last of them until all are read.
     */
    private void scouted() {
        List<Long> counts = new ArrayList<>();
        for (Planned p : scouts) {
            if (p.holds < 0) {
                break;
            }
            counts.add(p.holds);
        }
        if (counts.size() < 2) {
            return;
        }
        curve = ScoutPlan.curve(scoutSpans, counts);
        if (counts.size() == scouts.size()) {
            curveUpTo = null;
            scouts = null;
            scoutSpans = null;
            log.debug("scouted {}", counts);
        } else {
            curveUpTo = scoutSpans.get(counts.size() - 1).from();
        }
    }

    /** Runs on the pool: reads one piece, handing its pages over as they come, then lets the next read start. */
    private void read(Planned p) {
        WindowWalker.Piece read = null;
        RuntimeException failure = null;
        long[] records = {0};
        ResourceOffset at = p.at;
        try {
            WindowWalker.PageSink sink = new WindowWalker.PageSink() {
                @Override
                public boolean accept(List<JsonNode> page, ResourceOffset after) {
                    records[0] += page.size();
                    queue(p, converter.apply(page), after);
                    return !stopsForSplit(p, after) && !pausesForRoom(p, after);
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
                read = walker.readPiece(ResourceOffset.windowStart(p.from, p.to), p.guessPages, p.maxPages, sink);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Throwable e) { // an Error (out of memory...) must fail the task, not leave the piece "running"
            failure = new ConnectException("Reading a backfill piece failed", e);
        }
        if (log.isDebugEnabled()) {
            log.debug("piece [{}, {}) planned {} records from page {} (max {}): {}", p.from, p.to, p.expected,
                    p.guessPages, p.maxPages, failure != null ? failure.toString() : read.refused()
                            ? "refused, " + read.pagesIfRefused() + " pages" : records[0] + " records");
        }
        synchronized (this) {
            p.running = false;
            if (cancelled) {
                return;
            }
            if (failure != null) {
                // no read starts in its place: the next poll reports the failure (and the task may back off
                // first), where reads starting here would plan and fail one piece after another at full speed
                p.failure = failure;
                notifyAll();
                return;
            }
            if (read.refused()) {
                refused(p, read);
            } else {
                boolean stopped = p.stoppedForSplit || p.paused;
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
    private synchronized void learn(Planned p, long records) {
        p.holds = records;
        if (scouts != null && scouts.contains(p)) {
            scouted();
        }
        if (p.from != null) {
            density.read(p.from, p.to, records);
        }
        if (p.byRate) {
            density.sized(p.expected, records);
        }
    }

    /**
     * On a fetch thread: queues a page's records, carrying where the backfill stands before this page (the last
     * record: after it); {@code after} is the piece's position after the page.
     */
    private void queue(Planned p, List<SourceRecord> converted, ResourceOffset after) {
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
    private void finish(Planned p) {
        plan.remove(p);
        p.at = null;
        Instant from = p.from == null ? Instant.MIN : p.from;
        Instant to = p.to;
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

    /**
     * A piece with more pages than allowed: cut again at once, in place. A piece sized by the density is cut
     * evenly by time (the density varies little inside it; the page read is the piece's records of a few ids, a
     * poorer guide); others by the sample. A forward walk without a page count (cursor) read the piece's highest
     * or lowest ids, which say little about its change times: that is cut evenly too, into pieces of one page.
     */
    private void refused(Planned p, WindowWalker.Piece read) {
        int at = plan.indexOf(p);
        if (at < 0) {
            return;
        }
        plan.remove(at);
        plan.addAll(at, cut(p.from, p.to, read.pagesIfRefused(),
                p.byRate || !read.pagesKnown() ? List.of() : read.sample(), read.pagesKnown() ? PIECE_PAGES : 1));
        if (read.pagesKnown() && p.from != null) {
            // its page count is its record count within a page: good enough to learn the density from
            density.read(p.from, p.to, (long) read.pagesIfRefused() * pageSize - pageSize / 2);
        }
    }

    /**
     * Everything before it is read: the start of the first piece still open or of the first span not planned,
     * whichever is earlier; null while nothing is read from the window's open start.
     */
    private Instant watermark() {
        Instant w = end;
        if (!unplanned.isEmpty()) {
            w = unplanned.firstKey();
        }
        if (!plan.isEmpty()) {
            Instant first = key(plan.getFirst().from);
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
    private void insertInOrder(Planned p) {
        java.util.ListIterator<Planned> it = plan.listIterator();
        while (it.hasNext()) {
            Planned q = it.next();
            if (p.from == null || (q.from != null && q.from.isAfter(p.from))) {
                it.previous();
                break;
            }
        }
        it.add(p);
    }

    private static Instant key(Instant from) {
        return from == null ? Instant.MIN : from;
    }

    /** Takes {@code [from, to)} (read or begun by a previous run) out of the spans to plan. */
    private void removeFromUnplanned(Instant from, Instant to) {
        Instant start = key(from);
        Map.Entry<Instant, Instant> span = unplanned.floorEntry(start);
        if (span == null || !span.getValue().isAfter(start)) {
            span = unplanned.ceilingEntry(start);
        }
        while (span != null && span.getKey().isBefore(to)) {
            unplanned.remove(span.getKey());
            if (span.getKey().isBefore(start)) {
                unplanned.put(span.getKey(), start);
            }
            if (span.getValue().isAfter(to)) {
                unplanned.put(to, span.getValue());
            }
            span = unplanned.ceilingEntry(to);
        }
    }

    /** Plans the next piece at the start of the first span not planned, sized by what is known now. */
    private Planned planAtFrontier(int reads) {
        Map.Entry<Instant, Instant> span = unplanned.pollFirstEntry();
        Instant from = span.getKey().equals(Instant.MIN) ? null : span.getKey();
        Instant limit = span.getValue();
        Double rate = density.rateAfter(from);
        Planned p;
        if (curve != null) {
            p = counted(from, limit, reads);
            if (p == null) {
                unplanned.put(span.getKey(), limit);
                return null;
            }
        } else if (rate != null && from != null) {
            // near the end, smaller pieces, so that the reads in flight end about together: once less than half
            // a full piece per read is left to plan, each new piece gets twice its share of it. (Measured on the
            // benchmark: shrinking sooner costs a wrong first guess and a partial page per extra piece, shrinking
            // later leaves reads idle at the end.)
            double left = rate * unplannedSeconds(from, limit) / pageSize;
            double pages = Math.max(MIN_PIECE_PAGES, Math.min(PIECE_PAGES, 2 * left / reads));
            double target = (pages - 0.5) * pageSize; // its last page about half full
            long seconds = Math.max(MIN_PIECE_SECONDS, (long) Math.ceil(target / rate));
            p = piece(from, from.plusSeconds(seconds), target, limit,
                    (a, b) -> Duration.between(a, b).toSeconds() * rate);
        } else {
            p = sampledPiece(from, limit);
        }
        if (p.to.isBefore(limit)) {
            unplanned.put(p.to, limit);
        }
        return p;
    }

    /**
     * A piece at {@code from} sized by the counted spans: {@link #COUNTED_PIECE_PAGES} pages less half a page, or
     * near the end each read's share of all that is left to read: the spans not planned and what the pieces in
     * flight still hold. (Measured on the benchmark: this ends the reads closer together than sharing out only
     * the spans not planned.) Null if the spans counted so far do not reach its end.
     */
    private Planned counted(Instant from, Instant limit, int reads) {
        double pages = COUNTED_PIECE_PAGES;
        if (curveUpTo == null) {
            double left = curve.between(from, limit);
            for (Map.Entry<Instant, Instant> span : unplanned.entrySet()) {
                left += curve.between(span.getKey(), span.getValue());
            }
            for (Planned q : plan) {
                left += Math.max(0, (q.holds >= 0 ? q.holds : q.expected) - q.sent);
            }
            pages = Math.max(MIN_PIECE_PAGES, Math.min(COUNTED_PIECE_PAGES, left / pageSize / reads));
        }
        double target = (pages - 0.5) * pageSize;
        Planned p = piece(from, curve.end(from, target, limit), target, limit, curve::between);
        return curveUpTo != null && p.to.isAfter(curveUpTo) ? null : p;
    }

    /** Seconds of change time not planned yet: {@code [from, limit)} (being planned) and the spans after it. */
    private long unplannedSeconds(Instant from, Instant limit) {
        long seconds = Duration.between(from, limit).toSeconds();
        for (Map.Entry<Instant, Instant> span : unplanned.entrySet()) {
            seconds += Duration.between(span.getKey(), span.getValue()).toSeconds();
        }
        return seconds;
    }

    /**
     * A piece {@code [from, to)} sized by the density, {@code records} telling how many a span holds (the learned
     * rate, or the counted curve): at least a second long, and stretched to its limit if little is left before
     * it.
     */
    private Planned piece(Instant from, Instant to, double target, Instant limit,
                          ToDoubleBiFunction<Instant, Instant> records) {
        to = to.truncatedTo(ChronoUnit.SECONDS);
        if (from != null && Duration.between(from, to).toSeconds() < MIN_PIECE_SECONDS) {
            to = from.plusSeconds(MIN_PIECE_SECONDS);
        }
        if (!to.isBefore(limit) || records.applyAsDouble(to, limit) < 0.25 * target
                || Duration.between(to, limit).toSeconds() < MIN_PIECE_SECONDS) {
            to = limit;
        }
        double expected = records.applyAsDouble(from, to);
        int pages = (int) Math.max(1, Math.ceil(expected / pageSize));
        // a cursor piece has no page to start at and cannot be cut once begun: it is walked whole
        Planned p = pageNumbers ? new Planned(from, to, pages, MAX_PAGES_FACTOR * pages, (long) Math.ceil(expected))
                : new Planned(from, to, 1, Integer.MAX_VALUE, (long) Math.ceil(expected));
        p.byRate = true;
        return p;
    }

    /**
     * Before the density is known: a piece of about {@link #SAMPLE_FILL} page by the window's first page, each
     * of its change times standing for the same share of the window's records.
     */
    private Planned sampledPiece(Instant from, Instant limit) {
        double perPoint = (double) windowRecords / sample.size();
        double points = SAMPLE_FILL * pageSize / perPoint;
        double at = (from == null ? -0.5 : countBefore(from)) + points;
        Instant to = limit;
        if (at < sample.size() - 1) {
            int i = (int) Math.floor(Math.max(0, at));
            Instant a = sample.get(i);
            Instant b = sample.get(i + 1);
            to = a.plusMillis((long) (Math.max(0, at - i) * Duration.between(a, b).toMillis()));
        }
        to = to.truncatedTo(ChronoUnit.SECONDS);
        if (from != null && Duration.between(from, to).toSeconds() < MIN_PIECE_SECONDS) {
            to = from.plusSeconds(MIN_PIECE_SECONDS);
        }
        if (!to.isBefore(limit) || Duration.between(to, limit).toSeconds() < MIN_PIECE_SECONDS) {
            to = limit;
        }
        long expected = (long) Math.ceil(SAMPLE_FILL * pageSize);
        return new Planned(from, to, 1, 2, expected);
    }

    private int countBefore(Instant t) {
        int lo = 0;
        int hi = sample.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sample.get(mid).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Cuts {@code [from, to)}, which holds about {@code pages} pages, at quantiles of the sample into pieces of
     * about {@code piecePages} pages each (the last page about half full). Pieces of several pages start their
     * walk at their expected last page.
     */
    private List<Planned> cut(Instant from, Instant to, int pages, List<Instant> sample, int piecePages) {
        List<Instant> inside = sample.stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        int pieces = (int) Math.ceil(pages / (piecePages == 1 ? 0.85 : piecePages - 0.5));
        TreeSet<Instant> cuts = new TreeSet<>();
        for (int i = 1; i < pieces && !inside.isEmpty(); i++) {
            Instant at = inside.get((int) ((long) i * inside.size() / pieces)).truncatedTo(ChronoUnit.SECONDS);
            if ((from == null || Duration.between(from, at).toSeconds() >= MIN_PIECE_SECONDS)
                    && Duration.between(at, to).toSeconds() >= MIN_PIECE_SECONDS) {
                cuts.add(at);
            }
        }
        if (cuts.isEmpty()) {
            evenCuts(from, to, Math.max(2, pieces), cuts); // no usable sample: cut by time, so pieces stay bounded
        }
        List<Planned> out = new ArrayList<>();
        Instant start = from;
        long expected = (long) Math.ceil(((double) pages * pageSize - pageSize / 2.0) / (cuts.size() + 1));
        int guess = piecePages > 1 ? (int) Math.max(1, Math.ceil((double) expected / pageSize)) : 1;
        int max = Math.max(2, MAX_PAGES_FACTOR * guess);
        for (Instant at : cuts) {
            out.add(new Planned(start, at, guess, max, expected));
            start = at;
        }
        out.add(new Planned(start, to, guess, cuts.isEmpty() ? Integer.MAX_VALUE : max, expected));
        return out;
    }

    /** Cut points dividing {@code [from, to)} into equal spans (an open start counts from ten years back). */
    private static void evenCuts(Instant from, Instant to, int pieces, TreeSet<Instant> cuts) {
        Instant start = from;
        if (start == null) {
            start = to.minus(Duration.ofDays(3650));
            if (!start.isBefore(to)) {
                return;
            }
            cuts.add(start.truncatedTo(ChronoUnit.SECONDS));
        }
        long seconds = Duration.between(start, to).toSeconds();
        for (int i = 1; i < pieces; i++) {
            Instant at = start.plusSeconds(seconds * i / pieces).truncatedTo(ChronoUnit.SECONDS);
            if (Duration.between(start, at).toSeconds() >= MIN_PIECE_SECONDS
                    && Duration.between(at, to).toSeconds() >= MIN_PIECE_SECONDS) {
                cuts.add(at);
            }
        }
    }
}
