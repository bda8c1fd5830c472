package io.kafkaconnect.greenhouse.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Edits and inserts at a steady rate on a background thread, and the count of edits and inserts made (by it, and
 * by callers that report theirs). The simulators say what an edit and an insert are.
 */
public final class RandomMutations implements AutoCloseable {
    private static final long TICK_MS = 20;

    private final String threadName;
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public RandomMutations(String threadName) {
        this.threadName = threadName;
    }

    /**
     * About {@code editsPerSecond} edits and {@code insertsPerSecond} inserts per second; replaces a running
     * schedule.
     *
     * @param edit   makes one edit; false if there was nothing to edit
     * @param insert makes one insert
     */
    public synchronized void start(double editsPerSecond, double insertsPerSecond, BooleanSupplier edit,
                                   Runnable insert) {
        if (editsPerSecond < 0 || insertsPerSecond < 0) {
            throw new IllegalArgumentException("rates must be >= 0");
        }
        stop();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        double[] credit = new double[2];
        s.scheduleAtFixedRate(() -> {
            credit[0] += editsPerSecond * TICK_MS / 1000.0;
            credit[1] += insertsPerSecond * TICK_MS / 1000.0;
            while (credit[0] >= 1) {
                credit[0] -= 1;
                if (edit.getAsBoolean()) {
                    edits.incrementAndGet();
                }
            }
            while (credit[1] >= 1) {
                credit[1] -= 1;
                insert.run();
                inserts.incrementAndGet();
            }
        }, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    /** Stop the background mutations (waits for a running tick to finish). */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    public synchronized boolean running() {
        return scheduler != null;
    }

    /** Counts {@code n} edits made outside the schedule. */
    public void countEdits(long n) {
        edits.addAndGet(n);
    }

    /** Counts an insert made outside the schedule. */
    public void countInsert() {
        inserts.incrementAndGet();
    }

    public long editCount() {
        return edits.get();
    }

    public long insertCount() {
        return inserts.get();
    }

    @Override
    public void close() {
        stop();
    }
}
