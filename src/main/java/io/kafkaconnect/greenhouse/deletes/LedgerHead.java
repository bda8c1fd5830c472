package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.IdSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a resource's ledger stands: the generation of its base (written whole at each reconciliation, in the slot
 * {@code generation % 2}, so a base being written never overwrites the one the head names), how many chunks the base
 * has, how many journal segments follow it, and when the last reconciliation ended.
 *
 * @param reconciledAt null before the first reconciliation (or snapshot pass) ended
 */
record LedgerHead(IdSet.Kind kind, long generation, int chunks, int journal, Instant reconciledAt) {
    static final int VERSION = 1;

    static LedgerHead empty(IdSet.Kind kind) {
        return new LedgerHead(kind, 0, 0, 0, null);
    }

    int slot() {
        return (int) (generation % 2);
    }

    LedgerHead withJournal(int segments) {
        return new LedgerHead(kind, generation, chunks, segments, reconciledAt);
    }

    /** The head of the next base, of {@code chunks} chunks and no journal yet. */
    LedgerHead rebased(int chunks, Instant reconciledAt) {
        return new LedgerHead(kind, generation + 1, chunks, 0, reconciledAt);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("v", VERSION);
        map.put("kind", kind.name().toLowerCase(Locale.ROOT));
        map.put("gen", generation);
        map.put("chunks", chunks);
        map.put("journal", journal);
        if (reconciledAt != null) {
            map.put("reconciled", reconciledAt.toEpochMilli());
        }
        return map;
    }

    /** @throws IllegalArgumentException naming the key that is missing or wrong */
    static LedgerHead fromMap(Map<String, ?> map) {
        if (number(map, "v") != VERSION) {
            throw new IllegalArgumentException("'v' is " + map.get("v") + ", not " + VERSION);
        }
        IdSet.Kind kind;
        try {
            kind = IdSet.Kind.valueOf(String.valueOf(map.get("kind")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'kind' is " + map.get("kind") + ", not number or string");
        }
        Object reconciled = map.get("reconciled");
        return new LedgerHead(kind, number(map, "gen"), (int) number(map, "chunks"), (int) number(map, "journal"),
                reconciled == null ? null : Instant.ofEpochMilli(number(map, "reconciled")));
    }

    static long number(Map<String, ?> map, String key) {
        if (map.get(key) instanceof Number n && n.longValue() >= 0) {
            return n.longValue();
        }
        throw new IllegalArgumentException("'" + key + "' is " + map.get(key) + ", not a number of at least 0");
    }
}
