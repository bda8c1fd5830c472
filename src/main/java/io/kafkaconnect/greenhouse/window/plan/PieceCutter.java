package io.kafkaconnect.greenhouse.window.plan;

import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner.Piece;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;

/**
 * Cuts spans of a backfill's window into pieces, for a {@link BackfillPlanner}: a piece sized by a density (how
 * many records a span holds), a piece sized by the window's first page (a sample of its change times), or a
 * span cut as a whole at quantiles of a sample (evenly by time without one). Pieces are whole seconds and at
 * least {@link #MIN_PIECE_SECONDS} long. Pure: nothing in it changes.
 */
public final class PieceCutter {
    /** Pieces cut by a sample (before the density is known) aim at this part of one page. */
    static final double SAMPLE_FILL = 0.6;
    /** A piece planned for n pages is walked up to this many times n (at least 2) before it is cut again. */
    static final int MAX_PAGES_FACTOR = 3;
    static final long MIN_PIECE_SECONDS = 1;

    private final int pageSize;
    /** Whether the window's pages are numbered (a page-number endpoint); false for a cursor endpoint. */
    private final boolean pageNumbers;
    /** The window's first page's change times, sorted. */
    private final List<Instant> sample;
    /** The window's records, as far as its first page tells (a guess without a page count). */
    private final long windowRecords;

    public PieceCutter(int pageSize, boolean pageNumbers, List<Instant> sample, long windowRecords) {
        this.pageSize = pageSize;
        this.pageNumbers = pageNumbers;
        this.sample = sample;
        this.windowRecords = windowRecords;
    }

    /**
     * A piece {@code [from, to)} sized by the density, {@code records} telling how many a span holds (the learned
     * rate, or the counted curve): at least a second long, and stretched to its limit if little is left before
     * it.
     */
    Piece sized(Instant from, Instant to, double target, Instant limit,
                ToDoubleBiFunction<Instant, Instant> records) {
        to = end(from, to, limit, t -> records.applyAsDouble(t, limit) < 0.25 * target);
        double expected = records.applyAsDouble(from, to);
        int pages = (int) Math.max(1, Math.ceil(expected / pageSize));
        // a cursor piece has no page to start at and cannot be cut once begun: it is walked whole
        return pageNumbers ? new Piece(from, to, pages, MAX_PAGES_FACTOR * pages, (long) Math.ceil(expected), true)
                : new Piece(from, to, 1, Integer.MAX_VALUE, (long) Math.ceil(expected), true);
    }

    /**
     * Before the density is known: a piece of about {@link #SAMPLE_FILL} page by the window's first page, each
     * of its change times standing for the same share of the window's records.
     */
    Piece sampled(Instant from, Instant limit) {
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
        to = end(from, to, limit, t -> false);
        long expected = (long) Math.ceil(SAMPLE_FILL * pageSize);
        return Piece.of(from, to, 1, 2, expected);
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
    List<Piece> cut(Instant from, Instant to, int pages, List<Instant> sample, int piecePages) {
        List<Instant> inside = sample.stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        int pieces = (int) Math.ceil(pages / (piecePages == 1 ? 0.85 : piecePages - 0.5));
        TreeSet<Instant> cuts = new TreeSet<>();
        for (int i = 1; i < pieces && !inside.isEmpty(); i++) {
            Instant at = inside.get((int) ((long) i * inside.size() / pieces)).truncatedTo(ChronoUnit.SECONDS);
            if ((from == null || atLeastASecond(from, at)) && atLeastASecond(at, to)) {
                cuts.add(at);
            }
        }
        if (cuts.isEmpty()) {
            evenCuts(from, to, Math.max(2, pieces), cuts); // no usable sample: cut by time, so pieces stay bounded
        }
        List<Piece> out = new ArrayList<>();
        Instant start = from;
        long expected = (long) Math.ceil(((double) pages * pageSize - pageSize / 2.0) / (cuts.size() + 1));
        int guess = piecePages > 1 ? (int) Math.max(1, Math.ceil((double) expected / pageSize)) : 1;
        int max = Math.max(2, MAX_PAGES_FACTOR * guess);
        for (Instant at : cuts) {
            out.add(Piece.of(start, at, guess, max, expected));
            start = at;
        }
        out.add(Piece.of(start, to, guess, cuts.isEmpty() ? Integer.MAX_VALUE : max, expected));
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
            if (atLeastASecond(start, at) && atLeastASecond(at, to)) {
                cuts.add(at);
            }
        }
    }

    /**
     * Where a piece from {@code from} aimed to end at {@code to} ends: at a whole second, at least
     * {@link #MIN_PIECE_SECONDS} after its start, and at {@code limit} if less than that would be left before it,
     * or too little ({@code tooLittleLeft} after the end).
     */
    private static Instant end(Instant from, Instant to, Instant limit, Predicate<Instant> tooLittleLeft) {
        to = to.truncatedTo(ChronoUnit.SECONDS);
        if (from != null && !atLeastASecond(from, to)) {
            to = from.plusSeconds(MIN_PIECE_SECONDS);
        }
        if (!to.isBefore(limit) || tooLittleLeft.test(to) || !atLeastASecond(to, limit)) {
            to = limit;
        }
        return to;
    }

    private static boolean atLeastASecond(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() >= MIN_PIECE_SECONDS;
    }
}
