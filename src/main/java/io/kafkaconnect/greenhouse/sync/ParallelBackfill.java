package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a large window {@code [from, to)} as consecutive pieces, several at once, and hands them over strictly
 * in order, so offsets only move forward. Each piece is a closed window of its own.
 *
 * <p>Pieces are planned one after the other at a frontier, each when there is room to read it, and sized from
 * what is known by then about how many records the window holds per second of change time:
 * <ul>
 * <li>from the pieces already read (exact counts) just before the frontier: a piece is then cut to hold
 * about {@link #TARGET_FILL} of {@link #PIECE_PAGES} pages, and on a page-number endpoint its walk starts at
 * its expected last page ({@link WindowWalker#readPiece}), so it costs as many requests as it has pages;</li>
 * <li>before any piece is read: from the window's first page, a sample of its change times, each standing for
 * its share of the window's records; those pieces aim at a part of one page.</li>
 * </ul>
 * A piece that turns out to hold many more pages than planned is refused after one request and cut again,
 * in place, by the change times that request returned; a piece too short to cut (thousands of records changed
 * in the same second) is walked whole.
 *
 * <p>Reads run on the pool, up to {@code concurrency} at once; a new one starts as soon as one ends (not only
 * when the oldest is handed over), as long as the records read ahead and not handed over yet (or expected
 * from reads in flight) stay under a bound in records, which bounds memory. A piece is handed over as soon
 * as it and all pieces before it are read.
 */
final class ParallelBackfill {
    private static final Logger log = LoggerFactory.getLogger(ParallelBackfill.class);
    /** Pages a piece is aimed at once the density is known from pieces read. */
    static final int PIECE_PAGES = 2;
    /** Pieces are aimed a little under their pages, so few spill into one more. */
    static final double TARGET_FILL = 0.85;
    /** Pieces cut by a sample (before the density is known) aim at this part of one page. */
    private static final double SAMPLE_FILL = 0.6;
    /** A piece planned for n pages is walked up to this many times n (at least 2) before it is cut again. */
    private static final int MAX_PAGES_FACTOR = 3;
    /**
     * Records read ahead (read, or expected from reads in flight, not handed over) are bounded by this many
     * pages per read allowed in flight: a piece in flight holds about half its records on average.
     */
    private static final double READ_AHEAD_PAGES_PER_READ = 3;
    private static final long MIN_PIECE_SECONDS = 1;
    /** Pages' worth of read pieces the density is learned from (twice: near the frontier, and before that). */
    private static final int RATE_PAGES = 8;

    /** A piece that has been read. */
    record Piece(Instant from, Instant to, List<SourceRecord> records) {
    }

    /**
     * Turns a piece's records into what is handed over, on the fetch thread as soon as the piece is read, so
     * that pieces waiting for their turn hold records rather than JSON trees.
     */
    @FunctionalInterface
    interface Converter {
        List<SourceRecord> convert(Instant from, Instant to, List<JsonNode> records);
    }

    private static final class Planned {
        final Instant from;
        final Instant to;
        /** The page the walk starts at (its expected last page); 1 to start at the first page. */
        final int guessPages;
        /** More pages than this and the piece is cut again instead. */
        final int maxPages;
        /** Records expected in it (for the read-ahead bound). */
        final long expected;
        /** Sized by the learned density (so cut evenly by time if it is refused). */
        boolean byRate;
        Future<?> task;
        boolean running;
        WindowWalker.Piece read;
        /** The records to hand over, once read and converted. */
        List<SourceRecord> converted;
        RuntimeException failure;

        Planned(Instant from, Instant to, int guessPages, int maxPages, long expected) {
            this.from = from;
            this.to = to;
            boolean cuttable = from == null || Duration.between(from, to).toSeconds() >= 2 * MIN_PIECE_SECONDS;
            this.guessPages = Math.max(1, guessPages);
            this.maxPages = cuttable ? Math.max(2, maxPages) : Integer.MAX_VALUE;
            this.expected = Math.max(1, expected);
        }

        boolean started() {
            return running || read != null || failure != null;
        }
    }

    private final WindowWalker walker;
    private final Converter converter;
    private final ExecutorService pool;
    private final IntSupplier concurrency;
    private final int pageSize;
    private final Instant end;
    /** The window's records, as far as its first page tells (null: unknown). */
    private final long windowRecords;
    /** The window's first page's change times, sorted. */
    private final List<Instant> sample;
    private final LinkedList<Planned> plan = new LinkedList<>();
    /** Records per second of change time, learned from the pieces read. */
    private final ChangeDensity density;
    /** Where the part of the window not planned yet starts; {@link #end} once everything is planned. */
    private Instant frontier;
    private boolean frontierIsStart = true;
    private boolean cancelled;

    /**
     * @param pages       how many pages the window holds (from its first page)
     * @param pagesKnown  whether {@code pages} is the count from a {@code last} link (false: a guess)
     * @param sample      change times of the window's first page
     * @param concurrency how many reads may be in flight at once now (asked whenever a read may start)
     */
    ParallelBackfill(WindowWalker walker, Converter converter, ExecutorService pool, IntSupplier concurrency,
                     int pageSize, Instant from, Instant to, int pages, boolean pagesKnown, List<Instant> sample) {
        this.walker = walker;
        this.converter = converter;
        this.pool = pool;
        this.concurrency = concurrency;
        this.pageSize = Math.max(1, pageSize);
        this.density = new ChangeDensity(this.pageSize, RATE_PAGES, 0.5 * TARGET_FILL * PIECE_PAGES * this.pageSize);
        this.end = to;
        this.frontier = from;
        this.sample = sample.stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        this.windowRecords = pagesKnown ? Math.max(1, (long) pages * this.pageSize - this.pageSize / 2) : -1;
        if (!pagesKnown || this.sample.isEmpty()) {
            // no count or no sample to size pieces by: cut the window as a whole by what there is, and learn
            // the density from the first pieces read
            plan.addAll(cut(from, to, pages, this.sample, 1));
            frontier = to;
            frontierIsStart = false;
        }
    }

    synchronized boolean finished() {
        return plan.isEmpty() && !frontierOpen();
    }

    Instant end() {
        return end;
    }

    /**
     * The next piece in order, waiting for it at most {@code wait}; null if it is not read yet.
     *
     * @throws RetriableException if reading the piece failed transiently (it is read again)
     * @throws ConnectException   if it failed for good
     */
    synchronized Piece poll(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            schedule();
            Planned head = plan.peekFirst();
            if (head == null) {
                return null;
            }
            if (head.failure != null) {
                RuntimeException failure = head.failure;
                head.failure = null; // read it again on the next poll
                if (failure instanceof RetriableException retriable) {
                    throw retriable;
                }
                cancel();
                throw failure instanceof ConnectException ce ? ce : new ConnectException(failure);
            }
            if (head.read != null) {
                plan.removeFirst();
                if (head.read.refused()) {
                    plan.addAll(0, cut(head.from, head.to, head.read.pagesIfRefused(), head.read.sample(), 1));
                    continue;
                }
                schedule();
                return new Piece(head.from, head.to, head.converted);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void cancel() {
        cancelled = true;
        plan.stream().filter(p -> p.task != null && p.running).forEach(p -> p.task.cancel(true));
        plan.clear();
        frontier = end;
        frontierIsStart = false;
    }

    /**
     * Starts reads in plan order while fewer than {@code concurrency} are in flight and the records read ahead
     * stay under the bound, planning new pieces at the frontier as needed. The first piece not handed over
     * always may start.
     */
    private void schedule() {
        if (cancelled) {
            return;
        }
        int limit = Math.max(1, concurrency.getAsInt());
        long aheadLimit = (long) (Math.max(limit, PIECE_PAGES) * READ_AHEAD_PAGES_PER_READ * pageSize);
        int inFlight = 0;
        long ahead = 0;
        for (Planned p : plan) {
            if (p.running) {
                inFlight++;
            }
            if (p.started()) {
                ahead += p.converted != null ? p.converted.size() : p.expected;
            }
        }
        Iterator<Planned> it = plan.iterator();
        boolean first = true;
        while (inFlight < limit) {
            Planned next = null;
            while (it.hasNext()) {
                Planned p = it.next();
                boolean head = first;
                first = false;
                if (!p.started()) {
                    if (!head && ahead + p.expected > aheadLimit) {
                        return;
                    }
                    next = p;
                    break;
                }
            }
            if (next == null) {
                if (!frontierOpen()) {
                    return;
                }
                next = planAtFrontier();
                if (!plan.isEmpty() && ahead + next.expected > aheadLimit) {
                    plan.add(next); // planned, started when there is room
                    return;
                }
                plan.add(next);
                it = plan.listIterator(plan.size()); // nothing unstarted before it
                first = plan.size() == 1;
            }
            start(next);
            inFlight++;
            ahead += next.expected;
        }
    }

    private void start(Planned p) {
        p.running = true;
        p.failure = null;
        try {
            p.task = pool.submit(() -> read(p));
        } catch (RejectedExecutionException e) {
            p.running = false;
            p.failure = new ConnectException("The fetch pool is shut down", e);
        }
    }

    /** Runs on the pool: reads one piece, then lets the next read start at once. */
    private void read(Planned p) {
        WindowWalker.Piece read = null;
        List<SourceRecord> converted = null;
        RuntimeException failure = null;
        try {
            read = walker.readPiece(ResourceOffset.windowStart(p.from, p.to), p.guessPages, p.maxPages);
            if (!read.refused()) {
                converted = converter.convert(p.from, p.to, read.records());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Throwable e) { // an Error (out of memory...) must fail the task, not leave the piece "running"
            failure = new ConnectException("Reading a backfill piece failed", e);
        }
        if (log.isDebugEnabled()) {
            log.debug("piece [{}, {}) planned {} records from page {} (max {}): {}", p.from, p.to, p.expected,
                    p.guessPages, p.maxPages, failure != null ? failure.toString() : read.refused()
                            ? "refused, " + read.pagesIfRefused() + " pages" : read.records().size() + " records");
        }
        synchronized (this) {
            p.running = false;
            if (failure != null) {
                p.failure = failure;
            } else if (read.refused()) {
                int at = plan.indexOf(p); // cut it again at once, in place
                if (at >= 0) {
                    plan.remove(at);
                    // a piece sized by the density is cut evenly by time (the density varies little inside it;
                    // the page read is the piece's records of a few ids, a poorer guide); others by the sample
                    // a forward walk without a page count (cursor) read the piece's highest or lowest ids, which
                    // say little about its change times: cut that evenly too
                    plan.addAll(at, cut(p.from, p.to, read.pagesIfRefused(),
                            p.byRate || !read.pagesKnown() ? List.of() : read.sample(),
                            read.pagesKnown() ? PIECE_PAGES : 1));
                }
                if (read.pagesKnown() && p.from != null) {
                    // its page count is its record count within a page: good enough to learn the density from
                    density.read(p.from, p.to, (long) read.pagesIfRefused() * pageSize - pageSize / 2);
                }
            } else {
                if (p.from != null) {
                    density.read(p.from, p.to, read.records().size());
                }
                if (p.byRate) {
                    density.sized(p.expected, read.records().size());
                }
                p.read = new WindowWalker.Piece(List.of(), 0, List.of()); // read; the JSON trees are not kept
                p.converted = converted;
            }
            schedule();
            notifyAll();
        }
    }

    private boolean frontierOpen() {
        return frontierIsStart || frontier.isBefore(end);
    }

    /** Plans the next piece from the frontier on, sized by the density known now, and moves the frontier. */
    private Planned planAtFrontier() {
        Instant from = frontier;
        Double rate = density.rateAfter(from);
        Planned p;
        if (rate != null && from != null) {
            double target = TARGET_FILL * PIECE_PAGES * pageSize;
            long seconds = Math.max(MIN_PIECE_SECONDS, (long) Math.ceil(target / rate));
            p = piece(from, from.plusSeconds(seconds), rate);
            p.byRate = true;
        } else {
            p = sampledPiece(from);
        }
        frontier = p.to;
        frontierIsStart = false;
        return p;
    }

    /** A piece {@code [from, to)} at {@code rate} records per second, stretched to the end if little is left. */
    private Planned piece(Instant from, Instant to, double rate) {
        to = to.truncatedTo(ChronoUnit.SECONDS);
        if (!to.isAfter(from)) {
            to = from.plusSeconds(MIN_PIECE_SECONDS);
        }
        double target = TARGET_FILL * PIECE_PAGES * pageSize;
        if (!to.isBefore(end) || Duration.between(to, end).toSeconds() * rate < 0.25 * target
                || Duration.between(to, end).toSeconds() < MIN_PIECE_SECONDS) {
            to = end;
        }
        double expected = Duration.between(from, to).toSeconds() * rate;
        int pages = (int) Math.max(1, Math.ceil(expected / pageSize));
        return new Planned(from, to, pages, MAX_PAGES_FACTOR * pages, (long) Math.ceil(expected));
    }

    /**
     * Before the density is known: a piece of about {@link #SAMPLE_FILL} page by the window's first page, each
     * of its change times standing for the same share of the window's records.
     */
    private Planned sampledPiece(Instant from) {
        double perPoint = (double) windowRecords / sample.size();
        double points = SAMPLE_FILL * pageSize / perPoint;
        double at = (from == null ? -0.5 : countBefore(from)) + points;
        Instant to;
        if (at >= sample.size() - 1) {
            to = end;
        } else {
            int i = (int) Math.floor(Math.max(0, at));
            Instant a = sample.get(i);
            Instant b = sample.get(i + 1);
            to = a.plusMillis((long) (Math.max(0, at - i) * Duration.between(a, b).toMillis()));
        }
        to = to.truncatedTo(ChronoUnit.SECONDS);
        if (from != null && Duration.between(from, to).toSeconds() < MIN_PIECE_SECONDS) {
            to = from.plusSeconds(MIN_PIECE_SECONDS);
        }
        if (!to.isBefore(end) || Duration.between(to, end).toSeconds() < MIN_PIECE_SECONDS) {
            to = end;
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
     * about {@code piecePages} (slightly underfilled) pages each. Pieces of several pages start their walk at
     * their expected last page.
     */
    private List<Planned> cut(Instant from, Instant to, int pages, List<Instant> sample, int piecePages) {
        List<Instant> inside = sample.stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        int pieces = (int) Math.ceil(pages / (TARGET_FILL * piecePages));
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
