package io.kafkaconnect.greenhouse.api;

import java.time.Duration;

/**
 * The pace of a budget's requests: its usable part of the limit spread evenly over the window, a little under it
 * ({@link #MARGIN}) unless what the window has left and its reset are known, at this worker's share of the
 * connector's tasks; faster where the window still allows more requests than that would start before it resets
 * (after a quiet spell: the start of a backfill, a pause), so that they are spent by then rather than lost. (One
 * that starts after the reset after all is counted in the next window, which the next answer shows.)
 */
final class Pace {
    /**
     * Pace a little under the limit while what a window has left or when it resets is not known: a request may
     * reach the server a little later than it starts, and a few of them crowding into one window would cost a 429.
     * (Remaining keeps a window from being overdrawn once its first answers are back; where it and the reset are
     * known, the window is spent in full.)
     */
    static final double MARGIN = 0.99;
    /**
     * The share of a window's requests that may start at once after a quiet spell, in slots the even pace left
     * unused: at the start of a Harvest v1 backfill the first answer and the counts keep requests back for 2-4 s of
     * a 10-s window whose reset is not known (v1 sends it only with a 429), and paced evenly from there the window
     * ends with a fifth of it unspent.
     */
    static final double CATCH_UP_SHARE = 0.2;

    private Pace() {
    }

    /** Requests per second at {@code usable} requests per {@code window} and this worker's share of them. */
    static double requestsPerSecond(int usable, double workerShare, Duration window) {
        return usable * workerShare * MARGIN / (window.toNanos() / 1e9);
    }

    /**
     * The gap before the next request.
     *
     * @param left       requests the window has left for this budget, or null where unknown
     * @param untilReset the time until the window resets, or null where unknown
     */
    static Duration gap(Duration window, int usable, double workerShare, Integer left, Duration untilReset) {
        Duration even = Duration.ofNanos((long) (window.toNanos() / (usable * workerShare * MARGIN)));
        if (left == null || untilReset == null || left <= 0 || untilReset.isNegative() || untilReset.isZero()) {
            return even;
        }
        // what is left and when it resets are known: X-RateLimit-Remaining keeps the window from being overdrawn,
        // so no margin is needed to spend all of it
        Duration exact = Duration.ofNanos((long) (window.toNanos() / (usable * workerShare)));
        // the other workers spend their shares of what is left too
        Duration catchUp = Duration.ofNanos((long) (untilReset.toNanos() / (left * workerShare)));
        return catchUp.compareTo(exact) < 0 ? catchUp : exact;
    }
}
