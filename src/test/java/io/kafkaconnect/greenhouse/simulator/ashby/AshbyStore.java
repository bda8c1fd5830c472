package io.kafkaconnect.greenhouse.simulator.ashby;

import io.kafkaconnect.greenhouse.simulator.core.SimClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * The mutable state of every resource and the change log behind sync tokens. Per record only a few primitives are
 * kept (created, updated, sequence, version; ids are computed, see {@link AshbyIds}); {@link AshbyRenderer} makes
 * the JSON on demand. 200,000 records cost about 8 MB.
 *
 * <p>Sequences: one global counter; every seed, insert and edit gives the record the next number and appends
 * (sequence, index) to its resource's change log. A log entry is current while the record still has that sequence,
 * so "records changed after S" is a scan of the log from S that skips stale entries.
 *
 * <p>Records of a resource are kept in creation order: seeded records have strictly increasing createdAt, inserts
 * get createdAt = max(now, last createdAt + 1 ms). Index order is therefore (createdAt, insertion) order, which
 * is the full-pass order.
 *
 * <p>Application history is derived: every application has 1..6 seeded stage entries (one if inserted) spread over
 * [createdAt, seeded updatedAt]; an application edit moves it to the next stage in about half the cases, appending
 * an entry at the edit time. Candidate notes grow the same way (0..2 seeded, none if inserted).
 */
final class AshbyStore {

    /** One record's state when read. {@code stages} is the number of history entries (applications only). */
    record Row(AshbyResource resource, int index, int version, long created, long updated, long seq, int stages,
            boolean inactive) {
    }

    /** Rows of one page, the position to continue from, and whether more records follow. */
    record Page(List<Row> rows, long nextPosition, boolean more) {
    }

    /**
     * One entry of a parent's growing child list (an application's stage history, a candidate's notes): its
     * parent's index, its number in the list, when it was added, and when the next one was (-1 for the last).
     */
    record HistoryEntry(int appIndex, int number, long enteredAt, long leftAt) {
    }

    private static final long THREE_YEARS_MS = Duration.ofDays(3 * 365 + 1).toMillis();
    private static final int MAX_SEEDED = 1 << 23;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<AshbyResource, Table> tables = new EnumMap<>(AshbyResource.class);
    /** Parent (applications, candidates) -> index -> the times of the child entries its edits added, in order. */
    private final Map<AshbyResource, Map<Integer, long[]>> addedChildren = new EnumMap<>(AshbyResource.class);
    private final SimClock clock;
    private final AshbyIds ids;
    private final long seed;
    private final SplittableRandom random;
    private long seq;

    AshbyStore(long seed, Map<AshbyResource, Integer> counts, long epochMs, SimClock clock, AshbyIds ids) {
        this.clock = clock;
        this.ids = ids;
        this.seed = seed;
        this.random = new SplittableRandom(seed ^ 0x6D75746174696F6EL);
        for (AshbyResource r : AshbyResource.values()) {
            if (r.kind != AshbyResource.Kind.CHILD) {
                tables.put(r, seedTable(r, counts.getOrDefault(r, 0), epochMs));
            }
        }
    }

    // ------------------------------------------------------------------ seeding

    private Table seedTable(AshbyResource r, int count, long epochMs) {
        if (count < 0 || count >= MAX_SEEDED) {
            throw new IllegalArgumentException(r.resourceName + ": record count must be in [0, " + MAX_SEEDED + ")");
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + r.code * 7919L + 17);
        Table t = new Table(r, count);
        long start = epochMs - THREE_YEARS_MS;
        long latest = epochMs - 60_000; // everything seeded is older than the simulator's start
        for (int i = 0; i < count; i++) {
            t.created[i] = start + (long) (rnd.nextDouble() * (latest - 3_600_000 - start));
        }
        Arrays.sort(t.created, 0, count);
        for (int i = 1; i < count; i++) {
            t.created[i] = Math.max(t.created[i], t.created[i - 1] + 1); // strictly increasing
        }
        long[] order = new long[count];
        for (int i = 0; i < count; i++) {
            double p = rnd.nextDouble();
            long updated = p < 0.25 ? t.created[i]
                    : t.created[i] + (long) (Math.sqrt(rnd.nextDouble()) * (latest - t.created[i]));
            t.updated[i] = updated;
            t.seedUpdated[i] = updated;
            t.versions[i] = 1;
            order[i] = ((updated - start) << 23) | i;
        }
        Arrays.sort(order); // sequences follow updatedAt, as if the records had been changed in that order
        for (long o : order) {
            int i = (int) (o & (MAX_SEEDED - 1));
            t.seqs[i] = ++seq;
            t.log(seq, i);
        }
        t.size = count;
        return t;
    }

    // ------------------------------------------------------------------ queries

    long currentSeq() {
        lock.readLock().lock();
        try {
            return seq;
        } finally {
            lock.readLock().unlock();
        }
    }

    int seeded(AshbyResource r) {
        return table(r).seeded;
    }

    int size(AshbyResource r) {
        lock.readLock().lock();
        try {
            return table(r).size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The index of a current record of {@code r} with this id, or -1. */
    int indexOf(AshbyResource r, String id) {
        AshbyIds.Key key = ids.decode(id);
        if (key == null || key.code() != r.code || key.sub() != 0 || key.index() < 0) {
            return -1;
        }
        lock.readLock().lock();
        try {
            Table t = table(r);
            return key.index() < t.size && !t.gone.get(key.index()) ? key.index() : -1;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code limit} records from index {@code from} in full-pass order. */
    Page fullPage(AshbyResource r, long from, int limit, boolean includeInactive) {
        return fullPage(r, from, limit, includeInactive, i -> true);
    }

    /** The same, of the records whose index {@code listed} accepts (e.g. the survey type asked for). */
    Page fullPage(AshbyResource r, long from, int limit, boolean includeInactive, IntPredicate listed) {
        lock.readLock().lock();
        try {
            Table t = table(r);
            List<Row> rows = new ArrayList<>(Math.min(limit, 128));
            int i = (int) Math.min(Math.max(0, from), t.size);
            for (; i < t.size && rows.size() < limit; i++) {
                if (visible(t, i, includeInactive) && listed.test(i)) {
                    rows.add(row(t, i));
                }
            }
            boolean more = false;
            for (int j = i; j < t.size; j++) {
                if (visible(t, j, includeInactive) && listed.test(j)) {
                    more = true;
                    break;
                }
            }
            return new Page(rows, i, more);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} records whose current sequence is in (after, upTo], ordered by sequence. The next position
     * is the sequence of the last log entry examined.
     */
    Page deltaPage(AshbyResource r, long after, long upTo, int limit, boolean includeInactive, IntPredicate listed) {
        lock.readLock().lock();
        try {
            Table t = table(r);
            List<Row> rows = new ArrayList<>(Math.min(limit, 128));
            int e = t.firstLogAfter(after);
            long position = after;
            for (; e < t.logSize && t.logSeq[e] <= upTo && rows.size() < limit; e++) {
                int i = t.logIdx[e];
                position = t.logSeq[e];
                if (t.seqs[i] == t.logSeq[e] && visible(t, i, includeInactive) && listed.test(i)) {
                    rows.add(row(t, i));
                }
            }
            boolean more = false;
            for (; e < t.logSize && t.logSeq[e] <= upTo; e++) {
                int i = t.logIdx[e];
                if (t.seqs[i] == t.logSeq[e] && visible(t, i, includeInactive) && listed.test(i)) {
                    more = true;
                    break;
                }
            }
            return new Page(rows, position, more);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many records a delta (after, upTo] holds, counting at most {@code cap + 1}. */
    int countDelta(AshbyResource r, long after, long upTo, boolean includeInactive, IntPredicate listed, int cap) {
        lock.readLock().lock();
        try {
            Table t = table(r);
            int n = 0;
            for (int e = t.firstLogAfter(after); e < t.logSize && t.logSeq[e] <= upTo && n <= cap; e++) {
                int i = t.logIdx[e];
                if (t.seqs[i] == t.logSeq[e] && visible(t, i, includeInactive) && listed.test(i)) {
                    n++;
                }
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every record in full-pass order. */
    List<Row> all(AshbyResource r, boolean includeInactive) {
        return fullPage(r, 0, Integer.MAX_VALUE, includeInactive).rows();
    }

    /** The current state of one record. */
    Row row(AshbyResource r, int index) {
        lock.readLock().lock();
        try {
            Table t = table(r);
            if (index < 0 || index >= t.size) {
                throw new IllegalArgumentException("no " + r.resourceName + " record at index " + index);
            }
            return row(t, index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The history entries of one application, oldest first. */
    List<HistoryEntry> history(int appIndex) {
        return entries(AshbyResource.APPLICATIONS, appIndex);
    }

    /** The notes of one candidate, oldest first. */
    List<HistoryEntry> notes(int candidateIndex) {
        return entries(AshbyResource.CANDIDATES, candidateIndex);
    }

    /** The growing child list of a parent record: seeded entries over its seeded life, then those its edits added. */
    private List<HistoryEntry> entries(AshbyResource parent, int appIndex) {
        lock.readLock().lock();
        try {
            Table t = table(parent);
            if (appIndex < 0 || appIndex >= t.size) {
                throw new IllegalArgumentException("no " + parent.resourceName + " record at index " + appIndex);
            }
            int base = baseChildren(t, appIndex);
            long[] extra = added(parent, appIndex);
            long[] entered = new long[base + extra.length];
            long c = t.created[appIndex];
            long su = t.seedUpdated[appIndex];
            for (int k = 0; k < base; k++) {
                entered[k] = base == 1 ? c : c + (su - c) * k / (base - 1);
            }

            System.arraycopy(extra, 0, entered, base, extra.length);
            List<HistoryEntry> out = new ArrayList<>(entered.length);
            for (int k = 0; k < entered.length; k++) {
                out.add(new HistoryEntry(appIndex, k, entered[k], k + 1 < entered.length ? entered[k + 1] : -1));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Row row(Table t, int i) {
        int stages = t.resource == AshbyResource.APPLICATIONS
                ? baseChildren(t, i) + added(AshbyResource.APPLICATIONS, i).length : 0;
        return new Row(t.resource, i, t.versions[i], t.created[i], t.updated[i], t.seqs[i], stages, inactive(t, i));
    }

    /** Listed: not hard-deleted, and active or asked for with the inactive ones. */
    private static boolean visible(Table t, int i, boolean includeInactive) {
        return !t.gone.get(i) && (includeInactive || !inactive(t, i));
    }

    private long[] added(AshbyResource parent, int i) {
        return addedChildren.getOrDefault(parent, Map.of()).getOrDefault(i, new long[0]);
    }

    /** Applications: 1..6 seeded stages (1 if inserted); candidates: 0..2 seeded notes (none if inserted). */
    private int baseChildren(Table t, int i) {
        if (t.resource == AshbyResource.CANDIDATES) {
            return i < t.seeded ? (int) Long.remainderUnsigned(AshbyIds.mix(seed ^ (0x4E4FL << 40) ^ i), 3) : 0;
        }
        return i < t.seeded ? 1 + (int) Long.remainderUnsigned(AshbyIds.mix(seed ^ (0x4849L << 40) ^ i), 6) : 1;
    }

    /** Submission i has survey type i mod the number of types. */
    static int surveyType(int index) {
        return index % AshbyResource.SURVEY_TYPES.size();
    }

    /**
     * Deactivated users (every 9th seeded one), archived departments, locations, sources and archive reasons
     * (every 7th seeded one) and draft jobs (every 6th): hidden unless the list flag asks for them. A fact that never
     * changes.
     */
    private static boolean inactive(Table t, int i) {
        if (i >= t.seeded) {
            return false;
        }
        switch (t.resource.flag) {
            case INCLUDE_DEACTIVATED: return i % 9 == 8;
            case INCLUDE_ARCHIVED: return i % 7 == 6;
            case STATUS_WITH_DRAFT: return i % 6 == 5;
            default: return false;
        }
    }

    private Table table(AshbyResource r) {
        Table t = tables.get(r);
        if (t == null) {
            throw new IllegalArgumentException(r.resourceName + " has no records of its own");
        }
        return t;
    }

    // ------------------------------------------------------------------ mutations

    /** Edit one record: version + 1, updatedAt = now (not before createdAt), next sequence. */
    Row edit(AshbyResource r, int index) {
        lock.writeLock().lock();
        try {
            Table t = table(r);
            if (index < 0 || index >= t.size) {
                throw new IllegalArgumentException("no " + r.resourceName + " record at index " + index);
            }
            editLocked(t, index, clock.nowMillis());
            return row(t, index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Insert a record at the end of the full-pass order; returns it. */
    Row insert(AshbyResource r) {
        lock.writeLock().lock();
        try {
            Table t = table(r);
            t.ensureCapacity(t.size + 1);
            int i = t.size;
            long now = clock.nowMillis();
            long created = i == 0 ? now : Math.max(now, t.created[i - 1] + 1);
            t.created[i] = created;
            t.updated[i] = created;
            t.seedUpdated[i] = created;
            t.versions[i] = 1;
            t.seqs[i] = ++seq;
            t.log(seq, i);
            t.size++;
            return row(t, i);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Edit n distinct random records (all if n >= size) with one shared updatedAt; returns them by index. */
    List<Row> bulkEdit(AshbyResource r, int n) {
        lock.writeLock().lock();
        try {
            Table t = table(r);
            BitSet chosen = new BitSet(t.size);
            if (n >= t.size) {
                chosen.set(0, t.size);
            } else if (n > 0) {
                while (chosen.cardinality() < n) {
                    chosen.set(random.nextInt(t.size));
                }
            }
            long now = clock.nowMillis();
            List<Row> out = new ArrayList<>(chosen.cardinality());
            for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
                editLocked(t, i, now);
                out.add(row(t, i));
            }
            return out;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Edits a random record (for background mutations); false if the resource has none. */
    boolean editRandom(AshbyResource r) {
        int index;
        lock.writeLock().lock();
        try {
            Table t = table(r);
            index = t.size == 0 ? -1 : random.nextInt(t.size);
        } finally {
            lock.writeLock().unlock();
        }
        if (index < 0) {
            return false;
        }
        edit(r, index);
        return true;
    }

    private void editLocked(Table t, int i, long now) {
        long updated = Math.max(now, t.created[i]);
        t.versions[i]++;
        t.updated[i] = updated;
        t.seqs[i] = ++seq;
        t.log(seq, i);
        boolean grows = t.resource == AshbyResource.APPLICATIONS || t.resource == AshbyResource.CANDIDATES;
        if (grows && changesStage(i, t.versions[i])) {
            long[] old = added(t.resource, i);
            long last = old.length > 0 ? old[old.length - 1] : t.seedUpdated[i];
            long[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = Math.max(updated, last);
            addedChildren.computeIfAbsent(t.resource, k -> new HashMap<>()).put(i, grown);
        }
    }

    /** Hard-deletes a record: no list shows it from now on, and no delta tells of it. */
    void delete(AshbyResource r, int index) {
        lock.writeLock().lock();
        try {
            Table t = table(r);
            if (index < 0 || index >= t.size || t.gone.get(index)) {
                throw new IllegalArgumentException("no " + r.resourceName + " record at index " + index);
            }
            t.gone.set(index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Whether the edit that made {@code version} moved the application to its next stage, or added a note to the
     * candidate (about half do).
     */
    private boolean changesStage(int index, int version) {
        return (AshbyIds.mix(seed ^ ((long) index << 20) ^ version ^ 0x5354414745L) & 1) == 0;
    }

    // ------------------------------------------------------------------ storage

    /** Column-wise state of one resource, index = creation order. */
    private static final class Table {
        final AshbyResource resource;
        final int seeded;
        long[] created;
        long[] updated;
        long[] seedUpdated;
        long[] seqs;
        int[] versions;
        int size;
        /** Hard-deleted records: in no list (full or delta) from then on; their index stays taken. */
        final java.util.BitSet gone = new java.util.BitSet();
        long[] logSeq;
        int[] logIdx;
        int logSize;

        Table(AshbyResource resource, int seeded) {
            this.resource = resource;
            this.seeded = seeded;
            int capacity = Math.max(16, seeded + seeded / 16);
            created = new long[capacity];
            updated = new long[capacity];
            seedUpdated = new long[capacity];
            seqs = new long[capacity];
            versions = new int[capacity];
            logSeq = new long[capacity];
            logIdx = new int[capacity];
        }

        void ensureCapacity(int n) {
            if (n > created.length) {
                int c = Math.max(n, created.length + created.length / 2);
                created = Arrays.copyOf(created, c);
                updated = Arrays.copyOf(updated, c);
                seedUpdated = Arrays.copyOf(seedUpdated, c);
                seqs = Arrays.copyOf(seqs, c);
                versions = Arrays.copyOf(versions, c);
            }
        }

        void log(long s, int index) {
            if (logSize == logSeq.length) {
                int c = logSeq.length + logSeq.length / 2;
                logSeq = Arrays.copyOf(logSeq, c);
                logIdx = Arrays.copyOf(logIdx, c);
            }
            logSeq[logSize] = s;
            logIdx[logSize] = index;
            logSize++;
        }

        /** The first log position whose sequence is greater than {@code s}. */
        int firstLogAfter(long s) {
            int lo = 0;
            int hi = logSize;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (logSeq[mid] <= s) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
