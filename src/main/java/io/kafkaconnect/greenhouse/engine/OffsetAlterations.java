package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.deletes.LedgerPartitions;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/** Checks offsets a user writes with the Connect REST API before the worker stores them. */
public final class OffsetAlterations {
    private OffsetAlterations() {
    }

    /**
     * @param now the worker's clock: positions in the future are refused
     * @throws ConnectException naming the partition and what is wrong with it
     */
    public static void validate(EngineConfig config, Map<Map<String, ?>, Map<String, ?>> offsets, Instant now) {
        String host = SourcePartition.hostOf(config.baseUrl());
        String api = config.dialect().version();
        PagingModel paging = PagingModels.of(config.dialect());
        for (Map.Entry<Map<String, ?>, Map<String, ?>> e : offsets.entrySet()) {
            if (LedgerPartitions.isLedger(e.getKey())) {
                if (e.getValue() != null) {
                    throw new ConnectException("Partition " + e.getKey() + " is part of a deletes ledger (the ids a "
                            + "topic holds, see docs/offsets.md), which only the connector writes; write null to "
                            + "forget it (the next reconciliation learns the ids again)");
                }
                continue;
            }
            SourcePartition partition = SourcePartition.fromMap(e.getKey()).orElseThrow(() -> new ConnectException(
                    "Partition " + e.getKey() + " is not one of this connector's: a partition is {\"api\": \"" + api
                            + "\", \"host\": \"" + host + "\", \"resource\": \"<name>\", \"protocol\": \""
                            + SourcePartition.PROTOCOL + "\"}"));
            if (!partition.api().equals(api) || !partition.host().equals(host)) {
                throw new ConnectException("Partition " + e.getKey() + " belongs to API " + partition.api() + " at "
                        + partition.host() + ", but this connector reads API " + api + " at " + host);
            }
            Resource resource = config.dialect().resource(partition.resource()).orElseThrow(() ->
                    new ConnectException("Partition " + e.getKey() + " names unknown resource '"
                            + partition.resource() + "'"));
            if (e.getValue() != null) {
                try {
                    OffsetCredential.checkWritten(config.credentialFingerprint(), e.getValue());
                    paging.checkOffset(resource, config.baseUrl(), OffsetCredential.position(e.getValue()), now);
                } catch (IllegalArgumentException ex) {
                    throw new ConnectException("Offset " + e.getValue() + " of resource " + partition.resource()
                            + " is invalid: " + ex.getMessage() + ". " + paging.offsetExample());
                }
            }
        }
    }
}
