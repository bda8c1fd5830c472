package io.kafkaconnect.greenhouse.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A time-window and id filter over store rows. Bounds are in epoch milliseconds, minimum inclusive and maximum
 * exclusive; the conversions from API operators (gte, gt, lte, lt, *_after, *_before) live in {@link #lowerBound}
 * and {@link #upperBound}.
 */
final class RecordFilter {
    static final RecordFilter ALL = new RecordFilter(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, null);

    final long createdMin;
    final long createdMax;
    final long updatedMin;
    final long updatedMax;
    /** Sorted ids to keep, or null for all. */
    final long[] ids;
    /**
     * A test on the id for filters on facts that never change (e.g. {@code active=false} job posts, default
     * rejection reasons), or null for all.
     */
    final LongPredicate keep;

    RecordFilter(long createdMin, long createdMax, long updatedMin, long updatedMax, long[] ids) {
        this(createdMin, createdMax, updatedMin, updatedMax, ids, null);
    }

    RecordFilter(long createdMin, long createdMax, long updatedMin, long updatedMax, long[] ids, LongPredicate keep) {
        this.createdMin = createdMin;
        this.createdMax = createdMax;
        this.updatedMin = updatedMin;
        this.updatedMax = updatedMax;
        this.ids = ids;
        this.keep = keep;
    }

    RecordFilter withCreated(long min, long max) {
        return new RecordFilter(Math.max(createdMin, min), Math.min(createdMax, max), updatedMin, updatedMax, ids, keep);
    }

    RecordFilter withUpdated(long min, long max) {
        return new RecordFilter(createdMin, createdMax, Math.max(updatedMin, min), Math.min(updatedMax, max), ids, keep);
    }

    RecordFilter withIds(long[] sortedIds) {
        return new RecordFilter(createdMin, createdMax, updatedMin, updatedMax, sortedIds, keep);
    }

    /** Also requires {@code test} (null: no change). */
    RecordFilter withKeep(LongPredicate test) {
        if (test == null) {
            return this;
        }
        LongPredicate both = keep == null ? test : keep.and(test);
        return new RecordFilter(createdMin, createdMax, updatedMin, updatedMax, ids, both);
    }

    boolean isAll() {
        return createdMin == Long.MIN_VALUE && createdMax == Long.MAX_VALUE && updatedMin == Long.MIN_VALUE
                && updatedMax == Long.MAX_VALUE && ids == null && keep == null;
    }

    boolean matches(long id, long created, long updated) {
        return created >= createdMin && created < createdMax && updated >= updatedMin && updated < updatedMax
                && (ids == null || Arrays.binarySearch(ids, id) >= 0) && (keep == null || keep.test(id));
    }

    /**
     * Inclusive lower bound in ms for "value >= t" ({@code inclusive}) or "value > t". Record timestamps have
     * millisecond precision; t may be finer.
     */
    static long lowerBound(Instant t, boolean inclusive) {
        long floor = floorMillis(t);
        boolean exact = t.getNano() % 1_000_000 == 0;
        if (inclusive) {
            return exact ? floor : floor + 1;
        }
        return floor + 1;
    }

    /** Exclusive upper bound in ms for "value < t" ({@code inclusive} false) or "value <= t". */
    static long upperBound(Instant t, boolean inclusive) {
        long floor = floorMillis(t);
        boolean exact = t.getNano() % 1_000_000 == 0;
        if (inclusive) {
            return floor + 1;
        }
        return exact ? floor : floor + 1;
    }

    private static long floorMillis(Instant t) {
        return t.getEpochSecond() * 1000 + t.getNano() / 1_000_000;
    }
}
