package io.kafkaconnect.greenhouse.api;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Arrays to read answers' bodies into, used again once an answer is read: a page of 500 Harvest records is one to
 * two megabytes, which as a fresh array per answer is a G1 humongous object at every request. Keeps at most
 * {@code count} spare arrays of at most {@code maxBytes} each (a larger body's array is left to the collector).
 */
final class BodyBuffers {
    private final int count;
    private final int maxBytes;
    private final Deque<byte[]> spare = new ArrayDeque<>();

    BodyBuffers(int count, int maxBytes) {
        this.count = count;
        this.maxBytes = maxBytes;
    }

    /** An array of at least {@code length} bytes, the caller's alone until it {@link #give gives} it back. */
    synchronized byte[] take(int length) {
        byte[] buffer = spare.pollFirst();
        return buffer != null && buffer.length >= length ? buffer : new byte[length];
    }

    /** An array {@link #take taken} before, whose contents nobody reads any more. */
    synchronized void give(byte[] buffer) {
        if (spare.size() < count && buffer.length <= maxBytes) {
            spare.addFirst(buffer);
        }
    }
}
