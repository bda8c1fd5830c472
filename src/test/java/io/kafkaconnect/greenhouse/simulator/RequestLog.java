package io.kafkaconnect.greenhouse.simulator;

import java.util.ArrayDeque;
import java.util.List;

/** Thread-safe, bounded log of answered requests (the oldest entries are dropped beyond the capacity). */
final class RequestLog {
    private final ArrayDeque<LoggedRequest> entries = new ArrayDeque<>();
    private final int capacity;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(LoggedRequest request) {
        if (entries.size() >= capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized List<LoggedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
