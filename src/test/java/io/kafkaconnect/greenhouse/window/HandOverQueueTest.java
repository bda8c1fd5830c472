package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class HandOverQueueTest {
    private static final int PAGE = 10;
    private static final IntSupplier EIGHT = () -> 8;

    private static ParallelBackfill.Batch page(int records) {
        List<SourceRecord> list = Collections.nCopies(records, null);
        return new ParallelBackfill.Batch(list, new WindowOffset.Between(Instant.EPOCH));
    }

    @Test
    void itIsFullWhileMoreThanFourPagesWaitAndHandsBatchesOverInOrder() {
        HandOverQueue queue = new HandOverQueue(PAGE);
        ParallelBackfill.Batch first = page(PAGE);
        queue.add(first);
        for (int i = 1; i < HandOverQueue.QUEUED_PAGES; i++) {
            queue.add(page(PAGE));
        }
        assertThat(queue.full()).as("four pages may wait").isFalse();
        queue.add(page(1));
        assertThat(queue.full()).isTrue();
        assertThat(queue.take()).isSameAs(first);
        assertThat(queue.full()).isFalse();
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.take()).isNull();
    }

    @Test
    void whileTheWorkerIsTheSlowerSideFewerReadsAreAllowedUntilItWaitsForRecordsAgain() {
        HandOverQueue queue = new HandOverQueue(PAGE);
        assertThat(queue.readLimit(EIGHT)).isEqualTo(8);
        queue.stoppedForRoom(EIGHT);
        queue.stoppedForRoom(EIGHT);
        assertThat(queue.throttled()).isTrue();
        assertThat(queue.readLimit(EIGHT)).isEqualTo(6);
        for (int i = 0; i < 10; i++) {
            queue.stoppedForRoom(EIGHT);
        }
        assertThat(queue.readLimit(EIGHT)).as("one read always").isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            queue.workerWaits(EIGHT);
        }
        assertThat(queue.readLimit(EIGHT)).isEqualTo(7);
        queue.workerWaits(EIGHT);
        assertThat(queue.throttled()).as("back to what the concurrency says").isFalse();
        assertThat(queue.readLimit(() -> 0)).as("at least one read").isEqualTo(1);
    }
}
