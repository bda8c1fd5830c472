package io.kafkaconnect.greenhouse.window.plan;

import io.kafkaconnect.greenhouse.dialect.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the pieces of a parallel backfill: which spans of the window are read as one piece, where each
 * piece's walk starts and when it is cut again, from what is known about how many records the window holds per
 * second of change time. No I/O and no threads: the backfill tells it what the reads found (counts, pieces
 * refused) and asks it for the next piece at the frontier. Not thread-safe (the backfill calls it under its
 * lock).
 *
 * <ul>
 * <li>on a page-number endpoint, from exact counts: before anything is planned, {@link #PROBES} spans of the
 * window, each half as long as the one before it (edits lean towards the recent past), are counted with one
 * request each for a page of one record ({@link #probeSpan}, {@link #probed}; the backfill counts them with
 * the walker's count); a {@link ChangeCurve} through those counts cuts pieces of
 * {@link #COUNTED_PIECE_PAGES} pages less half a page. Near the end a piece gets each read's share of all that is
 * left to read (the spans not planned and what the pieces in flight still hold: their own counts are known from
 * their first request), at least {@link #MIN_PIECE_PAGES} pages, so that the reads end about together. A
 * piece's walk starts at its expected last page, so it costs as many requests as it has pages when the guess is
 * right, one more when not;</li>
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
 * walked whole ({@link #recut}). Where a cursor window cannot be scouted (fewer than two scouts fit: a window of
 * a few seconds, or a restart that has read their places), it is cut as a whole by the sample at the start
 * ({@link #firstPieces}), and a piece walked well past its plan is given up (its pages are held back until it
 * ends, so nothing of it was sent) and cut evenly into pieces of about one page.
 */
public final class BackfillPlanner {
    private static final Logger log = LoggerFactory.getLogger(BackfillPlanner.class);
    /** Pages a piece is aimed at once the density is learned from pieces read (fewer near the end). */
    static final int PIECE_PAGES = 24;
    /**
     * Pages a piece is aimed at where the window's spans are counted (fewer near the end): its size is then
     * known within a few per cent, so pieces can be longer without ending far apart.
     */
    static final int COUNTED_PIECE_PAGES = 40;
    /** The fewest pages a piece sized by the density is aimed at, near the end of the window. */
    static final int MIN_PIECE_PAGES = 4;
    /** Pages' worth of read pieces the density is learned from (twice: near the frontier, and before that). */
    private static final int RATE_PAGES = 8;
    /** Spans counted before planning, on a page-number endpoint (see {@link ChangeCurve#boundsByAge}). */
    static final int PROBES = 8;
    /** Windows of fewer pages are planned by their first page's sample: counting them would cost too much. */
    static final int PROBE_MIN_PAGES = 6 * PROBES;

    /**
     * What the window's first page and the stored offset tell about a window to backfill.
     *
     * @param from          the window's start (null: an open start)
     * @param to            the window's end
     * @param pages         how many pages the window holds (from its first page)
     * @param pagesKnown    whether {@code pages} is the count from a {@code last} link (a page-number endpoint;
     *                      false: a guess, a cursor endpoint)
     * @param sample        change times of the window's first page
     * @param doneBefore    parts of the window a previous run read completely (a restart): not read again
     * @param readingBefore pieces a previous run read partly: read on from where they stand
     */
    public record Start(Instant from, Instant to, int pages, boolean pagesKnown, List<Instant> sample,
                 List<Window> doneBefore, List<Window> readingBefore) {
    }

    /**
     * A piece as planned: the span {@code [from, to)} (from null: the window's open start), the page its walk
     * starts at (its expected last page; 1 to start at the first page), the most pages it may have before it is
     * cut again, the records expected in it, and whether it was sized by the learned density (then it is cut
     * evenly by time if it is refused).
     */
    public record Piece(Instant from, Instant to, int guessPages, int maxPages, long expected, boolean byRate) {
        public Piece {
            boolean cuttable = from == null
                    || Duration.between(from, to).toSeconds() >= 2 * PieceCutter.MIN_PIECE_SECONDS;
            guessPages = Math.max(1, guessPages);
            maxPages = cuttable ? Math.max(2, maxPages) : Integer.MAX_VALUE;
            expected = Math.max(1, expected);
        }

        public static Piece of(Instant from, Instant to, int guessPages, int maxPages, long expected) {
            return new Piece(from, to, guessPages, maxPages, expected, false);
        }
    }

    private final int pageSize;
    /** Whether the window's pages are numbered (a page-number endpoint); false for a cursor endpoint. */
    private final boolean pageNumbers;
    /** The window's first page's change times, sorted. */
    private final List<Instant> sample;
    private final PieceCutter cutter;
    /**
     * Spans of the window no piece is planned for yet (from → to, {@link Instant#MIN} for an open start): the
     * window at first, less what a previous run read or began.
     */
    private final TreeMap<Instant, Instant> unplanned = new TreeMap<>();
    /** Records per second of change time, learned from the pieces read. */
    private final ChangeDensity density;
    /** Bounds of the spans counted before planning (null: not counted); the first span starts at {@code from}. */
    private final List<Instant> probeBounds;
    private final Long[] probeCounts;
    /** Spans are being counted: nothing is planned at the frontier until they all are (or one cannot be). */
    private boolean counting;
    /** On a cursor endpoint: the scouts' pieces, in order of time, until they are all read (null otherwise). */
    private List<Piece> scouts;
    /** Where those scouts are, and which span each one's count measures (for the curve). */
    private List<ScoutPlan.Scout> scoutSpans;
    private Long[] scoutCounts;
    /** The window's records over change time, from the counted spans; null without them. */
    private ChangeCurve curve;
    /**
     * While spans are still being counted, {@link #curve} holds the first ones counted, and pieces are planned
     * only before the start of the last of them (where every span used has its neighbours counted).
     */
    private Instant curveUpTo;
    /** Pieces to read before any is planned at the frontier: the scouts, or the window cut as a whole. */
    private final List<Piece> firstPieces = new ArrayList<>();

    public BackfillPlanner(Start window, int pageSize) {
        Instant from = window.from();
        Instant to = window.to();
        this.pageSize = Math.max(1, pageSize);
        this.pageNumbers = window.pagesKnown();
        this.density = new ChangeDensity(this.pageSize, RATE_PAGES, 0.5 * PIECE_PAGES * this.pageSize);
        this.sample = window.sample().stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        this.cutter = new PieceCutter(this.pageSize, pageNumbers, this.sample,
                Math.max(1, (long) window.pages() * this.pageSize - this.pageSize / 2));
        unplanned.put(key(from), to);
        window.doneBefore().forEach(w -> take(w.from(), w.to()));
        window.readingBefore().forEach(piece -> take(piece.from(), piece.to()));
        boolean probe = pageNumbers && !this.sample.isEmpty() && window.pages() >= PROBE_MIN_PAGES
                && this.sample.get(0).isBefore(to.minusSeconds(PROBES));
        this.probeBounds = probe ? ChangeCurve.boundsByAge(from != null ? from
                : this.sample.get(0).truncatedTo(ChronoUnit.SECONDS), to, PROBES) : null;
        this.probeCounts = probe ? new Long[probeBounds.size() - 1] : null;
        this.counting = probe;
        if (!pageNumbers) {
            placeScouts(from, to);
        }
        if (scouts == null && (!pageNumbers || this.sample.isEmpty())) {
            // no count or no sample to size pieces by as they are planned: cut what is to be read as a whole by
            // what there is, and learn the density from the first pieces read
            for (Map.Entry<Instant, Instant> span : unplanned.entrySet()) {
                Instant start = span.getKey().equals(Instant.MIN) ? null : span.getKey();
                firstPieces.addAll(cutter.cut(start, span.getValue(), window.pages(), this.sample, 1));
            }
            unplanned.clear();
        }
    }

    /** A piece a previous run began (read on from where it stands, whole). */
    public Piece resumed(Window reading) {
        return Piece.of(reading.from(), reading.to(), 1, Integer.MAX_VALUE, pageSize);
    }

    /** Pieces planned at the start, in order of time: the scouts, or the whole window cut at once (or none). */
    public List<Piece> firstPieces() {
        return firstPieces;
    }

    /** Whether spans are still to be counted before pieces are planned at the frontier. */
    public boolean counting() {
        return counting;
    }

    /** How many spans are counted before planning (0: none). */
    public int probes() {
        return probeCounts == null ? 0 : probeCounts.length;
    }

    /** The {@code i}th span to count (from null: the window's open start). */
    public Window probeSpan(int i) {
        Instant from = i == 0 && unplanned.containsKey(Instant.MIN) ? null : probeBounds.get(i);
        return new Window(from, probeBounds.get(i + 1));
    }

    /** The {@code i}th span holds {@code count} records; null: it could not be counted. */
    public void probed(int i, Long count) {
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

    /** Whether pieces may be planned at the frontier now (not before the first spans are counted or scouted). */
    public boolean mayPlan() {
        return curve != null || (!counting && scouts == null);
    }

    /** Whether every span of the window has a piece planned for it. */
    public boolean allPlanned() {
        return unplanned.isEmpty();
    }

    /** The start of the first span not planned yet ({@link Instant#MIN}: the open start); null if none is left. */
    public Instant frontier() {
        return unplanned.isEmpty() ? null : unplanned.firstKey();
    }

    /** Nothing more is planned (the backfill stopped). */
    public void stop() {
        unplanned.clear();
    }

    /**
     * A piece holds {@code records} records: the density learns it as soon as it is known, which for a piece of
     * many pages is long before it is read to the end.
     */
    public void counted(Piece p, long records) {
        if (scouts != null) {
            for (int i = 0; i < scouts.size(); i++) {
                if (scouts.get(i) == p) { // the same piece, not one planned alike
                    scoutCounts[i] = records;
                    scouted();
                    break;
                }
            }
        }
        if (p.from() != null) {
            density.read(p.from(), p.to(), records);
        }
        if (p.byRate()) {
            density.sized(p.expected(), records);
        }
    }

    /**
     * Plans the next piece at the start of the first span not planned, sized by what is known now, for
     * {@code reads} reads in flight; {@code leftInFlight} tells how many records the pieces planned still hold
     * (asked only near the end of a counted window). Null if nothing can be planned yet: the spans counted so far
     * do not reach far enough (or nothing is left, or planning waits for counts).
     */
    public Piece next(int reads, DoubleSupplier leftInFlight) {
        if (unplanned.isEmpty() || !mayPlan()) {
            return null;
        }
        Map.Entry<Instant, Instant> span = unplanned.pollFirstEntry();
        Instant from = span.getKey().equals(Instant.MIN) ? null : span.getKey();
        Instant limit = span.getValue();
        Double rate = density.rateAfter(from);
        Piece p;
        if (curve != null) {
            p = counted(from, limit, reads, leftInFlight);
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
            long seconds = Math.max(PieceCutter.MIN_PIECE_SECONDS, (long) Math.ceil(target / rate));
            p = cutter.sized(from, from.plusSeconds(seconds), target, limit,
                    (a, b) -> Duration.between(a, b).toSeconds() * rate);
        } else {
            p = cutter.sampled(from, limit);
        }
        if (p.to().isBefore(limit)) {
            unplanned.put(p.to(), limit);
        }
        return p;
    }

    /**
     * A piece with more pages than allowed ({@code pages}, as its first request showed): cut again, the pieces to
     * read in its place. A piece sized by the density is cut evenly by time (the density varies little inside it;
     * the page read is the piece's records of a few ids, a poorer guide); others by the {@code sample} of change
     * times that page showed. A forward walk without a page count ({@code pagesKnown} false: a cursor) read the
     * piece's highest or lowest ids, which say little about its change times: that is cut evenly too, into pieces
     * of one page.
     */
    public List<Piece> recut(Piece p, int pages, boolean pagesKnown, List<Instant> sample) {
        List<Piece> pieces = cutter.cut(p.from(), p.to(), pages, p.byRate() || !pagesKnown ? List.of() : sample,
                pagesKnown ? PIECE_PAGES : 1);
        if (pagesKnown && p.from() != null) {
            // its page count is its record count within a page: good enough to learn the density from
            density.read(p.from(), p.to(), (long) pages * pageSize - pageSize / 2);
        }
        return pieces;
    }

    /** {@link Instant#MIN} for an open start, so that spans can be sorted. */
    public static Instant key(Instant from) {
        return from == null ? Instant.MIN : from;
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
        scoutCounts = new Long[placed.size()];
        for (ScoutPlan.Scout s : placed) {
            Piece p = Piece.of(s.readFrom(), s.to(), 1, Integer.MAX_VALUE, pageSize / 2);
            scouts.add(p);
            firstPieces.add(p);
            take(s.readFrom(), s.to());
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
        for (Long count : scoutCounts) {
            if (count == null) {
                break;
            }
            counts.add(count);
        }
        if (counts.size() < 2) {
            return;
        }
        curve = ScoutPlan.curve(scoutSpans, counts);
        if (counts.size() == scouts.size()) {
            curveUpTo = null;
            scouts = null;
            scoutSpans = null;
            scoutCounts = null;
            log.debug("scouted {}", counts);
        } else {
            curveUpTo = scoutSpans.get(counts.size() - 1).from();
        }
    }

    /** Takes {@code [from, to)} (read or begun by a previous run, or planned) out of the spans to plan. */
    private void take(Instant from, Instant to) {
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

    /**
     * A piece at {@code from} sized by the counted spans: {@link #COUNTED_PIECE_PAGES} pages less half a page, or
     * near the end each read's share of all that is left to read: the spans not planned and what the pieces in
     * flight still hold. (Measured on the benchmark: this ends the reads closer together than sharing out only
     * the spans not planned.) Null if the spans counted so far do not reach its end.
     */
    private Piece counted(Instant from, Instant limit, int reads, DoubleSupplier leftInFlight) {
        double pages = COUNTED_PIECE_PAGES;
        if (curveUpTo == null) {
            double left = curve.between(from, limit);
            for (Map.Entry<Instant, Instant> span : unplanned.entrySet()) {
                left += curve.between(span.getKey(), span.getValue());
            }
            left += leftInFlight.getAsDouble();
            pages = Math.max(MIN_PIECE_PAGES, Math.min(COUNTED_PIECE_PAGES, left / pageSize / reads));
        }
        double target = (pages - 0.5) * pageSize;
        Piece p = cutter.sized(from, curve.end(from, target, limit), target, limit, curve::between);
        return curveUpTo != null && p.to().isAfter(curveUpTo) ? null : p;
    }

    /** Seconds of change time not planned yet: {@code [from, limit)} (being planned) and the spans after it. */
    private long unplannedSeconds(Instant from, Instant limit) {
        long seconds = Duration.between(from, limit).toSeconds();
        for (Map.Entry<Instant, Instant> span : unplanned.entrySet()) {
            seconds += Duration.between(span.getKey(), span.getValue()).toSeconds();
        }
        return seconds;
    }
}
