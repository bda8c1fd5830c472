package io.kafkaconnect.greenhouse.deletes;

import io.kafkaconnect.greenhouse.sync.IdSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One reconciliation of an incremental resource: the ids known when its scan began (K0), the ids the scan lists (C)
 * and the ids the sync sent since it began (S). Once the scan has ended and the sync has delivered every change up to
 * the scan's end, a live record is in C (it did not change while the scan read, so the scan listed it) or in S (it
 * changed, and the sync sent the change): the records deleted are K0 less C and S. Before that, nothing is deleted.
 * <p>That a scan lists every record that stays put rests on the list's order (UNCERTAIN: neither API documents
 * one); where a list pages by position, a record deleted while the scan reads shifts the records after it, and one
 * could be skipped. So a first scan that misses known ids is confirmed by a second one: an id is deleted only if
 * neither scan listed it (C is then what either listed). A skip needs a delete just before it, and two in a row at
 * the same place are far less likely than one.
 */
final class Reconciliation {
    private final IdSet before;
    private final IdSet listed;
    private final IdSet sent;
    private Instant scanEnd;
    private int scansEnded;

    Reconciliation(IdSet known) {
        this.before = known.copy();
        this.listed = new IdSet(known.kind());
        this.sent = new IdSet(known.kind());
    }

    void listed(Collection<Object> ids) {
        ids.forEach(listed::add);
    }

    void sent(Object id) {
        sent.add(id);
    }

    /** The scan read its last page; {@code end} as {@link io.kafkaconnect.greenhouse.sync.IdScan#end()}. */
    void scanned(Instant end) {
        scanEnd = end;
        scansEnded++;
    }

    /** After the first scan: whether it missed known ids the sync did not send, which a second scan must confirm. */
    boolean unconfirmed() {
        return scansEnded == 1 && !gone(before, listed, sent).isEmpty();
    }

    /** A second scan begins: what it lists is added to what the first listed. */
    void rescan() {
        scanEnd = null;
    }

    boolean scanning() {
        return scanEnd == null;
    }

    /** Whether the deletes can be told: the scan ended and the sync delivered everything up to its end. */
    boolean ready(Instant deliveredUpTo) {
        return scanEnd != null && deliveredUpTo != null && !deliveredUpTo.isBefore(scanEnd);
    }

    IdSet listedIds() {
        return listed;
    }

    int known() {
        return before.size();
    }

    /** K0 less C (of either scan) and S, ascending. */
    List<Object> deleted() {
        if (scanEnd == null) {
            throw new IllegalStateException("the scan has not ended");
        }
        return gone(before, listed, sent);
    }

    /** The ids of {@code known} in none of {@code present}, ascending. */
    static List<Object> gone(IdSet known, IdSet... present) {
        List<Object> out = new ArrayList<>();
        for (Object id : known.sorted()) {
            boolean live = false;
            for (IdSet p : present) {
                live |= p.contains(id);
            }
            if (!live) {
                out.add(id);
            }
        }
        return out;
    }
}
