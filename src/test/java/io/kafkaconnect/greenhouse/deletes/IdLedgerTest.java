package io.kafkaconnect.greenhouse.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The ledger's offsets, written as a task writes them and read back as the next task reads them. */
class IdLedgerTest {
    private static final SourcePartition CANDIDATES = new SourcePartition("v1", "harvest.greenhouse.io", "candidates");

    /** Connect's offsets: the last offset of each partition. */
    private final Map<Map<String, Object>, Map<String, Object>> stored = new HashMap<>();
    private int reads;

    private void store(List<StateEntry> entries) {
        entries.forEach(e -> stored.put(e.partition(), e.offset()));
    }

    private IdLedger reload(IdSet.Kind kind) {
        Map<String, Object> head = stored.get(LedgerPartitions.head(CANDIDATES));
        return LedgerLoader.load(List.of(new LedgerLoader.Stored(CANDIDATES, kind, head)), this::read)
                .get("candidates");
    }

    private Map<Map<String, Object>, Map<String, Object>> read(Collection<Map<String, Object>> partitions) {
        reads++;
        Map<Map<String, Object>, Map<String, Object>> out = new HashMap<>();
        partitions.forEach(p -> out.put(p, stored.get(p)));
        return out;
    }

    private static Set<Object> ids(IdLedger ledger) {
        Set<Object> out = new HashSet<>();
        ledger.known().forEach(out::add);
        return out;
    }

    @Test
    void aBaseInChunksAndTheJournalAfterItAreWhatTheNextTaskKnows() {
        IdLedger ledger = IdLedger.empty(CANDIDATES, IdSet.Kind.NUMBER);
        IdSet base = new IdSet(IdSet.Kind.NUMBER);
        LongStream.rangeClosed(1, 9_000).forEach(base::add);
        List<StateEntry> rebase = ledger.rebase(base, Instant.ofEpochMilli(1_000));
        assertThat(rebase).hasSize(4); // three chunks of at most 4,000 ids, then the head
        assertThat(rebase.get(3).partition()).isEqualTo(LedgerPartitions.head(CANDIDATES));
        store(rebase);
        store(ledger.learn(List.of(20_000L, 5L, 20_001L)));
        store(ledger.learn(List.of(5L))); // known: nothing written
        store(ledger.learn(List.of(20_002L)));

        IdLedger next = reload(IdSet.Kind.NUMBER);
        assertThat(next.stored()).isTrue();
        assertThat(next.known().size()).isEqualTo(9_003);
        assertThat(ids(next)).contains(1L, 9_000L, 20_000L, 20_001L, 20_002L).doesNotContain(9_001L);
        assertThat(next.reconciledAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(next.journalSegments()).isEqualTo(2);
        assertThat(reads).as("every chunk and segment in one read").isEqualTo(1);
    }

    @Test
    void aNewBaseGoesToTheOtherSlotSoTheOneTheStoredHeadNamesIsIntactUntilTheNewHeadIsStored() {
        IdLedger ledger = IdLedger.empty(CANDIDATES, IdSet.Kind.NUMBER);
        IdSet first = new IdSet(IdSet.Kind.NUMBER);
        first.add(1L);
        first.add(2L);
        store(ledger.rebase(first, Instant.EPOCH));
        IdSet second = new IdSet(IdSet.Kind.NUMBER);
        second.add(3L);
        List<StateEntry> written = ledger.rebase(second, Instant.EPOCH.plusSeconds(1));
        store(written.subList(0, written.size() - 1)); // a crash before the head was stored
        assertThat(ids(reload(IdSet.Kind.NUMBER))).containsExactlyInAnyOrder(1L, 2L);
        store(written);
        assertThat(ids(reload(IdSet.Kind.NUMBER))).containsExactly(3L);
    }

    @Test
    void aLongJournalIsFoldedIntoANewBase() {
        IdLedger ledger = IdLedger.empty(CANDIDATES, IdSet.Kind.NUMBER);
        for (long id = 1; id <= IdLedger.MIN_JOURNAL; id++) {
            store(ledger.learn(List.of(id)));
        }
        assertThat(ledger.journalSegments()).isEqualTo(IdLedger.MIN_JOURNAL);
        List<StateEntry> folded = ledger.learn(List.of(1_000L));
        assertThat(folded.get(0).partition().get(LedgerPartitions.KEY)).isEqualTo("base/1/0");
        store(folded);
        IdLedger next = reload(IdSet.Kind.NUMBER);
        assertThat(next.journalSegments()).isZero();
        assertThat(next.known().size()).isEqualTo(IdLedger.MIN_JOURNAL + 1);
    }

    /** A ledger whose stored base holds the ids 1 to {@code ids}, and no journal. */
    private IdLedger storedWithBase(int ids) {
        IdLedger ledger = IdLedger.empty(CANDIDATES, IdSet.Kind.NUMBER);
        IdSet base = new IdSet(IdSet.Kind.NUMBER);
        LongStream.rangeClosed(1, ids).forEach(base::add);
        store(ledger.rebase(base, Instant.EPOCH));
        return ledger;
    }

    /**
     * A backfill's batches: a base written every hundred segments would write every id known each time (the square
     * of the ids over the backfill); the journal grows until it holds as many ids as the base, also across a restart.
     */
    @Test
    void theJournalGrowsUntilItHoldsAsManyIdsAsTheBase() {
        IdLedger ledger = storedWithBase(1_000);
        long id = 1_000;
        for (int segment = 0; segment < 2 * IdLedger.MIN_JOURNAL - 1; segment++) {
            if (segment == 150) {
                ledger = reload(IdSet.Kind.NUMBER);
            }
            List<Long> batch = List.of(++id, ++id, ++id, ++id, ++id);
            List<StateEntry> written = ledger.learn(new ArrayList<>(batch));
            assertThat(written.get(0).partition().get(LedgerPartitions.KEY)).as("segment %d", segment)
                    .isEqualTo("journal/" + segment);
            store(written);
        }
        assertThat(ledger.journalSegments()).isEqualTo(2 * IdLedger.MIN_JOURNAL - 1);
        List<StateEntry> folded = ledger.learn(new ArrayList<>(List.of(++id, ++id, ++id, ++id, ++id)));
        assertThat(folded.get(0).partition().get(LedgerPartitions.KEY)).as("1,000 ids in the journal, as in the base")
                .isEqualTo("base/0/0");
        store(folded);
        assertThat(reload(IdSet.Kind.NUMBER).known().size()).isEqualTo(2_000);
    }

    @Test
    void aJournalOfSmallBatchesIsFoldedAfterAThousandSegments() {
        IdLedger ledger = storedWithBase(100_000);
        long id = 100_000;
        for (int segment = 0; segment < IdLedger.MAX_JOURNAL; segment++) {
            assertThat(ledger.learn(List.of(++id)).get(0).partition().get(LedgerPartitions.KEY))
                    .isEqualTo("journal/" + segment);
        }
        assertThat(ledger.learn(List.of(++id))).as("a new base of 26 chunks (101,001 ids) and its head").hasSize(27);
    }

    @Test
    void stringIdsAreStoredAsThemselves() {
        IdLedger ledger = IdLedger.empty(CANDIDATES, IdSet.Kind.STRING);
        String id = "3f8c1a2e-5b7d-4c9e-8a1f-2b3c4d5e6f70";
        store(ledger.learn(List.of(id, "not-a-uuid")));
        List<Object> known = new ArrayList<>();
        reload(IdSet.Kind.STRING).known().forEach(known::add);
        assertThat(known).containsExactlyInAnyOrder(id, "not-a-uuid");
    }

    @Test
    void aLedgerWithAPartMissingOrOfAnotherKindStartsAgainEmpty() {
        IdLedger ledger = IdLedger.empty(CANDIDATES, IdSet.Kind.NUMBER);
        store(ledger.learn(List.of(1L)));
        store(ledger.learn(List.of(2L)));
        assertThat(reload(IdSet.Kind.STRING).stored()).as("the resource's ids changed kind").isFalse();
        stored.remove(LedgerPartitions.journal(CANDIDATES, 1));
        IdLedger damaged = reload(IdSet.Kind.NUMBER);
        assertThat(damaged.stored()).isFalse();
        assertThat(damaged.known().isEmpty()).isTrue();
        assertThat(reload(IdSet.Kind.NUMBER).headOffset()).isNull();
    }
}
