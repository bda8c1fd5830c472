package io.kafkaconnect.greenhouse.sync;

import java.nio.charset.StandardCharsets;

/**
 * The digest of the content last sent for each record, so that a record read again unchanged (a snapshot pass, a
 * forced full pass) is not sent again. Kept in two open-addressed arrays of 64-bit numbers (about 32 bytes per
 * record, whatever the id), since a full pass of a large account holds hundreds of thousands of records.
 */
public final class SentDigests {
    private static final long EMPTY = 0L;
    private long[] keys = new long[1024];
    private long[] digests = new long[1024];
    private int size;

    /**
     * Remembers {@code digest} as the content sent for {@code id}.
     *
     * @return true if it differs from the content sent before for that id, or none was
     */
    boolean changed(Object id, long digest) {
        long key = keyOf(id);
        int slot = slot(keys, key);
        if (keys[slot] == key) {
            boolean changed = digests[slot] != digest;
            digests[slot] = digest;
            return changed;
        }
        keys[slot] = key;
        digests[slot] = digest;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldDigests = digests;
        keys = new long[oldKeys.length * 2];
        digests = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                digests[slot] = oldDigests[i];
            }
        }
    }

    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) (mix(key) & mask);
        while (table[i] != EMPTY && table[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Integer ids as they are; other ids (UUID strings) as a 64-bit FNV-1a hash of their text. */
    private static long keyOf(Object id) {
        long key;
        if (id instanceof Long n) {
            key = n;
        } else {
            key = 0xcbf29ce484222325L;
            for (byte b : String.valueOf(id).getBytes(StandardCharsets.UTF_8)) {
                key = (key ^ (b & 0xff)) * 0x100000001b3L;
            }
        }
        return key == EMPTY ? 1L : key; // 0 marks a free slot; id 0 shares a key with id 1, both vanishingly rare
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
