package io.kafkaconnect.greenhouse.benchmark;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;

/**
 * The ids a backfill must deliver, and which of them were delivered: a sorted {@code long[]} plus a bit per id
 * (about 8 bytes per expected record, so the benchmark's own bookkeeping barely shows in the heap figures).
 */
final class IdSet {
    private final long[] expected;
    private final BitSet seen;
    private int distinct;
    private long unexpected;

    IdSet(Collection<Long> ids) {
        expected = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        seen = new BitSet(expected.length);
    }

    /** Marks an id as delivered; returns true the first time an expected id is seen. */
    boolean mark(long id) {
        int i = Arrays.binarySearch(expected, id);
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
