package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.sync.IdScan;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.ListedPass;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sync whose resource's deletes reach its topic as tombstones. It keeps the resource's {@link IdLedger} (the ids
 * its topic holds live) up to date with every batch the sync hands over, in the same batch, and finds the ids the API
 * no longer lists:
 * <ul>
 * <li>a snapshot resource at the end of each pass it read from its first page: the known ids the pass did not
 * list;</li>
 * <li>an incremental resource by a {@link Reconciliation} every {@code interval}: an {@link IdScan} of every id, one
 * page at a time, paced at {@code budgetFraction} of the rate budget, and only when the sync itself is not due (the
 * change stream goes first); a second scan confirms the ids the first missed.</li>
 * </ul>
 * The tombstones, the new base and the head go in one batch.
 */
final class DeletesSync implements ResourceSync {
    private static final Logger log = LoggerFactory.getLogger(DeletesSync.class);

    private final ResourceSync sync;
    private final IdLedger ledger;
    private final SourceRecordFactory records;
    private final StateRecords state;
    /** Null for a snapshot resource, whose passes are its scans. */
    private final Supplier<IdScan> scans;
    private final Duration interval;
    private final double budgetFraction;
    private final ApiClient client;
    private final Clock clock;

    private Reconciliation reconciliation;
    private IdScan scan;
    private Instant nextReconciliation;
    private Instant nextScanPage = Instant.MIN;
    /** Snapshot resources: the known ids the last pass of several pages missed (in memory: a restart forgets them). */
    private IdSet suspects;

    DeletesSync(ResourceSync sync, IdLedger ledger, SourceRecordFactory records, StateRecords state,
                Supplier<IdScan> scans, Duration interval, double budgetFraction, ApiClient client, Clock clock) {
        this.sync = sync;
        this.ledger = ledger;
        this.records = records;
        this.state = state;
        this.scans = scans;
        this.interval = interval;
        this.budgetFraction = budgetFraction;
        this.client = client;
        this.clock = clock;
        // no reconciliation yet (deletes switched on beside a topic already written): one as soon as the sync is idle;
        // a ledger that started with its sync from the beginning counts as reconciled then (IdLedger.completeFrom)
        this.nextReconciliation = ledger.reconciledAt() == null ? Instant.MIN : ledger.reconciledAt().plus(interval);
        this.suspects = new IdSet(ledger.known().kind());
    }

    @Override
    public Resource resource() {
        return sync.resource();
    }

    @Override
    public Instant dueAt() {
        Instant scanAt = scanDueAt();
        return scanAt == null || sync.dueAt().isBefore(scanAt) ? sync.dueAt() : scanAt;
    }

    /** As the sync's: a scan's page, read in the step when the sync is not due, is fetched then (not ahead). */
    @Override
    public boolean ready() {
        return sync.ready();
    }

    @Override
    public void awaitReady(Duration max) throws InterruptedException {
        sync.awaitReady(max);
    }

    /** When the scan reads its next page; null while none is to be read. */
    private Instant scanDueAt() {
        if (scans == null) {
            return null;
        }
        if (reconciliation == null) {
            return nextReconciliation.isAfter(nextScanPage) ? nextReconciliation : nextScanPage;
        }
        return scan != null ? nextScanPage : null;
    }

    @Override
    public List<SourceRecord> step() throws InterruptedException {
        Instant now = clock.instant();
        Instant scanAt = scanDueAt();
        List<SourceRecord> out;
        if (!sync.isDue(now) && scanAt != null && !now.isBefore(scanAt)) {
            readScanPage();
            out = List.of();
        } else {
            out = withLedger(sync.step());
        }
        if (reconciliation != null && reconciliation.ready(sync.deliveredUpTo())) {
            out = concat(out, finishReconciliation());
        }
        return out;
    }

    /** The sync's batch with what the ledger writes about it; at the end of a snapshot pass, its deletes. */
    private List<SourceRecord> withLedger(List<SourceRecord> batch) {
        List<Object> ids = new ArrayList<>(batch.size());
        for (SourceRecord r : batch) {
            Object id = records.idOf(r);
            if (id != null && r.value() != null) {
                ids.add(id);
                if (reconciliation != null) {
                    reconciliation.sent(id);
                }
            }
        }
        ListedPass pass = sync.takeCompletedPass();
        if (pass != null) {
            return concat(batch, endOfPass(ids, pass));
        }
        List<StateEntry> learnt = ledger.learn(ids);
        // the ledger first: in at-least-once mode its offsets may then be stored without the records', never the
        // other way round (an id the ledger does not know would never get its tombstone)
        return learnt.isEmpty() ? batch : concat(state.of(learnt), batch);
    }

    /**
     * A snapshot pass read whole: the known ids it did not list are deleted, those of a pass of several pages only if
     * the pass before missed them too (a record deleted while a pass reads may shift another past it, as for a
     * reconciliation's scan).
     */
    private List<SourceRecord> endOfPass(List<Object> sent, ListedPass pass) {
        IdSet known = ledger.known().copy();
        sent.forEach(known::add);
        List<Object> missing = Reconciliation.gone(known, pass.ids());
        List<Object> deleted = missing;
        IdSet live = pass.ids();
        if (pass.pages() > 1) {
            IdSet missedBefore = suspects;
            deleted = missing.stream().filter(missedBefore::contains).toList();
            suspects = new IdSet(known.kind());
            missing.forEach(suspects::add);
            live = known.without(deleted); // the suspects stay known until a second pass misses them too
            if (deleted.size() < missing.size()) {
                log.info("{}: the pass listed {} records and missed {} known ones; the next pass confirms which are "
                        + "gone", resource().name(), pass.ids().size(), missing.size() - deleted.size());
            }
        } else {
            suspects = new IdSet(known.kind());
        }
        if (deleted.isEmpty() && ledger.stored() && ledger.journalSegments() == 0 && known.size() == live.size()) {
            return List.of(); // nothing changed: the stored base is what is known
        }
        return tombstonesAndBase(deleted, live, "the pass listed " + pass.ids().size() + " records");
    }

    private void readScanPage() {
        if (reconciliation == null) {
            reconciliation = new Reconciliation(ledger.known());
            scan = scans.get();
            log.info("{}: reconciliation begins: listing every id ({} known) at {} of the rate budget",
                    resource().name(), reconciliation.known(), budgetFraction);
        }
        List<Object> ids = scan.next();
        reconciliation.listed(ids);
        nextScanPage = clock.instant().plus(pace());
        if (scan.done()) {
            reconciliation.scanned(scan.end());
            if (reconciliation.unconfirmed()) {
                log.info("{}: reconciliation listed {} ids, not every known one; a second scan confirms which are "
                        + "gone", resource().name(), reconciliation.listedIds().size());
                reconciliation.rescan();
                scan = scans.get();
                return;
            }
            log.info("{}: reconciliation listed {} ids; its deletes are told once the sync has delivered the changes "
                    + "up to {}", resource().name(), reconciliation.listedIds().size(), scan.end());
            scan = null;
        }
    }

    private List<SourceRecord> finishReconciliation() {
        List<Object> deleted = reconciliation.deleted();
        IdSet known = ledger.known().copy();
        known.addAll(reconciliation.listedIds()); // ids the ledger missed (deletes just switched on) are learnt
        List<SourceRecord> out = tombstonesAndBase(deleted, known.without(deleted),
                "the scan listed " + reconciliation.listedIds().size() + " records");
        reconciliation = null;
        nextReconciliation = clock.instant().plus(interval);
        return out;
    }

    /**
     * The tombstones of {@code deleted}, then the new base {@code live} and its head: tombstones first, each carrying
     * the head's current offset, so in at-least-once mode the new head is stored only once they are.
     */
    private List<SourceRecord> tombstonesAndBase(List<Object> deleted, IdSet live, String what) {
        List<SourceRecord> out = new ArrayList<>(deleted.size() + 2);
        Map<String, Object> headOffset = ledger.headOffset(); // null only while nothing is known: nothing to delete
        for (Object id : deleted) {
            out.add(records.tombstone(id, headOffset == null ? null : ledger.headPartition(), headOffset));
        }
        log.info("{}: {}; {} deleted records get tombstones", resource().name(), what, deleted.size());
        out.addAll(state.of(ledger.rebase(live, clock.instant())));
        return out;
    }

    /** The time between two scan pages: the scan's share of the requests the budget allows. */
    private Duration pace() {
        Double perSecond = client.budget().requestsPerSecond();
        double scanPerSecond = (perSecond == null ? 1.0 : perSecond) * budgetFraction;
        return Duration.ofNanos((long) (1e9 / scanPerSecond));
    }

    private static List<SourceRecord> concat(List<SourceRecord> a, List<SourceRecord> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<SourceRecord> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    @Override
    public Instant deliveredUpTo() {
        return sync.deliveredUpTo();
    }

    @Override
    public void close() {
        sync.close();
    }
}
