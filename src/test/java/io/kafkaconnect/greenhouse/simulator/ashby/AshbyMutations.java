package io.kafkaconnect.greenhouse.simulator.ashby;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Random background edits and inserts at a given rate (like the Harvest simulator's MutationEngine). */
public final class AshbyMutations implements AutoCloseable {
    private static final long TICK_MS = 20;

    private final AshbyStore store;
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private ScheduledExecutorService scheduler;

    AshbyMutations(AshbyStore store) {
        this.store = store;
    }

    /**
     * About {@code editsPerSecond} edits and {@code insertsPerSecond} inserts per second, spread uniformly over
     * {@code resources} (names or methods; all record resources if none). Replaces a running schedule.
     */
    public synchronized AshbyMutations startRandom(double editsPerSecond, double insertsPerSecond,
            String... resources) {
        if (editsPerSecond < 0 || insertsPerSecond < 0) {
            throw new IllegalArgumentException("rates must be >= 0");
        }
        List<AshbyResource> targets = new ArrayList<>();
        if (resources.length == 0) {
            for (AshbyResource r : AshbyResource.values()) {
                if (r.kind != AshbyResource.Kind.HISTORY) {
                    targets.add(r);
                }
            }
        } else {
            for (String name : resources) {
                targets.add(AshbySimulator.recordResource(name));
            }
        }
        stop();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ashby-sim-mutations");
            t.setDaemon(true);
            return t;
        });
        double[] credit = new double[2];
        int[] turn = new int[1];
        s.scheduleAtFixedRate(() -> {
            credit[0] += editsPerSecond * TICK_MS / 1000.0;
            credit[1] += insertsPerSecond * TICK_MS / 1000.0;
            while (credit[0] >= 1) {
                credit[0] -= 1;
                AshbyResource r = targets.get(turn[0]++ % targets.size());
                int i = store.randomIndex(r);
                if (i >= 0) {
                    store.edit(r, i);
                    edits.incrementAndGet();
                }
            }
            while (credit[1] >= 1) {
                credit[1] -= 1;
                store.insert(targets.get(turn[0]++ % targets.size()));
                inserts.incrementAndGet();
            }
        }, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        scheduler = s;
        return this;
    }

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

    /** Background edits made so far. */
    public long editCount() {
        return edits.get();
    }

    /** Background inserts made so far. */
    public long insertCount() {
        return inserts.get();
    }

    @Override
    public void close() {
        stop();
    }
}
