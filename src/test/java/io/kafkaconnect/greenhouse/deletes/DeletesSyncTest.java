package io.kafkaconnect.greenhouse.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.AshbySourceTask;
import io.kafkaconnect.greenhouse.GreenhouseSourceTask;
import io.kafkaconnect.greenhouse.simulator.Dialect;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ListOrder;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.util.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deletes reach the topic as tombstones, for each paging model, through a task whose offsets are committed and kept
 * across a restart: records deleted between two reconciliations (also one created and deleted in between), deleted
 * while a reconciliation's scan reads (one on a page the scan has read, which shifts the pages after it, and one on a
 * page it has not), and deleted while the task is stopped. Exactly the deleted ids get tombstones, and no tombstone
 * is ever sent for a record that exists when it is sent ({@link TaskDriver}), also not for one edited while a scan
 * reads.
 */
class DeletesSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String KEY = "deletes-key";
    private static final String CLIENT = "deletes-client";
    private static final String SECRET = "deletes-secret";

    /** What a scenario needs of an API: a task, its settings, the ids listed in list order, and mutations. */
    private record Api(Supplier<SourceTask> tasks, Map<String, String> props, String resource,
                       Supplier<List<Object>> idsInListOrder, Consumer<Object> delete, Supplier<Object> insert,
                       Consumer<Object> edit) {
        TaskDriver driver() {
            return new TaskDriver(tasks, props, "t." + resource, "id", () -> new LinkedHashSet<>(idsInListOrder.get()));
        }
    }

    private static Map<String, String> common(String resource) {
        Map<String, String> props = new HashMap<>();
        props.put("task.resources", resource);
        props.put("topic.prefix", "t");
        props.put("page.size", "5");
        props.put("poll.interval.ms", "1000");
        props.put("snapshot.interval.ms", "1000");
        props.put("deletes.reconcile.interval.ms", "1000");
        props.put("deletes.reconcile.budget.fraction", "1");
        return props;
    }

    private static Api harvest(HarvestSimulator sim, String version, String resource) {
        Map<String, String> props = common(resource);
        props.put("greenhouse.api.version", version);
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("sync.safety.lag.ms", "0");
        if (version.equals("v1")) {
            props.put("greenhouse.api.key", KEY);
        } else {
            props.put("greenhouse.oauth.client.id", CLIENT);
            props.put("greenhouse.oauth.client.secret", SECRET);
            props.put("greenhouse.oauth.token.url", sim.tokenUrl());
        }
        // v1 pages by offset in the simulator's list order; v3 by keyset cursors, the highest ids first
        Supplier<List<Object>> ids = version.equals("v1") ? () -> new ArrayList<>(sim.v1ListOrder(resource))
                : () -> new ArrayList<>(sim.truth(resource, Dialect.V3).keySet().stream()
                        .sorted(Comparator.reverseOrder()).toList());
        return new Api(GreenhouseSourceTask::new, props, resource, ids,
                id -> sim.delete(resource, (Long) id), () -> sim.insert(resource), id -> sim.edit(resource, (Long) id));
    }

    private static Api ashby(AshbySimulator sim, String resource) {
        Map<String, String> props = common(resource);
        props.put("ashby.api.key", KEY);
        props.put("ashby.base.url", sim.baseUrl());
        return new Api(AshbySourceTask::new, props, resource, () -> new ArrayList<>(sim.ids(resource)),
                id -> sim.delete(resource, (String) id), () -> sim.insert(resource),
                id -> sim.edit(resource, (String) id));
    }

    @Test
    @Timeout(180)
    void harvestV1ListedById() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(31L).apiKey(KEY).records("candidates", 40)
                .listOrder(ListOrder.ID).build().start()) { // the list by id; the default, by change time, below
            incremental(harvest(sim, "v1", "candidates"));
        }
    }

    /** A list ordered by change time (the v1 docs state none): a record edited during a scan moves to its end. */
    @ParameterizedTest
    @ValueSource(strings = {"candidates", "applications"})
    @Timeout(180)
    void harvestV1ListedByChangeTime(String resource) throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(37L).apiKey(KEY).records(resource, 40)
                .listOrder(ListOrder.LAST_CHANGED).build().start()) {
            incremental(harvest(sim, "v1", resource));
        }
    }

    @Test
    @Timeout(180)
    void harvestV3WindowsCursors() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(32L).oauthClient(CLIENT, SECRET)
                .records("candidates", 40).build().start()) {
            incremental(harvest(sim, "v3", "candidates"));
        }
    }

    @Test
    @Timeout(180)
    void ashbySyncTokens() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(33L).apiKey(KEY).records("candidates", 40)
                .build().start()) {
            incremental(ashby(sim, "candidates"));
        }
    }

    @Test
    @Timeout(180)
    void ashbyResourceReadAsSeveralListsIsScannedThroughEachOfThem() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(34L).apiKey(KEY).records("survey_submissions", 40)
                .build().start()) {
            incremental(ashby(sim, "survey_submissions"));
        }
    }

    private static void incremental(Api api) throws Exception {
        Set<Object> deleted = new LinkedHashSet<>();
        try (LogCapture log = new LogCapture(); TaskDriver driver = api.driver()) {
            driver.start();
            driver.pollUntil(() -> driver.basesWritten() >= 1, WAIT, "the first reconciliation");
            assertThat(driver.tombstoned()).isEmpty();
            assertThat(driver.liveInTopic()).containsExactlyInAnyOrderElementsOf(api.idsInListOrder().get());

            List<Object> ids = api.idsInListOrder().get();
            Object between = ids.get(ids.size() / 2);
            api.delete().accept(between);
            deleted.add(between);
            Object created = api.insert().get();
            driver.pollUntil(() -> driver.liveInTopic().contains(created), WAIT, "the new record");
            api.delete().accept(created);
            deleted.add(created);
            driver.pollUntil(() -> driver.tombstoned().containsAll(deleted), WAIT, "the first deletes");

            long begun = begun(log);
            driver.pollUntil(() -> begun(log) > begun, WAIT, "a reconciliation's scan to begin");
            // the scan has read its first page: delete a record it listed there, and one on a page it has not read;
            // edit one it has not read (on Harvest the edit moves it out of the scan's window: the sync sends it)
            ids = api.idsInListOrder().get();
            Object listed = ids.get(2);
            Object unread = ids.get(7);
            api.delete().accept(listed);
            api.delete().accept(unread);
            api.edit().accept(ids.get(9));
            deleted.add(listed);
            deleted.add(unread);
            driver.pollUntil(() -> driver.tombstoned().contains(unread), WAIT, "the delete on a page not read yet");

            driver.stop();
            Object whileStopped = api.idsInListOrder().get().get(4);
            api.delete().accept(whileStopped);
            deleted.add(whileStopped);
            driver.start(); // the offsets (and with them the ledger) kept
            driver.pollUntil(() -> driver.tombstoned().containsAll(deleted), WAIT, "every delete");
            driver.pollFor(Duration.ofSeconds(3)); // another reconciliation or two: nothing more

            assertThat(driver.tombstoned()).containsExactlyInAnyOrderElementsOf(deleted);
            assertThat(driver.liveInTopic()).containsExactlyInAnyOrderElementsOf(api.idsInListOrder().get());
        }
    }

    @Test
    @Timeout(120)
    void aSnapshotResourceFindsDeletesAtEachPassAlsoThoseMadeWhileTheTaskWasStopped() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(34L).apiKey(KEY).records("departments", 14)
                .build().start(); LogCapture log = new LogCapture()) {
            Api api = harvest(sim, "v1", "departments");
            try (TaskDriver driver = api.driver()) {
                driver.start();
                driver.pollUntil(() -> driver.basesWritten() >= 1, WAIT, "the first pass");
                List<Object> ids = api.idsInListOrder().get();
                Object first = ids.get(6);
                api.delete().accept(first);
                driver.pollUntil(() -> driver.tombstoned().contains(first), WAIT, "the delete");
                driver.stop();
                Object second = ids.get(1);
                api.delete().accept(second);
                driver.start();
                driver.pollUntil(() -> driver.tombstoned().contains(second), WAIT, "the delete while stopped");
                driver.pollFor(Duration.ofSeconds(2));
                assertThat(driver.tombstoned()).containsExactly(first, second);
                assertThat(driver.liveInTopic()).containsExactlyInAnyOrderElementsOf(api.idsInListOrder().get());
            }
        }
    }

    @Test
    @Timeout(60)
    void deletesModeNoneSendsNoTombstoneAndWritesNoLedger() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(35L).apiKey(KEY).records("candidates", 12)
                .records("departments", 6).build().start()) {
            Api api = harvest(sim, "v1", "candidates");
            api.props().put("task.resources", "candidates,departments");
            api.props().put("deletes.mode", "none");
            try (TaskDriver driver = api.driver()) {
                driver.start();
                driver.pollUntil(() -> driver.liveInTopic().size() == 12, WAIT, "the first window");
                api.delete().accept(api.idsInListOrder().get().get(3));
                sim.delete("departments", sim.truth("departments").keySet().iterator().next());
                driver.pollFor(Duration.ofSeconds(5));
                assertThat(driver.tombstoned()).isEmpty();
                assertThat(driver.stateRecords()).isEmpty();
                for (Collection<Map<String, Object>> asked : driver.asked()) {
                    assertThat(asked).noneMatch(LedgerPartitions::isLedger);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void aLedgerStartedWithItsSyncWaitsAnIntervalOneSwitchedOnBesideATopicScansAtOnce() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(36L).apiKey(KEY).records("candidates", 12)
                .build().start(); LogCapture log = new LogCapture()) {
            Api api = harvest(sim, "v1", "candidates");
            api.props().put("deletes.reconcile.interval.ms", String.valueOf(Duration.ofHours(1).toMillis()));
            try (TaskDriver fresh = api.driver()) {
                fresh.start(); // no offsets: the ledger learns every id the sync sends, nothing to reconcile yet
                fresh.pollUntil(() -> fresh.liveInTopic().size() == 12, WAIT, "the first window");
                fresh.pollFor(Duration.ofSeconds(3));
                assertThat(begun(log)).isZero();
                assertThat(fresh.basesWritten()).isZero();
            }
            api.props().put("deletes.mode", "none");
            try (TaskDriver switched = api.driver()) {
                switched.start();
                switched.pollUntil(() -> switched.liveInTopic().size() == 12, WAIT, "the first window");
                switched.stop();
                api.props().put("deletes.mode", "tombstone"); // the topic holds ids no ledger knows: scan them now
                switched.start();
                switched.pollUntil(() -> switched.basesWritten() >= 1, WAIT, "a reconciliation at once");
                assertThat(switched.tombstoned()).isEmpty();
            }
        }
    }

    private static long begun(LogCapture log) {
        return log.lines().stream().filter(l -> l.contains("reconciliation begins")).count();
    }
}
