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
    void heardRemaining(int said, int notCounted, Instant started, Instant now) {
        boolean newest = remaining == null || (started != null && started.isAfter(remainingAsOf));
        if (newest) {
            remaining = said - notCounted;
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
    }

    /** An answer said the window resets at {@code reset}; a reset not cut short teaches the window's length. */
    void heardReset(Instant reset, String said, Instant now, boolean cutShort) {
        if (!cutShort) {
            learnLength(reset, now);
        }
        resetsAt = reset;
        resetSaid = said;
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
        if (resetsAt != null && !now.isBefore(resetsAt)) {
            resetsAt = null;
            resetSaid = null;
            remaining = null;
        }
    }

    /** Throttled at {@code now}: nothing remains, and the window lasts at least until {@code until}. */
    void throttled(Instant now, Instant until, String because) {
        remaining = 0;
        remainingAsOf = now;
        heardAt = now;
        if (resetsAt == null || resetsAt.isBefore(until)) {
            resetsAt = until;
            resetSaid = resetSaid == null ? "(none; " + because + ")" : resetSaid;
        }
    }
}
