package io.kafkaconnect.greenhouse.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The pace of one connector's tasks inside the budget of a credential that several connectors share: when its next
 * request may start, and when its requests of the last window started (so that it starts no more than its fraction
 * of the limit in a window, however the others spend theirs). Guarded by its budget's lock.
 */
final class ConnectorPace {
    private Instant nextSlot = Instant.MIN;
    /** When its requests started, oldest first: those of the last window only. */
    private final ArrayDeque<Instant> starts = new ArrayDeque<>();

    Instant nextSlot() {
        return nextSlot;
    }

    /** A request started at {@code now}; the next may start at {@code next}. */
    void started(Instant now, Instant next) {
        starts.addLast(now);
        nextSlot = next;
    }

    /** The requests started since {@code since}, which is at most a {@code window} before {@code now}. */
    int startedSince(Instant since, Instant now, Duration window) {
        forgetBefore(now.minus(window));
        return (int) starts.stream().filter(t -> !t.isBefore(since)).count();
    }

    /**
     * When one of its {@code cap} latest requests started since {@code since} will be a {@code window} ago, or null
     * where fewer than {@code cap} started since then.
     */
    Instant underCapAt(int cap, Instant since, Instant now, Duration window) {
        int started = startedSince(since, now, window);
        if (started < cap) {
            return null;
        }
        Iterator<Instant> oldest = starts.descendingIterator();
        Instant capth = null;
        for (int i = 0; i < cap; i++) {
            capth = oldest.next();
        }
        return capth.plus(window);
    }

    private void forgetBefore(Instant since) {
        while (!starts.isEmpty() && !starts.peekFirst().isAfter(since)) {
            starts.pollFirst();
        }
    }
}
