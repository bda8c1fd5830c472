package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids a resource's topic holds live, as Connect offsets: a base (every id known at the last reconciliation, in
 * chunks of at most {@link #CHUNK_IDS}), a journal (one segment per batch that sent ids not known before) and a head
 * that names both. What it writes goes into the batch of the records it describes, so with exactly-once the ledger
 * and the topic commit together. In memory it is the set of known ids.
 */
final class IdLedger {
    /** Ids per base chunk: about 12 KB of offset for dense integer ids, 91 KB for UUIDs. */
    static final int CHUNK_IDS = 4_000;
    /**
     * Journal segments after which a batch that would bring the journal to as many ids as the base writes a new base
     * instead: a base written every so many segments whatever its size costs the square of the ids over a backfill
     * (each base writes every id known), one written when the ids have doubled about twice the ids.
     */
    static final int MIN_JOURNAL = 100;
    /** Journal segments after which the next batch writes a new base whatever they hold: what a restart reads. */
    static final int MAX_JOURNAL = 1_000;

    private final SourcePartition resource;
    private IdSet known;
    /** How many of the known ids the base holds (the others are in the journal). */
    private int baseIds;
    private LedgerHead head;
    /** Whether the head is stored (false for a ledger that has written nothing yet). */
    private boolean stored;

    IdLedger(SourcePartition resource, IdSet known, int baseIds, LedgerHead head, boolean stored) {
        this.resource = resource;
        this.known = known;
        this.baseIds = baseIds;
        this.head = head;
        this.stored = stored;
    }

    static IdLedger empty(SourcePartition resource, IdSet.Kind kind) {
        return new IdLedger(resource, new IdSet(kind), 0, LedgerHead.empty(kind), false);
    }

    /**
     * A ledger that starts with its resource's sync from the beginning: it learns every id the sync sends, so it is
     * complete as of {@code now}, and its first reconciliation is due an interval later (not at once, as for a ledger
     * that starts beside a topic already written, whose ids it does not know).
     */
    static IdLedger completeFrom(SourcePartition resource, IdSet.Kind kind, Instant now) {
        return new IdLedger(resource, new IdSet(kind), 0, new LedgerHead(kind, 0, 0, 0, now), false);
    }

    String resource() {
        return resource.resource();
    }

    /** The ids known now (do not change it: {@link #learn} and {@link #rebase} do). */
    IdSet known() {
        return known;
    }

    /** When the last reconciliation ended; null before one did. */
    Instant reconciledAt() {
        return head.reconciledAt();
    }

    boolean stored() {
        return stored;
    }

    int journalSegments() {
        return head.journal();
    }

    /** The head's partition and current offset: what tombstones carry, so their offsets change nothing. */
    Map<String, Object> headPartition() {
        return LedgerPartitions.head(resource);
    }

    Map<String, Object> headOffset() {
        return stored ? head.toMap() : null;
    }

    /**
     * Records {@code ids} as known: a journal segment of those not known yet, and the head (or a new base once the
     * journal is long). Empty if all were known.
     */
    List<StateEntry> learn(List<Object> ids) {
        List<Object> fresh = new ArrayList<>();
        for (Object id : ids) {
            if (known.add(id)) {
                fresh.add(id);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        int journal = head.journal();
        if (journal >= MAX_JOURNAL || journal >= MIN_JOURNAL && known.size() - baseIds >= baseIds) {
            return rebase(known, head.reconciledAt());
        }
        fresh.sort(null);
        head = head.withJournal(journal + 1);
        stored = true;
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("v", LedgerHead.VERSION);
        offset.put("gen", head.generation());
        offset.put("ids", LedgerEncoding.encode(fresh, known.kind()));
        return List.of(new StateEntry(LedgerPartitions.journal(resource, journal), offset,
                        "journal " + journal + " of generation " + head.generation() + ": " + fresh.size() + " ids"),
                headEntry());
    }

    /** Makes {@code ids} the known ids: the chunks of a new base and the head that names it. */
    List<StateEntry> rebase(IdSet ids, Instant reconciledAt) {
        List<Object> sorted = ids.sorted();
        int chunks = (sorted.size() + CHUNK_IDS - 1) / CHUNK_IDS;
        head = head.rebased(chunks, reconciledAt);
        known = ids;
        baseIds = sorted.size();
        stored = true;
        List<StateEntry> out = new ArrayList<>(chunks + 1);
        for (int c = 0; c < chunks; c++) {
            List<Object> part = sorted.subList(c * CHUNK_IDS, Math.min(sorted.size(), (c + 1) * CHUNK_IDS));
            Map<String, Object> offset = new LinkedHashMap<>();
            offset.put("v", LedgerHead.VERSION);
            offset.put("gen", head.generation());
            offset.put("ids", LedgerEncoding.encode(part, ids.kind()));
            out.add(new StateEntry(LedgerPartitions.chunk(resource, head.slot(), c), offset,
                    "base chunk " + c + " of generation " + head.generation() + ": " + part.size() + " ids"));
        }
        out.add(headEntry());
        return out;
    }

    private StateEntry headEntry() {
        return new StateEntry(headPartition(), head.toMap(), "head: generation " + head.generation() + ", "
                + head.chunks() + " chunks, " + head.journal() + " journal segments, " + known.size() + " ids");
    }
}
