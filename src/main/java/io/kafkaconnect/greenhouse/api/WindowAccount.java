package io.kafkaconnect.greenhouse.api;

import java.time.Duration;
import java.time.Instant;

/**
 * What the answers told of the current rate-limit window: how many requests it has left, when it resets (and what
 * said so), and how long windows really are. The answer to the request that started last is taken as it is (so a
 * new window shows itself even without a reset time); older answers can only lower what remains. Guarded by its
 * budget's lock.
 */
final class WindowAccount {
    private Duration length;
    private Integer remaining;
    /** When the request started whose answer set {@link #remaining}: answers to older ones can only lower it. */
    private Instant remainingAsOf;
    /** When an answer last told what remains. */
    private Instant heardAt;
    private Instant resetsAt;
    private String resetSaid;
    private Instant lastReset;
    /**
     * {@link #resetsAt} is not what the API said but inferred: where no reset time is sent (Harvest v1 on 2xx
     * answers), a fixed window shows where it begins when what remains jumps up between two answers; its next
     * reset comes a window later at the latest, and so on, until an answer shows a window that did not reset.
     */
    private boolean resetInferred;
    /** Requests started since the last inferred reset passed (to check that it did reset). */
    private int startedSinceInferredReset;
    /** An inferred reset passed and no answer to a request started after it has been heard yet. */
    private boolean checkInferredReset;

    WindowAccount(Duration length) {
        this.length = length;
    }

    /** The window's length: the documented one until reset times show another. */
    Duration length() {
        return length;
    }

    /** The requests left in the window, less those started since the answer that told; null where unknown. */
    Integer remaining() {
        return remaining;
    }

    /** Whether no request is left of the window after {@code reserved} are kept back. */
    boolean spent(int reserved) {
        return remaining != null && remaining - reserved <= 0;
    }

    Instant heardAt() {
        return heardAt;
    }

    /** When the window resets, or null where no reset is known. */
    Instant resetsAt() {
        return resetsAt;
    }

    /** What said when the window resets. */
    String resetSaid() {
        return resetSaid;
    }

    /**
     * An answer said {@code said} requests remain; {@code notCounted} requests in flight started after the one it
     * answers (started at {@code started}, null: unknown), which the server had not counted yet.
     */
    void heardRemaining(int said, int notCounted, Instant started, Instant now, Integer limit) {
        boolean after = started != null && remainingAsOf != null && started.isAfter(remainingAsOf);
        boolean newest = remaining == null ? remainingAsOf == null || started == null || after : after;
        if (!newest && remaining == null) {
            return; // an answer from before an inferred reset: the window it tells of is over
        }
        if (newest) {
            int left = said - notCounted;
            if (checkInferredReset && started != null) {
                checkInferredReset = false;
                if (limit != null && said + startedSinceInferredReset <= limit / 2) {
                    resetInferred = false; // the window did not reset: not a fixed window after all
                    resetsAt = null;
                    resetSaid = null;
                }
            } else if (limit != null && remaining != null && started != null
                    && (resetsAt == null || resetInferred) && left - remaining > limit / 2) {
                // what remained jumped up: a fixed window began after the request answered before, by the start of
                // this one at the latest; the next reset is a window after that at the latest
                resetsAt = started.plus(length);
                resetSaid = "(none; inferred: " + RateHeaders.REMAINING + " rose from " + remaining + " to " + left
                        + ")";
                resetInferred = true;
            }
            remaining = left;
            remainingAsOf = started != null ? started : now;
        } else {
            remaining = Math.min(remaining, said - notCounted);
        }
        heardAt = now;
    }

    /** No answer told anything for a while: {@code requests} may go, to learn the present. */
    void guessRemaining(int requests, Instant now) {
        remaining = requests;
        remainingAsOf = Instant.MIN; // a guess: any answer tells more
        heardAt = now;
    }

    /** A request started: one fewer remains. */
    void started() {
        if (remaining != null) {
            remaining--;
        }
        startedSinceInferredReset++;
    }

    /** An answer said the window resets at {@code reset}; a reset not cut short teaches the window's length. */
    void heardReset(Instant reset, String said, Instant now, boolean cutShort) {
        if (!cutShort) {
            learnLength(reset, now);
        }
        resetsAt = reset;
        resetSaid = said;
        resetInferred = false;
        checkInferredReset = false;
    }

    /**
     * A fixed window shows itself when its reset time jumps by a whole window once the old reset has passed (less
     * than a window ago: reset times heard only now and then, as from 429s, may lie several windows apart);
     * pacing then follows the API's real window rather than the documented one.
     */
    private void learnLength(Instant reset, Instant now) {
        Instant previous = lastReset;
        lastReset = reset;
        if (previous == null || now.isBefore(previous) || !now.isBefore(previous.plus(length))) {
            return;
        }
        Duration jump = Duration.between(previous, reset);
        if (jump.compareTo(Duration.ofSeconds(1)) >= 0 && jump.compareTo(Duration.ofMinutes(10)) <= 0) {
            length = jump;
        }
    }

    /** Forgets what remained once the window has reset: the next answer tells the new one's state. */
    void forgetIfReset(Instant now) {
        if (resetsAt == null || now.isBefore(resetsAt)) {
            return;
        }
        remaining = null;
        if (resetInferred) {
            // answers to requests started before the reset tell of the window that ended
            remainingAsOf = resetsAt;
            while (!now.isBefore(resetsAt)) {
                resetsAt = resetsAt.plus(length);
            }
            startedSinceInferredReset = 0;
            checkInferredReset = true;
        } else {
            resetsAt = null;
            resetSaid = null;
        }
    }

    /** Throttled at {@code now}: nothing remains, and the window lasts at least until {@code until}. */
    void throttled(Instant now, Instant until, String because) {
        if (resetInferred) {
            resetInferred = false;
            checkInferredReset = false;
            resetsAt = null;
            resetSaid = null;
        }
        remaining = 0;
        remainingAsOf = now;
        heardAt = now;
        if (resetsAt == null || resetsAt.isBefore(until)) {
            resetsAt = until;
            resetSaid = resetSaid == null ? "(none; " + because + ")" : resetSaid;
        }
    }
}
