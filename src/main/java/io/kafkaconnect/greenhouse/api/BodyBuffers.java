package io.kafkaconnect.greenhouse.api;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;

/**
 * Arrays to read answers' bodies into, used again once an answer is read: a page of 500 Harvest records is one to
 * two megabytes, which as a fresh array per answer is a G1 humongous object at every request. Keeps at most
 * {@code count} spare arrays (the largest) of at most {@code maxBytes} each (a larger body's array is left to the
 * collector).
 */
final class BodyBuffers {
    private final int count;
    private final int maxBytes;
    private final Deque<byte[]> spare = new ArrayDeque<>();

    BodyBuffers(int count, int maxBytes) {
        this.count = count;
        this.maxBytes = maxBytes;
    }

    /**
     * An array of at least {@code length} bytes, the caller's alone until it {@link #give gives} it back: a spare one
     * large enough, else a new one with a quarter more room (within {@code maxBytes}), as pages differ in size.
     */
    synchronized byte[] take(int length) {
        for (Iterator<byte[]> it = spare.iterator(); it.hasNext(); ) {
            byte[] buffer = it.next();
            if (buffer.length >= length) {
                it.remove();
                return buffer;
            }
        }
        int roomy = (int) Math.min(maxBytes, length + (long) length / 4);
        return new byte[Math.max(length, roomy)];
    }

    /** An array {@link #take taken} before, whose contents nobody reads any more. */
    synchronized void give(byte[] buffer) {
        if (buffer.length > maxBytes) {
            return;
        }
        if (spare.size() == count) {
            // full: keep the larger arrays, which fit more pages
            byte[] smallest = spare.stream().min(Comparator.comparingInt(b -> b.length)).orElseThrow();
            if (smallest.length >= buffer.length) {
                return;
            }
            spare.remove(smallest);
        }
        spare.addFirst(buffer);
    }
}
