package io.kafkaconnect.greenhouse.simulator.core;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Thread-safe, bounded log of answered requests (the oldest entries are dropped beyond the capacity).
 *
 * @param <T> the entry type ({@link LoggedRequest} for Harvest, the Ashby simulator has its own)
 */
public final class RequestLog<T> {
    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private final int capacity;

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(T request) {
        if (entries.size() >= capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    public synchronized List<T> snapshot() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
