package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ledgers of a task's resources from Connect's offsets: given each head, one read of every base chunk and
 * journal segment they name. A ledger whose parts do not match its head (an offset removed by hand, another
 * version) is started again empty, with a warning: its ids are then learnt again from the next reconciliation.
 */
public final class LedgerLoader {
    private static final Logger log = LoggerFactory.getLogger(LedgerLoader.class);

    /** A resource's ledger to load: its partition, what its ids are, and its stored head (null: none). */
    public record Stored(SourcePartition resource, IdSet.Kind kind, Map<String, Object> head) {
    }

    private LedgerLoader() {
    }

    /**
     * @param offsets Connect's offset reader ({@code OffsetStorageReader.offsets})
     * @return resource name → its ledger
     */
    static Map<String, IdLedger> load(List<Stored> ledgers,
                                      Function<Collection<Map<String, Object>>, Map<Map<String, Object>,
                                              Map<String, Object>>> offsets) {
        Map<String, LedgerHead> heads = new LinkedHashMap<>();
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Stored stored : ledgers) {
            if (stored.head() == null) {
                continue;
            }
            LedgerHead head;
            try {
                head = LedgerHead.fromMap(stored.head());
            } catch (IllegalArgumentException e) {
                log.warn("{}: the head of its deletes ledger cannot be read ({}); the ledger starts again empty",
                        stored.resource().resource(), e.getMessage());
                continue;
            }
            if (head.kind() != stored.kind()) {
                log.warn("{}: its deletes ledger holds {} ids, but the resource's ids are {}; the ledger starts "
                        + "again empty", stored.resource().resource(), head.kind(), stored.kind());
                continue;
            }
            heads.put(stored.resource().resource(), head);
            parts.addAll(partsOf(stored.resource(), head));
        }
        Map<Map<String, Object>, Map<String, Object>> read = parts.isEmpty() ? Map.of() : offsets.apply(parts);
        Map<String, IdLedger> out = new LinkedHashMap<>();
        for (Stored stored : ledgers) {
            LedgerHead head = heads.get(stored.resource().resource());
            out.put(stored.resource().resource(), head == null ? IdLedger.empty(stored.resource(), stored.kind())
                    : assemble(stored.resource(), head, read));
        }
        return out;
    }

    private static IdLedger assemble(SourcePartition resource, LedgerHead head,
                                     Map<Map<String, Object>, Map<String, Object>> read) {
        IdSet known = new IdSet(head.kind());
        int baseIds;
        try {
            for (int c = 0; c < head.chunks(); c++) {
                readPart(LedgerPartitions.chunk(resource, head.slot(), c), head, read, known);
            }
            baseIds = known.size();
            for (int j = 0; j < head.journal(); j++) {
                readPart(LedgerPartitions.journal(resource, j), head, read, known);
            }
        } catch (IllegalArgumentException e) {
            log.warn("{}: its deletes ledger cannot be read ({}); it starts again empty, and records deleted before "
                    + "the next reconciliation ends get no tombstone", resource.resource(), e.getMessage());
            return IdLedger.empty(resource, head.kind());
        }
        log.info("{}: deletes ledger of {} known ids (generation {}, {} journal segments)", resource.resource(),
                known.size(), head.generation(), head.journal());
        return new IdLedger(resource, known, baseIds, head, true);
    }

    private static List<Map<String, Object>> partsOf(SourcePartition resource, LedgerHead head) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int c = 0; c < head.chunks(); c++) {
            parts.add(LedgerPartitions.chunk(resource, head.slot(), c));
        }
        for (int j = 0; j < head.journal(); j++) {
            parts.add(LedgerPartitions.journal(resource, j));
        }
        return parts;
    }

    /** Adds the ids of one part of the ledger to {@code known}; throws naming the part if it does not fit the head. */
    private static void readPart(Map<String, Object> part, LedgerHead head,
                                 Map<Map<String, Object>, Map<String, Object>> read, IdSet known) {
        Map<String, Object> offset = read.get(part);
        if (offset == null) {
            throw new IllegalArgumentException(part.get(LedgerPartitions.KEY) + " is missing");
        }
        if (LedgerHead.number(offset, "gen") != head.generation()) {
            throw new IllegalArgumentException(part.get(LedgerPartitions.KEY) + " is of generation "
                    + offset.get("gen") + ", not " + head.generation());
        }
        LedgerEncoding.decode(String.valueOf(offset.get("ids")), head.kind(), known::add);
    }
}
