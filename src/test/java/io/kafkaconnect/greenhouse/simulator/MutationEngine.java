package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Changes records while the simulator runs: single edits, inserts and bulk edits on demand (thread-safe), and a
 * background engine doing random edits and inserts at a given rate.
 */
public final class MutationEngine implements AutoCloseable {
    private static final long TICK_MS = 20;

    private final DataSet data;
    private final AtomicLong edits = new AtomicLong();
    private final AtomicLong inserts = new AtomicLong();
    private ScheduledExecutorService scheduler;

    MutationEngine(DataSet data) {
        this.data = data;
    }

    /**
     * Start random mutations: about {@code editsPerSecond} edits and {@code insertsPerSecond} inserts per second,
     * spread uniformly over {@code resources} (all resources if none are given). Replaces a running schedule.
     */
    public synchronized MutationEngine startRandom(double editsPerSecond, double insertsPerSecond, String... resources) {
        if (editsPerSecond < 0 || insertsPerSecond < 0) {
            throw new IllegalArgumentException("rates must be >= 0");
        }
        List<Resource> targets = new ArrayList<>();
        if (resources.length == 0) {
            targets.addAll(List.of(Resource.values()));
        } else {
            for (String r : resources) {
                targets.add(Resource.byName(r));
            }
        }
        stop();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "harvest-sim-mutations");
            t.setDaemon(true);
            return t;
        });
        double[] credit = new double[2];
        s.scheduleAtFixedRate(() -> {
            credit[0] += editsPerSecond * TICK_MS / 1000.0;
            credit[1] += insertsPerSecond * TICK_MS / 1000.0;
            while (credit[0] >= 1) {
                credit[0] -= 1;
                Resource r = targets.get(data.randomInt(targets.size()));
                long id = data.randomId(r);
                if (id >= 0) {
                    data.edit(r, id);
                    edits.incrementAndGet();
                }
            }
            while (credit[1] >= 1) {
                credit[1] -= 1;
                data.insert(targets.get(data.randomInt(targets.size())));
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

    /** Edits made so far (single, bulk and background). */
    public long editCount() {
        return edits.get();
    }

    /** Inserts made so far (single and background). */
    public long insertCount() {
        return inserts.get();
    }

    /** Edit one record; returns its new version. */
    public int edit(String resource, long id) {
        Row row = data.edit(Resource.byName(resource), id);
        edits.incrementAndGet();
        return row.version();
    }

    /** Insert one record; returns its id. */
    public long insert(String resource) {
        Row row = data.insert(Resource.byName(resource));
        inserts.incrementAndGet();
        return row.id();
    }

    /** Edit n distinct random records so they share one new change timestamp; returns their ids ascending. */
    public List<Long> bulkEdit(String resource, int n) {
        List<Row> rows = data.bulkEdit(Resource.byName(resource), n);
        edits.addAndGet(rows.size());
        return rows.stream().map(Row::id).toList();
    }

    @Override
    public void close() {
        stop();
    }
}
