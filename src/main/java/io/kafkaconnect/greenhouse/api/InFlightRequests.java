package io.kafkaconnect.greenhouse.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.TreeMap;

/**
 * When a budget's requests started: those still waiting for their answer, and the last {@code limit} ones (which
 * tell when a spent window frees a request). Guarded by its budget's lock.
 */
final class InFlightRequests {
    /** How many starts are kept while the limit is unknown. */
    private static final int UNKNOWN_LIMIT_KEPT = 1_000;
    private int count;
    /** When the requests in flight started: start → how many. */
    private final TreeMap<Instant, Integer> startedAt = new TreeMap<>();
    /** When our last {@code limit} requests started, oldest first (none are kept while the limit is unknown). */
    private final ArrayDeque<Instant> recentStarts = new ArrayDeque<>();

    /** A request started at {@code now}, under a limit of {@code limit} requests per window (null: unknown). */
    void started(Instant now, Integer limit) {
        count++;
        startedAt.merge(now, 1, Integer::sum);
        recentStarts.addLast(now);
        // while the limit is unknown (the first request), keep what starts: it counts in the first window
        while (recentStarts.size() > (limit == null ? UNKNOWN_LIMIT_KEPT : limit)) {
            recentStarts.pollFirst();
        }
    }

    /** The request that started at {@code started} has its answer (or failed); unknown starts are ignored. */
    void answered(Instant started) {
        Integer n = startedAt.get(started);
        if (n == null) {
            return;
        }
        if (n == 1) {
            startedAt.remove(started);
        } else {
            startedAt.put(started, n - 1);
        }
        count = Math.max(0, count - 1);
    }

    int count() {
        return count;
    }

    /** The requests in flight that started after {@code started}. */
    int startedAfter(Instant started) {
        return startedAt.tailMap(started, false).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** When the first of our last {@code limit} requests started, or null where fewer have started. */
    Instant firstOfLast(int limit) {
        if (recentStarts.size() < limit) {
            return null;
        }
        // more are kept while the limit was unknown: the first of the last {@code limit}
        return recentStarts.stream().skip(recentStarts.size() - limit).findFirst().orElseThrow();
    }
}
