package io.kafkaconnect.greenhouse.benchmark;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.UUID;

/**
 * The ids a backfill must deliver, and which of them were delivered: a sorted {@code long[]} plus a bit per id
 * (about 8 bytes per expected record, so the benchmark's own bookkeeping barely shows in the heap figures).
 */
final class IdSet {
    private final long[] expected;
    private final BitSet seen;
    private int distinct;
    private long unexpected;

    private IdSet(long[] ids) {
        expected = ids;
        Arrays.sort(expected);
        seen = new BitSet(expected.length);
    }

    /** Integer ids (Harvest) or UUID strings (Ashby). */
    static IdSet of(Collection<?> ids) {
        return new IdSet(ids.stream().mapToLong(IdSet::keyOf).toArray());
    }

    /** Integer ids, as they are. */
    static IdSet of(long[] ids) {
        return new IdSet(ids.clone());
    }

    /** An id as a long: integer ids as they are, a UUID as the XOR of its halves. */
    static long keyOf(Object id) {
        if (id instanceof Long n) {
            return n;
        }
        UUID uuid = UUID.fromString(String.valueOf(id));
        return uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
    }

    /** Marks an id as delivered; returns true the first time an expected id is seen. */
    boolean mark(Object id) {
        int i = Arrays.binarySearch(expected, keyOf(id));
        if (i < 0) {
            unexpected++;
            return false;
        }
        if (seen.get(i)) {
            return false;
        }
        seen.set(i);
        distinct++;
        return true;
    }

    int size() {
        return expected.length;
    }

    int distinct() {
        return distinct;
    }

    long unexpected() {
        return unexpected;
    }

    boolean complete() {
        return distinct == expected.length;
    }
}
