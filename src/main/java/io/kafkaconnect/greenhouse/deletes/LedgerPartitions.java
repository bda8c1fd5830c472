package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.util.HashMap;
import java.util.Map;

/**
 * The source partitions of a resource's ledger: the resource's own partition plus {@code "ledger": <part>}, one of
 * {@code head}, {@code base/<slot>/<chunk>} and {@code journal/<segment>}. A HashMap like the resource's partition
 * (see {@link SourcePartition#toMap()}), so that a partition written through the REST API is the same key.
 */
public final class LedgerPartitions {
    /** The key that marks a ledger partition. */
    public static final String KEY = "ledger";
    static final String HEAD = "head";

    private LedgerPartitions() {
    }

    /** Whether {@code partition} is a ledger's rather than a resource's. */
    public static boolean isLedger(Map<String, ?> partition) {
        return partition != null && partition.containsKey(KEY);
    }

    public static Map<String, Object> head(SourcePartition resource) {
        return of(resource, HEAD);
    }

    static Map<String, Object> chunk(SourcePartition resource, int slot, int chunk) {
        return of(resource, "base/" + slot + "/" + chunk);
    }

    static Map<String, Object> journal(SourcePartition resource, int segment) {
        return of(resource, "journal/" + segment);
    }

    private static Map<String, Object> of(SourcePartition resource, String part) {
        Map<String, Object> map = new HashMap<>(resource.toMap());
        map.put(KEY, part);
        return map;
    }
}
