package io.kafkaconnect.greenhouse.simulator.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Changes a simulator's records while it runs: random edits and inserts at a steady rate on a background thread,
 * and the count of edits and inserts made (by it, and by the simulator's single and bulk edits). The simulator says
 * what an edit and an insert of each resource are.
 */
public final class Mutations implements AutoCloseable {
    private static final long TICK_MS = 20;

    /** One resource the mutations can change: edit one random record (false if none), insert one. */
    private record Target(BooleanSupplier editRandom, Runnable insert) {
    }

    private final String threadName;
    private final Function<String[], List<Target>> targets;
    private final IntUnaryOperator pick;
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private ScheduledExecutorService scheduler;

    /**
     * @param all        every resource the mutations may change
     * @param byName     a resource by a name the simulator accepts (throws if unknown)
     * @param editRandom edits a random record of a resource; false if it has none
     * @param insert     inserts a record
     * @param pick       which of {@code n} resources the next mutation goes to
     * @param <R>        the simulator's resource type
     */
    public <R> Mutations(String threadName, List<R> all, Function<String, R> byName, Predicate<R> editRandom,
            Consumer<R> insert, IntUnaryOperator pick) {
        this.threadName = threadName;
        this.targets = names -> {
            List<Target> chosen = new ArrayList<>();
            for (R r : names.length == 0 ? all : Arrays.stream(names).map(byName).toList()) {
                chosen.add(new Target(() -> editRandom.test(r), () -> insert.accept(r)));
            }
            return chosen;
        };
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
