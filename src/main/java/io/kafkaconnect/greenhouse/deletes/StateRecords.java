package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records that carry a ledger's offsets (Connect stores an offset only with a record): one per ledger part, to
 * the connector's state topic, keyed by the part (so a compacted topic keeps one record each), a few words as value.
 * Nobody needs to read them.
 */
final class StateRecords {
    private final String topic;

    StateRecords(String topic) {
        this.topic = topic;
    }

    List<SourceRecord> of(List<StateEntry> entries) {
        List<SourceRecord> out = new ArrayList<>(entries.size());
        for (StateEntry e : entries) {
            SourcePartition p = SourcePartition.fromMap(e.partition()).orElseThrow();
            String key = p.api() + "/" + p.host() + "/" + p.resource() + "/" + e.partition().get(LedgerPartitions.KEY);
            out.add(new SourceRecord(e.partition(), e.offset(), topic, null, Schema.STRING_SCHEMA, key,
                    Schema.STRING_SCHEMA, e.description()));
        }
        return out;
    }
}
