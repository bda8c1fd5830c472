package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a task's resources send their deletes as tombstones ({@code deletes.mode=tombstone}): which resources can,
 * their ledgers loaded from Connect's offsets, and their syncs wrapped in a {@link DeletesSync}.
 */
public final class Deletes {

    /**
     * @param reconcileInterval how often an incremental resource is reconciled; zero: never
     * @param budgetFraction    the share of the rate budget a reconciliation's scan may use
     * @param stateTopic        where the records that carry the ledgers' offsets go
     */
    public record Settings(Duration reconcileInterval, double budgetFraction, String stateTopic) {
    }

    private final Settings settings;
    private final StateRecords state;
    private Map<String, IdLedger> ledgers = Map.of();

    public Deletes(Settings settings) {
        this.settings = settings;
        this.state = new StateRecords(settings.stateTopic());
    }

    /**
     * Whether {@code resource}'s deletes are found: snapshot resources at each pass, incremental ones by
     * reconciliation unless it is off; not per-parent resources (their records are read per changed parent only).
     */
    public boolean tracks(Resource resource) {
        return switch (resource.mode()) {
            case SNAPSHOT -> true;
            case PER_CHANGED_PARENT -> false;
            default -> !settings.reconcileInterval().isZero();
        };
    }

    /**
     * Loads the ledgers of the tracked resources.
     *
     * @param ledgers their partitions, id kinds and stored heads (as {@link LedgerPartitions#head} read them)
     * @param offsets Connect's offset reader
     */
    public void load(List<LedgerLoader.Stored> ledgers, Function<Collection<Map<String, Object>>,
            Map<Map<String, Object>, Map<String, Object>>> offsets) {
        this.ledgers = LedgerLoader.load(ledgers, offsets);
    }

    /**
     * {@code sync} of a tracked resource, sending its deletes.
     *
     * @param fromTheBeginning whether the sync starts with no stored position (its ledger, if it has none, then
     *                         learns every id the topic gets)
     */
    public ResourceSync wrap(ResourceSync sync, Resource resource, SourcePartition partition, PagingModel paging,
                             ResourceSync.Context context, boolean fromTheBeginning) {
        IdSet.Kind kind = context.records().idKind();
        IdLedger stored = ledgers.get(resource.name());
        IdLedger ledger = stored != null && stored.stored() ? stored : fromTheBeginning
                ? IdLedger.completeFrom(partition, kind, context.clock().instant()) : IdLedger.empty(partition, kind);
        boolean snapshot = resource.mode() == SyncMode.SNAPSHOT;
        return new DeletesSync(sync, ledger, context.records(), state,
                snapshot ? null : () -> paging.idScan(resource, context.records().idKind(), context),
                settings.reconcileInterval(), settings.budgetFraction(), context.client(), context.clock());
    }
}
