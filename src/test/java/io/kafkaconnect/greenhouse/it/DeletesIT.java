package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deletes as tombstones through a real worker with exactly-once support: records are deleted in the simulator
 * between and during reconciliations, and the only worker is removed (and a new one added) while a reconciliation's
 * scan reads. Afterwards, for a read_committed consumer, every deleted id's last record is a tombstone, no tombstone
 * was ever written for an id that exists, and every record that exists is there with its value.
 */
class DeletesIT {
    private static final String KEY = "deletes-it-key";
    private static final String NAME = "deletes";
    private static final String TOPIC = NAME + ".candidates";
    private static final int RECORDS = 600;
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ConnectCluster.exactlyOnce("deletes-it");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void deletesFoundAcrossWorkerRemovalsMidReconciliationAreTombstonedExactlyOnceAndNoLiveRecordIs()
            throws Exception {
        Random random = new Random(41);
        // 10 requests/s, the scan paced at half of it: a scan of 13 pages takes several seconds
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(41L).apiKey(KEY).records("candidates", RECORDS)
                .latency(Duration.ofMillis(30), Duration.ZERO, 0.2).rateLimitV1(20, Duration.ofSeconds(2)).build()
                .start()) {
            Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, "candidates", 1);
            config.put("topic.prefix", NAME);
            config.put("page.size", "50");
            config.put("deletes.reconcile.interval.ms", "2000");
            config.put("deletes.reconcile.budget.fraction", "0.5");
            cluster.connect().configureConnector(NAME, config);
            ConnectCluster.await(Duration.ofSeconds(60), "every record in the topic",
                    () -> liveIds().size() == RECORDS);
            ConnectCluster.await(Duration.ofSeconds(60), "the first reconciliation", () -> basesWritten() >= 1);

            Set<Long> deleted = new HashSet<>();
            for (int crash = 0; crash < 2; crash++) {
                deleteSome(sim, random, deleted, 5);
                sim.clearRequestLog();
                ConnectCluster.await(Duration.ofSeconds(60), "a reconciliation's scan to begin",
                        () -> scanRequests(sim) >= 2);
                deleteSome(sim, random, deleted, 5); // while the scan reads
                cluster.connect().removeWorker();
                cluster.connect().addWorker();
                cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(NAME, 1,
                        "the connector did not come back after removal " + (crash + 1));
            }
            deleteSome(sim, random, deleted, 5);

            Set<Long> live = sim.truth("candidates").keySet();
            ConnectCluster.await(Duration.ofSeconds(120), "a tombstone for every deleted record",
                    () -> tombstonedIds().containsAll(deleted), () -> "(" + deleted.size() + " deleted)");
            assertThat(live).hasSize(RECORDS - deleted.size());
            List<ConnectCluster.Record> records = cluster.readAll(true, TOPIC);
            for (ConnectCluster.Record r : records) {
                if (r.value() == null) {
                    assertThat(live).as("a tombstone for a record that exists").doesNotContain(r.key().get("id").asLong());
                }
            }
            assertThat(tombstonedIds()).containsExactlyInAnyOrderElementsOf(deleted);
            assertThat(liveIds()).as("nothing lost").containsExactlyInAnyOrderElementsOf(live);
            cluster.connect().deleteConnector(NAME);
        }
    }

    private static void deleteSome(HarvestSimulator sim, Random random, Set<Long> deleted, int n) {
        List<Long> ids = new ArrayList<>(sim.truth("candidates").keySet());
        for (int i = 0; i < n; i++) {
            long id = ids.remove(random.nextInt(ids.size()));
            sim.delete("candidates", id);
            deleted.add(id);
        }
    }

    /** Requests for candidates with no lower bound: after the first window, only a reconciliation's scan sends them. */
    private static long scanRequests(HarvestSimulator sim) {
        return sim.requestLog().stream().filter(r -> r.path().equals("/v1/candidates")
                && !r.query().containsKey("updated_after") && !"1".equals(r.query().get("per_page"))).count();
    }

    /** The last value of each id in the topic, for a read_committed consumer (null: a tombstone). */
    private static Map<Long, Boolean> lastIsValue() {
        Map<Long, Boolean> last = new LinkedHashMap<>();
        try {
            for (ConnectCluster.Record r : cluster.readAll(true, TOPIC)) {
                last.put(r.key().get("id").asLong(), r.value() != null);
            }
        } catch (IllegalStateException e) {
            return Map.of();
        }
        return last;
    }

    private static Set<Long> liveIds() {
        Set<Long> out = new HashSet<>();
        lastIsValue().forEach((id, value) -> {
            if (value) {
                out.add(id);
            }
        });
        return out;
    }

    private static Set<Long> tombstonedIds() {
        Set<Long> out = new HashSet<>();
        lastIsValue().forEach((id, value) -> {
            if (!value) {
                out.add(id);
            }
        });
        return out;
    }

    /** How many times the ledger's base was written (a reconciliation ended), for a read_committed consumer. */
    private static long basesWritten() {
        try {
            return cluster.readAll(true, NAME + ".__deletes_state").stream()
                    .filter(r -> r.value() != null && r.value().asText().startsWith("head:")
                            && r.value().asText().contains(", 0 journal segments")).count();
        } catch (IllegalStateException e) {
            return 0;
        }
    }
}
