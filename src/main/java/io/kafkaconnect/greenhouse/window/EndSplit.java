package io.kafkaconnect.greenhouse.window;

import java.util.Map;

/**
 * At the end of a backfill, when a read is free and nothing is left to plan: which piece a second read splits and
 * how many of its lower pages it takes ({@link LowerPagesRead}). The piece with the most pages left, which ends
 * last; the second read takes up to half of them, so that both reads end about together. What second reads hold
 * waits outside the hand-over queue's bound, so all of them together hold at most {@link #MAX_HELD_PAGES}: several
 * pieces can be split at once (the last pieces of a backfill end together rather than one after another), each
 * with fewer pages while others are split.
 *
 * @param <P>   a piece
 * @param piece the piece to split
 * @param pages how many of its lower pages (its pages {@code pages} down to 1) the second read takes
 */
record EndSplit<P>(P piece, int pages) {
    /** The most pages all second reads together hold. */
    static final int MAX_HELD_PAGES = 8;
    /**
     * The fewest pages a second read takes: the top one is read twice (once more after the piece's own read passed
     * it), so a second read of one page would end no sooner than the piece's own read.
     */
    static final int MIN_PAGES = 2;

    /**
     * @param pagesLeft for each piece being read and not split, the number of the page its read reads next (a
     *                  downward walk: the pages it has left)
     * @param held      pages the second reads running now take
     * @return the split to start, or null if none is worth it
     */
    static <P> EndSplit<P> choose(Map<P, Integer> pagesLeft, int held) {
        P longest = null;
        int most = 0;
        for (Map.Entry<P, Integer> e : pagesLeft.entrySet()) {
            if (e.getValue() > most) {
                longest = e.getKey();
                most = e.getValue();
            }
        }
        int pages = Math.min(MAX_HELD_PAGES - held, most / 2);
        return longest == null || pages < MIN_PAGES ? null : new EndSplit<>(longest, pages);
    }
}
