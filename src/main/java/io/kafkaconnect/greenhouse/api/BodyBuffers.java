package io.kafkaconnect.greenhouse.api;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Arrays to read answers' bodies into, used again once an answer is read: a page of 500 Harvest records is one to
 * two megabytes, which as a fresh array per answer is a G1 humongous object at every request. Keeps at most
 * {@code count} spare arrays (the largest) of at most {@code maxBytes} each (a larger body's array is left to the
 * collector), softly: the collector takes them back when the heap runs short or a task leaves them unused for long.
 */
final class BodyBuffers {
    private final int count;
    private final int maxBytes;
    private final Deque<SoftReference<byte[]>> spare = new ArrayDeque<>();

    BodyBuffers(int count, int maxBytes) {
        this.count = count;
        this.maxBytes = maxBytes;
    }

    /**
     * An array of at least {@code length} bytes, the caller's alone until it {@link #give gives} it back: a spare one
     * large enough, else a new one with a quarter more room (within {@code maxBytes}), as pages differ in size.
     */
    synchronized byte[] take(int length) {
        for (Iterator<SoftReference<byte[]>> it = spare.iterator(); it.hasNext(); ) {
            byte[] buffer = it.next().get();
            if (buffer == null) {
                it.remove();
            } else if (buffer.length >= length) {
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
        spare.removeIf(ref -> ref.get() == null);
        if (spare.size() == count) {
            // full: keep the larger arrays, which fit more pages
            SoftReference<byte[]> smallest = null;
            int smallestLength = Integer.MAX_VALUE;
            for (SoftReference<byte[]> ref : spare) {
                byte[] b = ref.get();
                int length = b == null ? -1 : b.length;
                if (length < smallestLength) {
                    smallest = ref;
                    smallestLength = length;
                }
            }
            if (smallestLength >= buffer.length) {
                return;
            }
            spare.remove(smallest);
        }
        spare.addFirst(new SoftReference<>(buffer));
    }
}
