package io.kafkaconnect.greenhouse.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The mutable state of one resource, stored column-wise and sorted by id (ids only grow, so inserts append):
 * id, version, created and updated timestamps (epoch ms). Record bodies are not stored; {@link RecordRenderer}
 * derives them deterministically from a {@link Row}. A 200,000-record resource costs a few MB, and a page query
 * is one pass over primitive arrays under a read lock.
 *
 * <p>The seeded prefix (index &lt; {@link #seededCount}) also keeps its original timestamps, so other
 * resources can embed or reference seeded records stably.
 */
final class ResourceStore {

    /** One record's state at the moment it was read. */
    record Row(int index, long id, int version, long created, long updated) {
    }

    /** A page of rows plus what the caller needs for Link headers. */
    record Page(List<Row> rows, long total, boolean hasMore) {
    }

    private static final long THREE_YEARS_MS = Duration.ofDays(3 * 365 + 1).toMillis();

    final Resource resource;
    final int seededCount;
    private final long[] seedIds;
    private final long[] seedCreated;
    private final long[] seedUpdated;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] ids;
    private long[] created;
    private long[] updated;
    private int[] versions;
    /** Hard-deleted rows: gone from every list and lookup; they keep their index, so other rows render the same. */
    private boolean[] gone;
    private int goneCount;
    private int size;

    private ResourceStore(Resource resource, long[] ids, long[] created, long[] updated) {
        this.resource = resource;
        this.seededCount = ids.length;
        this.seedIds = ids.clone();
        this.seedCreated = created.clone();
        this.seedUpdated = updated.clone();
        int capacity = Math.max(16, ids.length + ids.length / 8);
        this.ids = Arrays.copyOf(ids, capacity);
        this.created = Arrays.copyOf(created, capacity);
        this.updated = Arrays.copyOf(updated, capacity);
        this.versions = new int[capacity];
        this.gone = new boolean[capacity];
        Arrays.fill(this.versions, 0, ids.length, 1);
        this.size = ids.length;
    }

    /**
     * Seed {@code count} records: ids ascending with small random gaps, created_at spread over the three years
     * before {@code epochMs} (ascending with id), updated_at in [created_at, epochMs), with about 10% of records
     * sharing their updated_at with a neighbour and a few clusters sharing "bulk import" instants.
     */
    static ResourceStore seed(Resource resource, int count, long seed, long epochMs) {
        return seed(resource, count, seed, epochMs, null);
    }

    /**
     * As {@link #seed(Resource, int, long, long)}, with the ids given (ascending, {@code count} of them) instead of
     * drawn from the resource's range; null draws them.
     */
    static ResourceStore seed(Resource resource, int count, long seed, long epochMs, long[] givenIds) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + resource.ordinal() * 7919L + 17);
        long[] ids = new long[count];
        long[] created = new long[count];
        long[] updated = new long[count];
        long id = resource.firstId;
        long start = epochMs - THREE_YEARS_MS;
        long latest = epochMs - 60_000; // everything seeded is strictly older than the start time
        for (int i = 0; i < count; i++) {
            id += 1 + rnd.nextInt(resource.maxIdGap);
            ids[i] = givenIds != null ? givenIds[i] : id;
            created[i] = start + (long) (rnd.nextDouble() * (latest - 3_600_000 - start));
        }
        Arrays.sort(created);
        long[] bulk = new long[Math.max(3, count / 250)];
        for (int b = 0; b < bulk.length; b++) {
            bulk[b] = start + (long) (rnd.nextDouble() * (latest - start));
        }
        Arrays.sort(bulk);
        for (int i = 0; i < count; i++) {
            double r = rnd.nextDouble();
            if (r < 0.25) {
                updated[i] = created[i]; // never edited since creation
            } else if (r < 0.33) {
                int first = lowerBound(bulk, created[i]);
                updated[i] = first < bulk.length ? bulk[first + rnd.nextInt(bulk.length - first)] : created[i];
            } else {
                double skew = Math.sqrt(rnd.nextDouble()); // edits lean towards the recent past
                updated[i] = created[i] + (long) (skew * (latest - created[i]));
            }
        }
        for (int i = 3; i < count; i += 10) { // deterministic pairs with identical updated_at
            long shared = Math.max(updated[i - 1], created[i]);
            updated[i] = shared;
            updated[i - 1] = shared;
        }
        return new ResourceStore(resource, ids, created, updated);
    }

    private static int lowerBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == key) {
            i--;
        }
        return i;
    }

    // ---- seeded prefix: immutable, readable without locking ----

    long seedId(int index) {
        return seedIds[index];
    }

    long seedCreated(int index) {
        return seedCreated[index];
    }

    long seedUpdated(int index) {
        return seedUpdated[index];
    }

    /** Index of a seeded id, or -1. */
    int seedIndexOf(long id) {
        int i = Arrays.binarySearch(seedIds, id);
        return i < 0 ? -1 : i;
    }

    // ---- reads ----

    int size() {
        lock.readLock().lock();
        try {
            return size - goneCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    Row get(long id) {
        lock.readLock().lock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            return i < 0 || gone[i] ? null : row(i);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Rows {@code offset .. offset+limit-1} of the filtered set in {@code order}, as it is right now. With
     * {@code countTotal} the whole filtered set is counted; otherwise {@code total} is -1.
     */
    Page pageByOffset(RecordFilter filter, long offset, int limit, boolean countTotal, Comparator<Row> order) {
        lock.readLock().lock();
        try {
            List<Row> matching = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (!gone[i] && filter.matches(ids[i], created[i], updated[i])) {
                    matching.add(row(i));
                }
            }
            matching.sort(order);
            List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
            for (long k = offset; k < matching.size() && rows.size() < limit; k++) {
                rows.add(matching.get((int) k));
            }
            return new Page(rows, countTotal ? matching.size() : -1, offset + limit < matching.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Rows {@code offset .. offset+limit-1} of the filtered set in id order, as it is right now. With
     * {@code countTotal} the whole filtered set is counted; otherwise {@code total} is -1 and the scan stops one
     * row after the page (for {@code hasMore}).
     */
    Page pageByOffset(RecordFilter filter, long offset, int limit, boolean countTotal) {
        lock.readLock().lock();
        try {
            List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
            if (filter.isAll() && goneCount == 0) {
                for (long i = offset; i < size && rows.size() < limit; i++) {
                    rows.add(row((int) i));
                }
                return new Page(rows, countTotal ? size : -1, offset + limit < size);
            }
            long matched = 0;
            boolean more = false;
            for (int i = 0; i < size; i++) {
                if (gone[i] || !filter.matches(ids[i], created[i], updated[i])) {
                    continue;
                }
                if (matched >= offset && rows.size() < limit) {
                    rows.add(row(i));
                } else if (matched >= offset + limit) {
                    more = true;
                    if (!countTotal) {
                        break;
                    }
                }
                matched++;
            }
            return new Page(rows, countTotal ? matched : -1, more);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code limit} filtered rows with id &gt; {@code afterId}, ascending. */
    List<Row> ascendingAfter(RecordFilter filter, long afterId, int limit) {
        lock.readLock().lock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, afterId);
            i = i < 0 ? -i - 1 : i + 1;
            List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
            for (; i < size && rows.size() < limit; i++) {
                if (!gone[i] && filter.matches(ids[i], created[i], updated[i])) {
                    rows.add(row(i));
                }
            }
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code limit} filtered rows with id &lt; {@code beforeId}, descending (keyset paging). */
    List<Row> descendingBefore(RecordFilter filter, long beforeId, int limit) {
        lock.readLock().lock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, beforeId);
            i = i < 0 ? -i - 2 : i - 1;
            List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
            for (; i >= 0 && rows.size() < limit; i--) {
                if (!gone[i] && filter.matches(ids[i], created[i], updated[i])) {
                    rows.add(row(i));
                }
            }
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A consistent copy of every row, in id order. */
    List<Row> snapshot() {
        lock.readLock().lock();
        try {
            List<Row> rows = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                if (!gone[i]) {
                    rows.add(row(i));
                }
            }
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Row row(int i) {
        return new Row(i, ids[i], versions[i], created[i], updated[i]);
    }

    // ---- writes ----

    /** Bump the version and set updated = max(now, previous + 1 ms). Returns the new row, or null if unknown. */
    Row edit(long id, long nowMs) {
        lock.writeLock().lock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            if (i < 0 || gone[i]) {
                return null;
            }
            versions[i]++;
            updated[i] = Math.max(nowMs, updated[i] + 1);
            return row(i);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Hard-deletes a record: it is gone from every list and lookup, as a record deleted in Greenhouse is (the API has
     * no delete feed). Returns false if there is no such record.
     */
    boolean delete(long id) {
        lock.writeLock().lock();
        try {
            int i = Arrays.binarySearch(ids, 0, size, id);
            if (i < 0 || gone[i]) {
                return false;
            }
            gone[i] = true;
            goneCount++;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Append a record with an id above all others and created = updated = now. */
    Row insert(long nowMs, Random rnd) {
        lock.writeLock().lock();
        try {
            if (size == ids.length) {
                int capacity = ids.length + Math.max(16, ids.length / 2);
                ids = Arrays.copyOf(ids, capacity);
                created = Arrays.copyOf(created, capacity);
                updated = Arrays.copyOf(updated, capacity);
                versions = Arrays.copyOf(versions, capacity);
                gone = Arrays.copyOf(gone, capacity);
            }
            long last = size == 0 ? resource.firstId : ids[size - 1];
            ids[size] = last + 1 + rnd.nextInt(resource.maxIdGap);
            created[size] = nowMs;
            updated[size] = nowMs;
            versions[size] = 1;
            size++;
            return row(size - 1);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Edit {@code n} distinct random records so that they all get the same updated value (now, or just above
     * the largest previous value if the clock is behind). Returns the new rows in id order.
     */
    List<Row> bulkEdit(int n, long nowMs, Random rnd) {
        lock.writeLock().lock();
        try {
            if (n > size) {
                throw new IllegalArgumentException("bulkEdit of " + n + " but only " + size + " " + resource.resourceName);
            }
            if (n > size - goneCount) {
                throw new IllegalArgumentException("bulkEdit of " + n + " but only " + (size - goneCount) + " "
                        + resource.resourceName);
            }
            Set<Integer> picked = new LinkedHashSet<>();
            while (picked.size() < n) {
                int i = rnd.nextInt(size);
                if (!gone[i]) {
                    picked.add(i);
                }
            }
            long ts = nowMs;
            for (int i : picked) {
                ts = Math.max(ts, updated[i] + 1);
            }
            List<Row> rows = new ArrayList<>(n);
            for (int i : picked.stream().sorted().toList()) {
                versions[i]++;
                updated[i] = ts;
                rows.add(row(i));
            }
            return rows;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The id of a uniformly random current record, or -1 if empty. */
    long randomId(Random rnd) {
        lock.readLock().lock();
        try {
            if (size == goneCount) {
                return -1;
            }
            int i;
            do {
                i = rnd.nextInt(size);
            } while (gone[i]);
            return ids[i];
        } finally {
            lock.readLock().unlock();
        }
    }
}
