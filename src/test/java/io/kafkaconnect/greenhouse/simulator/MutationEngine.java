package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes records while the simulator runs: single edits, inserts and bulk edits on demand (thread-safe), and a
 * background engine doing random edits and inserts at a given rate.
 */
public final class MutationEngine implements AutoCloseable {
    private final DataSet data;
    private final RandomMutations random = new RandomMutations("harvest-sim-mutations");

    MutationEngine(DataSet data) {
        this.data = data;
    }

    /**
     * Start random mutations: about {@code editsPerSecond} edits and {@code insertsPerSecond} inserts per second,
     * spread uniformly over {@code resources} (all resources if none are given). Replaces a running schedule.
     */
    public synchronized MutationEngine startRandom(double editsPerSecond, double insertsPerSecond, String... resources) {
        List<Resource> targets = new ArrayList<>();
        if (resources.length == 0) {
            targets.addAll(List.of(Resource.values()));
        } else {
            for (String r : resources) {
                targets.add(Resource.byName(r));
            }
        }
        random.start(editsPerSecond, insertsPerSecond, () -> {
            Resource r = targets.get(data.randomInt(targets.size()));
            long id = data.randomId(r);
            if (id < 0) {
                return false;
            }
            data.edit(r, id);
            return true;
        }, () -> data.insert(targets.get(data.randomInt(targets.size()))));
        return this;
    }

    /** Stop the background mutations (waits for a running tick to finish). */
    public void stop() {
        random.stop();
    }

    public boolean running() {
        return random.running();
    }

    /** Edits made so far (single, bulk and background). */
    public long editCount() {
        return random.editCount();
    }

    /** Inserts made so far (single and background). */
    public long insertCount() {
        return random.insertCount();
    }

    /** Edit one record; returns its new version. */
    public int edit(String resource, long id) {
        Row row = data.edit(Resource.byName(resource), id);
        random.countEdits(1);
        return row.version();
    }

    /** Insert one record; returns its id. */
    public long insert(String resource) {
        Row row = data.insert(Resource.byName(resource));
        random.countInsert();
        return row.id();
    }

    /** Edit n distinct random records so they share one new change timestamp; returns their ids ascending. */
    public List<Long> bulkEdit(String resource, int n) {
        List<Row> rows = data.bulkEdit(Resource.byName(resource), n);
        random.countEdits(rows.size());
        return rows.stream().map(Row::id).toList();
    }

    @Override
    public void close() {
        stop();
    }
}
