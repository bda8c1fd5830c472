package io.kafkaconnect.greenhouse.simulator.ashby;

import io.kafkaconnect.greenhouse.simulator.RandomMutations;
import java.util.ArrayList;
import java.util.List;

/** Random background edits and inserts at a given rate (the Harvest simulator's {@link RandomMutations}). */
public final class AshbyMutations implements AutoCloseable {
    private final AshbyStore store;
    private final RandomMutations random = new RandomMutations("ashby-sim-mutations");

    AshbyMutations(AshbyStore store) {
        this.store = store;
    }

    /**
     * About {@code editsPerSecond} edits and {@code insertsPerSecond} inserts per second, spread uniformly over
     * {@code resources} (names or methods; all record resources if none). Replaces a running schedule.
     */
    public synchronized AshbyMutations startRandom(double editsPerSecond, double insertsPerSecond,
            String... resources) {
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
        int[] turn = new int[1];
        random.start(editsPerSecond, insertsPerSecond, () -> {
            AshbyResource r = targets.get(turn[0]++ % targets.size());
            int i = store.randomIndex(r);
            if (i < 0) {
                return false;
            }
            store.edit(r, i);
            return true;
        }, () -> store.insert(targets.get(turn[0]++ % targets.size())));
        return this;
    }

    public void stop() {
        random.stop();
    }

    public boolean running() {
        return random.running();
    }

    /** Background edits made so far. */
    public long editCount() {
        return random.editCount();
    }

    /** Background inserts made so far. */
    public long insertCount() {
        return random.insertCount();
    }

    @Override
    public void close() {
        stop();
    }
}
