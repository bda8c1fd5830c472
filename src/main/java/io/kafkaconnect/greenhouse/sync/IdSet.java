package io.kafkaconnect.greenhouse.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A set of record ids, as compact as the ids allow: integer ids (Harvest) as one 64-bit number, string ids that are
 * UUIDs in their canonical form (Ashby) as two, any other string as itself. The real ids, not hashes: a tombstone
 * needs the id it deletes. About 24 (integers) or 40 (UUIDs) bytes per id with the table's slack: 5 MiB for 200,000
 * integer ids.
 */
public final class IdSet {

    /** What the ids of a resource are. */
    public enum Kind {
        /** Integer ids (a Connect int64 key). */
        NUMBER,
        /** String ids (a Connect string key): UUIDs in canonical lower-case form packed, others as they are. */
        STRING
    }

    private final Kind kind;
    private long[] highs;
    private long[] lows;
    private boolean[] used;
    private int size;
    /** String ids that are not canonical UUIDs. */
    private Set<String> others = new HashSet<>();

    public IdSet(Kind kind) {
        this(kind, 16);
    }

    private IdSet(Kind kind, int capacity) {
        this.kind = kind;
        this.highs = new long[capacity];
        this.lows = new long[capacity];
        this.used = new boolean[capacity];
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return size + others.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Adds an id (a Long for {@link Kind#NUMBER}, a String for {@link Kind#STRING}).
     *
     * @return true if it was not in the set
     * @throws IllegalArgumentException if the id is not of the set's kind
     */
    public boolean add(Object id) {
        String other = other(id);
        if (other != null) {
            return others.add(other);
        }
        long high = high(id);
        long low = low(id);
        int slot = slot(highs, lows, used, high, low);
        if (used[slot]) {
            return false;
        }
        used[slot] = true;
        highs[slot] = high;
        lows[slot] = low;
        if (++size * 2 > used.length) {
            grow();
        }
        return true;
    }

    public boolean contains(Object id) {
        String other = other(id);
        return other != null ? others.contains(other) : used[slot(highs, lows, used, high(id), low(id))];
    }

    public void addAll(IdSet other) {
        other.forEach(this::add);
    }

    /** A copy that changes independently of this set. */
    public IdSet copy() {
        IdSet out = new IdSet(kind, used.length);
        out.highs = highs.clone();
        out.lows = lows.clone();
        out.used = used.clone();
        out.size = size;
        out.others = new HashSet<>(others);
        return out;
    }

    /** This set without {@code ids}. */
    public IdSet without(List<Object> ids) {
        IdSet removed = new IdSet(kind);
        ids.forEach(removed::add);
        IdSet out = new IdSet(kind);
        forEach(id -> {
            if (!removed.contains(id)) {
                out.add(id);
            }
        });
        return out;
    }

    public void forEach(Consumer<Object> action) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                action.accept(idAt(highs[i], lows[i]));
            }
        }
        others.forEach(action);
    }

    /**
     * The ids in ascending order: numbers by value; UUIDs by their two halves as unsigned numbers, then the other
     * strings in their natural order.
     */
    public List<Object> sorted() {
        if (kind == Kind.NUMBER) {
            // a number id is its low half alone: a primitive sort, not one of pairs through a comparator
            long[] numbers = new long[size];
            int n = 0;
            for (int i = 0; i < used.length; i++) {
                if (used[i]) {
                    numbers[n++] = lows[i];
                }
            }
            Arrays.sort(numbers);
            List<Object> out = new ArrayList<>(size);
            for (long number : numbers) {
                out.add(number);
            }
            return out;
        }
        long[][] pairs = new long[size][];
        int n = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                pairs[n++] = new long[] {highs[i], lows[i]};
            }
        }
        Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? compare(a[0], b[0]) : compare(a[1], b[1]));
        List<Object> out = new ArrayList<>(size);
        for (long[] p : pairs) {
            out.add(idAt(p[0], p[1]));
        }
        others.stream().sorted().forEach(out::add);
        return out;
    }

    private int compare(long a, long b) {
        return kind == Kind.NUMBER ? Long.compare(a, b) : Long.compareUnsigned(a, b);
    }

    /** A parsed record's id as the set of {@code kind} holds it: a Long for number ids, a String else; or null. */
    public static Object idOf(Kind kind, Object id) {
        return kind == Kind.NUMBER ? (id instanceof Long ? id : null) : (id instanceof String ? id : null);
    }

    /** The UUID a string id is in its canonical form (as UUID.toString() writes it), or null. */
    public static UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A string id that is not a canonical UUID; null for the ids the table holds. */
    private String other(Object id) {
        if (kind == Kind.NUMBER) {
            return null;
        }
        if (!(id instanceof String s)) {
            throw new IllegalArgumentException("id '" + id + "' is not a string");
        }
        return canonicalUuid(s) == null ? s : null;
    }

    private long high(Object id) {
        if (kind == Kind.NUMBER) {
            if (!(id instanceof Long)) {
                throw new IllegalArgumentException("id '" + id + "' is not an integer");
            }
            return 0L;
        }
        return canonicalUuid((String) id).getMostSignificantBits();
    }

    private long low(Object id) {
        return kind == Kind.NUMBER ? (Long) id : canonicalUuid((String) id).getLeastSignificantBits();
    }

    private Object idAt(long high, long low) {
        return kind == Kind.NUMBER ? (Object) low : new UUID(high, low).toString();
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        boolean[] oldUsed = used;
        highs = new long[oldUsed.length * 2];
        lows = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int slot = slot(highs, lows, used, oldHighs[i], oldLows[i]);
                used[slot] = true;
                highs[slot] = oldHighs[i];
                lows[slot] = oldLows[i];
            }
        }
    }

    private static int slot(long[] highs, long[] lows, boolean[] used, long high, long low) {
        int mask = used.length - 1;
        int i = (int) (mix(high * 31 + low) & mask);
        while (used[i] && (highs[i] != high || lows[i] != low)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
