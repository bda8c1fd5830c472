package io.kafkaconnect.greenhouse.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.sync.IdSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final Instant SCAN_END = Instant.parse("2024-05-01T10:00:00Z");

    private static IdSet known(long... ids) {
        IdSet set = new IdSet(IdSet.Kind.NUMBER);
        for (long id : ids) {
            set.add(id);
        }
        return set;
    }

    @Test
    void theDeletedAreTheIdsKnownAtTheStartThatTheScanDidNotListAndTheSyncDidNotSend() {
        IdSet known = known(1, 2, 3, 4, 5);
        Reconciliation r = new Reconciliation(known);
        known.add(6L); // learnt after the scan began: not the reconciliation's to judge
        r.listed(List.of(1L, 3L, 7L));
        r.sent(4L); // changed while the scan read, so the scan may have missed it: the sync sent it
        r.scanned(SCAN_END);
        assertThat(r.deleted()).containsExactly(2L, 5L);
        assertThat(r.listedIds().contains(7L)).isTrue();
    }

    @Test
    void nothingIsToldBeforeTheScanEndedAndTheSyncDeliveredEverythingUpToItsEnd() {
        Reconciliation r = new Reconciliation(known(1, 2));
        r.listed(List.of(1L));
        assertThat(r.scanning()).isTrue();
        assertThat(r.ready(SCAN_END.plusSeconds(60))).as("scan not ended").isFalse();
        assertThatThrownBy(r::deleted).isInstanceOf(IllegalStateException.class);
        r.scanned(SCAN_END);
        assertThat(r.ready(null)).as("the sync has delivered nothing yet").isFalse();
        assertThat(r.ready(SCAN_END.minusMillis(1))).as("a change just before the scan's end may be unsent").isFalse();
        assertThat(r.ready(SCAN_END)).isTrue();
        r.sent(2L); // the sync sent it after all (it changed while the scan read, and left the scan's list)
        assertThat(r.deleted()).isEmpty();
    }

    @Test
    void goneIsWhatNoSetHolds() {
        assertThat(Reconciliation.gone(known(9, 1, 5), known(5), known())).containsExactly(1L, 9L);
        IdSet uuids = new IdSet(IdSet.Kind.STRING);
        uuids.add("00000000-0000-0000-0000-000000000002");
        uuids.add("ffffffff-0000-0000-0000-000000000001");
        assertThat(Reconciliation.gone(uuids, new IdSet(IdSet.Kind.STRING)))
                .containsExactly("00000000-0000-0000-0000-000000000002", "ffffffff-0000-0000-0000-000000000001");
    }

    @Test
    void idsTheFirstScanMissedAreDeletedOnlyIfASecondScanMissesThemToo() {
        Reconciliation r = new Reconciliation(known(1, 2, 3, 4));
        r.listed(List.of(1L, 3L));
        r.scanned(SCAN_END);
        assertThat(r.unconfirmed()).as("2 and 4 missed").isTrue();
        r.rescan();
        assertThat(r.scanning()).isTrue();
        assertThat(r.ready(SCAN_END.plusSeconds(60))).as("not before the second scan ended").isFalse();
        r.listed(List.of(1L, 4L)); // 4 was skipped by the first (a delete shifted it), 3 deleted since it was listed
        r.scanned(SCAN_END.plusSeconds(30));
        assertThat(r.unconfirmed()).isFalse();
        assertThat(r.ready(SCAN_END.plusSeconds(29))).isFalse();
        assertThat(r.ready(SCAN_END.plusSeconds(30))).isTrue();
        assertThat(r.deleted()).as("3 waits for the next reconciliation").containsExactly(2L);

        Reconciliation complete = new Reconciliation(known(1, 2));
        complete.listed(List.of(2L));
        complete.sent(1L);
        complete.scanned(SCAN_END);
        assertThat(complete.unconfirmed()).as("nothing missed: one scan is enough").isFalse();
    }
}
