package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of spans at the start of a {@link ParallelBackfill} ({@link BackfillPlanner#counting}): one request on
 * the fetch pool per span the planner asks to count ({@link WindowWalker#count}), whose count (or none, if it
 * cannot be had) the planner is told. Its fields are read and written only under the backfill's lock.
 */
final class SpanCounts {
    /** Logs as the backfill it is part of. */
    private static final Logger log = LoggerFactory.getLogger(ParallelBackfill.class);

    private final WindowWalker walker;
    private final BackfillPlanner planner;
    private final BackfillCoordinator backfill;
    /** The counts started, in span order (null where the pool refused one). */
    private final List<Future<?>> probes = new ArrayList<>();
    private int running;

    SpanCounts(WindowWalker walker, BackfillPlanner planner, BackfillCoordinator backfill) {
        this.walker = walker;
        this.planner = planner;
        this.backfill = backfill;
    }

    /** Under the lock: counts in flight. */
    int running() {
        return running;
    }

    /** Under the lock: whether a span the planner asks to count has not been started yet. */
    boolean left() {
        return probes.size() < planner.probes();
    }

    /** Under the lock: starts counting the next span on the pool. */
    void startNext() {
        startProbe(probes.size());
    }

    /** Under the lock: cancels the counts started. */
    void cancel() {
        probes.stream().filter(Objects::nonNull).forEach(f -> f.cancel(true));
    }

    /** Under the lock: starts counting the {@code i}th span on the pool. */
    private void startProbe(int i) {
        Window span = planner.probeSpan(i);
        running++;
        try {
            probes.add(backfill.submit(() -> probe(i, span.from(), span.to())));
        } catch (RejectedExecutionException e) {
            running--;
            probes.add(null);
            planner.probed(i, null);
        }
    }

    /** Runs on the pool: counts one span. A count that cannot be had means planning without the curve. */
    private void probe(int i, Instant from, Instant to) {
        Long count = null;
        try {
            count = walker.count(from, to);
        } catch (RuntimeException e) {
            log.debug("counting [{}, {}) failed; planning without the counts: {}", from, to, e.toString());
        }
        backfill.lock().lock();
        try {
            running--;
            planner.probed(i, count);
            backfill.workEnded();
        } finally {
            backfill.lock().unlock();
        }
    }
}
