package io.kafkaconnect.greenhouse.simulator.core;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Changes a simulator's records while it runs: random edits and inserts at a steady rate on a background thread,
 * and the count of edits and inserts made (by it, and by the simulator's single and bulk edits). The simulator says
 * what an edit and an insert of each resource are.
 */
public final class Mutations implements AutoCloseable {
    private static final long TICK_MS = 20;

    /**
     * One resource the mutations can change.
     *
     * @param editRandom edits one random record; false if there was nothing to edit
     * @param insert     inserts one record
     */
    public record Target(BooleanSupplier editRandom, Runnable insert) {
    }

    private final String threadName;
    private final Function<String[], List<Target>> targets;
    private final IntUnaryOperator pick;
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private ScheduledExecutorService scheduler;

    /**
     * @param targets the resources named (names the simulator accepts), all it can change if none
     * @param pick    which of {@code n} targets the next mutation goes to
     */
    public Mutations(String threadName, Function<String[], List<Target>> targets, IntUnaryOperator pick) {
        this.threadName = threadName;
        this.targets = targets;
        this.pick = pick;
    }

    /**
     * Start random mutations: about {@code editsPerSecond} edits and {@code insertsPerSecond} inserts per second,
     * spread over {@code resources} (all resources if none are given). Replaces a running schedule.
     */
    public synchronized Mutations startRandom(double editsPerSecond, double insertsPerSecond, String... resources) {
        if (editsPerSecond < 0 || insertsPerSecond < 0) {
            throw new IllegalArgumentException("rates must be >= 0");
        }
        List<Target> chosen = targets.apply(resources);
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
                if (chosen.get(pick.applyAsInt(chosen.size())).editRandom().getAsBoolean()) {
                    edits.incrementAndGet();
                }
            }
            while (credit[1] >= 1) {
                credit[1] -= 1;
                chosen.get(pick.applyAsInt(chosen.size())).insert().run();
                inserts.incrementAndGet();
            }
        }, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        scheduler = s;
        return this;
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

    /** Edits made so far (single, bulk and background). */
    public long editCount() {
        return edits.get();
    }

    /** Inserts made so far (single and background). */
    public long insertCount() {
        return inserts.get();
    }

    @Override
    public void close() {
        stop();
    }
}
