package io.kafkaconnect.greenhouse.window.plan;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How many records a window holds per second of change time, learned from the pieces of a backfill already read
 * (exact counts), to size the pieces still to be planned. Not thread-safe: the backfill holds its lock.
 */
final class ChangeDensity {
    /** How much one piece moves the bias correction (see {@link #bias}). */
    private static final double BIAS_WEIGHT = 0.05;

    private final int pageSize;
    /** Pages' worth of read pieces the density is learned from (twice: near the point asked, and before that). */
    private final int ratePages;
    /** How far past the point asked the rate is wanted, in records: half a planned piece. */
    private final double lookAheadRecords;
    /** Pieces read so far with a known start: start → (end in epoch seconds, records). */
    private final NavigableMap<Instant, long[]> readPieces = new TreeMap<>();
    /**
     * Records found ÷ records expected in the pieces sized by the density, as a slow moving average: what the
     * trend does not catch (the density ahead grows faster than linearly where edits lean towards the recent
     * past). Slow on purpose: about ten pieces are planned while one is read, and a fast correction of such a
     * delayed measure overshoots and oscillates.
     */
    private double bias = 1.0;

    ChangeDensity(int pageSize, int ratePages, double lookAheadRecords) {
        this.pageSize = pageSize;
        this.ratePages = ratePages;
        this.lookAheadRecords = lookAheadRecords;
    }

    /** A piece {@code [from, to)} holds {@code records} records. */
    void read(Instant from, Instant to, long records) {
        readPieces.put(from, new long[] {to.getEpochSecond(), records});
    }

    /** A piece sized by {@link #rateAfter} was expected to hold {@code expected} records and held {@code found}. */
    void sized(long expected, long found) {
        double ratio = Math.max(0.5, Math.min(2.0, (double) found / expected));
        bias = Math.max(0.7, Math.min(1.5, bias * Math.pow(ratio, BIAS_WEIGHT)));
    }

    /**
     * Records per second of change time expected just after {@code at}: the density of the pieces read just before
     * it (at least {@code ratePages} pages' worth), extrapolated along the trend between those and the pieces before
     * them (edits lean towards the recent past, so the density ahead is higher than behind), times the bias
     * correction; null when nothing has been read yet. The trend is fed forward from counts, not corrected by
     * feedback, which would overshoot: pieces planned meanwhile all share one estimate.
     */
    Double rateAfter(Instant at) {
        if (at == null) {
            return null;
        }
        Iterator<Map.Entry<Instant, long[]>> pieces = readPieces.headMap(at, false).descendingMap().entrySet()
                .iterator();
        double[] near = group(pieces, at.getEpochSecond());
        if (near == null) {
            return null;
        }
        double rate = near[0] / near[1];
        double[] far = group(pieces, (long) near[3]);
        if (far != null) {
            double farRate = far[0] / far[1];
            double slope = (rate - farRate) / Math.max(1, near[2] - far[2]);
            double ahead = at.getEpochSecond() + lookAheadRecords / rate - near[2];
            rate = Math.max(0.5 * rate, Math.min(2 * rate, rate + slope * ahead));
        }
        return Math.max(rate, 1e-9) * bias;
    }

    /**
     * Sums read pieces (taken in descending order, ending at or before {@code upTo}) until they hold
     * {@code ratePages} pages: {records, seconds, centre, start} in epoch seconds, or null if none.
     */
    private double[] group(Iterator<Map.Entry<Instant, long[]>> pieces, long upTo) {
        long records = 0;
        long seconds = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        while (pieces.hasNext() && records < (long) ratePages * pageSize) {
            Map.Entry<Instant, long[]> e = pieces.next();
            if (e.getValue()[0] > upTo) {
                continue;
            }
            records += e.getValue()[1];
            seconds += e.getValue()[0] - e.getKey().getEpochSecond();
            first = Math.min(first, e.getKey().getEpochSecond());
            last = Math.max(last, e.getValue()[0]);
        }
        if (seconds <= 0 || records == 0) {
            return null;
        }
        return new double[] {records, seconds, (first + last) / 2.0, first};
    }
}
